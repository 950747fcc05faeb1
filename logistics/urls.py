from django.urls import path

from logistics import views

app_name = "logistics"

urlpatterns = [
    path("webhooks/<slug:carrier_name>/", views.webhook, name="webhook"),
]
