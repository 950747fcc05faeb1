from django.urls import path

from shop.callcenter import views

app_name = "payment_link"

urlpatterns = [
    path("<str:token>/", views.PaymentLinkView.as_view(), name="open"),
]
