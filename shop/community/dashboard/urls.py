from django.urls import path

from shop.community.dashboard import operators

app_name = "community_dashboard"

urlpatterns = [
    path("", operators.ReportListView.as_view(), name="reports"),
]
