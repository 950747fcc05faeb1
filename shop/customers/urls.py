from django.urls import path

from shop.customers import views

app_name = "customers"

urlpatterns = [
    path("accounts/avisos/", views.PreferencesView.as_view(), name="preferences"),
]
