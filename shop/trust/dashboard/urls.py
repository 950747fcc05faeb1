from django.urls import path

from shop.trust.dashboard import operators

app_name = "trust_dashboard"

urlpatterns = [
    path("", operators.VerificationQueueView.as_view(), name="verification-queue"),
    path(
        "<slug:vendor_slug>/",
        operators.VerificationDetailView.as_view(),
        name="verification-detail",
    ),
]
