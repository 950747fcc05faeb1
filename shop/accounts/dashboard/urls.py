from django.urls import path

from shop.accounts.dashboard import views

app_name = "accounts_dashboard"

urlpatterns = [
    path("bloqueos/", views.LockoutListView.as_view(), name="lockouts"),
]
