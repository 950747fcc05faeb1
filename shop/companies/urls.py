from django.urls import path

from shop.companies import views

app_name = "companies"

urlpatterns = [
    path("", views.CompanyHomeView.as_view(), name="home"),
    path("elegir/", views.CompanyChooseView.as_view(), name="choose"),
    path("comprar-como/", views.BuyAsView.as_view(), name="buy-as"),
    path("tienda/<slug:vendor_slug>/", views.BuyAsStoreView.as_view(), name="buy-as-store"),
    path("invitacion/<str:token>/", views.InvitationView.as_view(), name="invitation"),
    path("miembros/", views.MembersView.as_view(), name="members"),
    path("miembros/<int:pk>/", views.MemberEditView.as_view(), name="member-edit"),
    path("miembros/<int:pk>/quitar/", views.MemberRemoveView.as_view(), name="member-remove"),
    path("direcciones/", views.AddressesView.as_view(), name="addresses"),
    path("direcciones/<int:pk>/borrar/", views.AddressDeleteView.as_view(), name="address-delete"),
    path("compras/", views.PurchasesView.as_view(), name="purchases"),
    path("compras/<int:pk>/", views.PurchaseView.as_view(), name="purchase"),
    path("compras/<int:pk>/aprobar/", views.PurchaseApproveView.as_view(), name="approve"),
    path("compras/<int:pk>/rechazar/", views.PurchaseRefuseView.as_view(), name="refuse"),
    path("facturas/", views.DocumentsView.as_view(), name="documents"),
    path("facturas/<int:pk>/pdf/", views.CompanyInvoicePdfView.as_view(), name="invoice-pdf"),
    path(
        "notas-de-credito/<int:pk>/pdf/",
        views.CompanyCreditNotePdfView.as_view(),
        name="credit-note-pdf",
    ),
    path("estado-de-cuenta/", views.StatementView.as_view(), name="statement"),
]
