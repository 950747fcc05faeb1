from django.urls import path

from payments.dashboard import views

app_name = "payments_dashboard"

urlpatterns = [
    path("transferencias/", views.BankTransferListView.as_view(), name="bank-transfers"),
    path("conciliacion/", views.ReconciliationView.as_view(), name="reconciliation"),
]
