from django.urls import path

from shop.sourcing.dashboard import operators

app_name = "sourcing_dashboard"

urlpatterns = [
    path("sin-ofertas/", operators.UnansweredRequestListView.as_view(), name="unanswered"),
]
