from django.urls import path

from shop.invoices import views

app_name = "invoices"

urlpatterns = [
    path("facturas/verificar/<str:code>/", views.InvoiceVerifyView.as_view(), name="verify"),
    path("facturas/<int:pk>/pdf/", views.InvoicePdfView.as_view(), name="pdf"),
    path(
        "facturas/notas-de-credito/<int:pk>/pdf/",
        views.CreditNotePdfView.as_view(),
        name="credit-note-pdf",
    ),
    path(
        "facturas/<int:pk>/pdf/<str:hash>/", views.GuestInvoicePdfView.as_view(), name="guest-pdf"
    ),
    path(
        "facturas/notas-de-credito/<int:pk>/pdf/<str:hash>/",
        views.GuestCreditNotePdfView.as_view(),
        name="guest-credit-note-pdf",
    ),
]
