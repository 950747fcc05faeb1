from django.urls import path

from shop.webhooks.dashboard.views import (
    PlatformWebhookResendView,
    PlatformWebhookResumeView,
    PlatformWebhooksView,
)

app_name = "webhooks_operators"

urlpatterns = [
    path("", PlatformWebhooksView.as_view(), name="webhooks"),
    path("<int:pk>/reanudar/", PlatformWebhookResumeView.as_view(), name="webhook-resume"),
    path("entregas/<int:pk>/reenviar/", PlatformWebhookResendView.as_view(), name="webhook-resend"),
]
