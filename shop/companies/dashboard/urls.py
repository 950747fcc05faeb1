from django.urls import path

from shop.companies.dashboard import operators, views

app_name = "companies_store"

urlpatterns = [
    path("", views.StoreTermsView.as_view(), name="terms"),
    path("cobros/<int:pk>/confirmar/", views.StoreChargeConfirmView.as_view(), name="confirm"),
    path("listas/nueva/", views.PriceListView.as_view(), name="price_list_new"),
    path("listas/<int:pk>/", views.PriceListView.as_view(), name="price_list"),
    path(
        "listas/<int:pk>/importar/", views.PriceListImportView.as_view(), name="price_list_import"
    ),
    path("listas/<int:pk>/borrar/", views.PriceListDeleteView.as_view(), name="price_list_delete"),
]

# The operators' page (mounted at /dashboard/empresas/).
operator_pages = (
    [
        path("cobros/", operators.OpenChargesView.as_view(), name="charges"),
        path("cobros/<int:pk>/confirmar/", operators.ChargeConfirmView.as_view(), name="confirm"),
    ],
    "companies_operators",
)
