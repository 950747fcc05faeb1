from django.urls import path

from payments import views

app_name = "payments"

urlpatterns = [
    path("webhooks/<slug:gateway_name>/", views.webhook, name="webhook"),
]
