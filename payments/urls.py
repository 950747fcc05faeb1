from django.urls import path

from payments import views

app_name = "payments"

# Gateways call these: mounted outside the language prefix.
urlpatterns = [
    path("webhooks/<slug:gateway_name>/", views.webhook, name="webhook"),
]

# The buyer's pages, mounted under the language prefix with their own namespace.
payment_pages = (
    [
        path("<str:reference>/", views.CardPaymentView.as_view(), name="card"),
        path("<str:reference>/codigo/", views.LinkPaymentView.as_view(), name="link"),
        path(
            "<str:reference>/transferencia/",
            views.TransferReferenceView.as_view(),
            name="transfer-reference",
        ),
    ],
    "payment_pages",
)
