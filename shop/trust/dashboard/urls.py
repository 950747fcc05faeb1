from django.urls import path

from shop.trust.dashboard import operators

app_name = "trust_dashboard"

urlpatterns = [
    path("verificacion/", operators.VerificationQueueView.as_view(), name="verification-queue"),
    path(
        "verificacion/<slug:vendor_slug>/",
        operators.VerificationDetailView.as_view(),
        name="verification-detail",
    ),
    path("opiniones/", operators.ReviewReportListView.as_view(), name="review-report-list"),
    path(
        "opiniones/<int:pk>/",
        operators.ReviewReportDecideView.as_view(),
        name="review-report-decide",
    ),
]
