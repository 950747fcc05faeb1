from django.urls import path

from shop.invoices import views

app_name = "invoices"

urlpatterns = [
    path("facturas/verificar/<str:code>/", views.InvoiceVerifyView.as_view(), name="verify"),
    path("facturas/<int:pk>/pdf/", views.InvoicePdfView.as_view(), name="pdf"),
    path("facturas/notas-de-credito/<int:pk>/pdf/", views.CreditNotePdfView.as_view(),
         name="credit-note-pdf"),
]
