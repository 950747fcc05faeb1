from django.urls import path

from vendors import views
from vendors.dashboard import operators, product_moderation

app_name = "vendors"

urlpatterns = [
    path("vende/", views.VendorApplyView.as_view(), name="apply"),
    path("vende/gracias/", views.VendorApplyDoneView.as_view(), name="apply-done"),
    path("actores/", views.DirectoryView.as_view(), name="directory"),
    path("tiendas/<slug:slug>/", views.StoreView.as_view(), name="store"),
    path("dashboard/actores/", operators.OperatorVendorListView.as_view(), name="operator-list"),
    path(
        "dashboard/actores/<int:pk>/",
        operators.OperatorVendorDetailView.as_view(),
        name="operator-detail",
    ),
    path(
        "dashboard/actores/productos/",
        product_moderation.ProductModerationView.as_view(),
        name="operator-products",
    ),
    path(
        "dashboard/actores/saldos/",
        operators.OperatorBalanceListView.as_view(),
        name="operator-balances",
    ),
    path(
        "dashboard/actores/cuentas-de-comercio/",
        operators.OperatorMerchantAccountsView.as_view(),
        name="operator-merchant-accounts",
    ),
    path(
        "dashboard/actores/<slug:slug>/pagos/nuevo/",
        operators.OperatorPayoutCreateView.as_view(),
        name="operator-payout-create",
    ),
    path(
        "cuenta/compras/<str:number>/cancelar/",
        views.PurchasePartCancelView.as_view(),
        name="purchase-part-cancel",
    ),
    path(
        "cuenta/compras/<str:number>/cancelar/<str:hash>/",
        views.GuestPurchasePartCancelView.as_view(),
        name="guest-purchase-part-cancel",
    ),
]
