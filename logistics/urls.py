from django.urls import path

from logistics import views

app_name = "logistics"

# Carriers call these: mounted outside the language prefix.
urlpatterns = [
    path("webhooks/<slug:carrier_name>/", views.webhook, name="webhook"),
]

# The public tracking page and the courier's page, under the language prefix.
tracking_pages = (
    [
        path("seguimiento/", views.tracking_lookup, name="lookup"),
        path("seguimiento/<str:code>/", views.tracking_page, name="shipment"),
        path("mensajero/<str:token>/", views.CourierView.as_view(), name="courier"),
    ],
    "tracking",
)
