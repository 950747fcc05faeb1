from django.urls import path

from logistics.dashboard import views

app_name = "logistics_dashboard"

urlpatterns = [
    path("", views.ShipmentOverviewView.as_view(), name="shipments"),
]
