from django.urls import path

from shop.accounts import views

app_name = "accounts"

urlpatterns = [
    path("segundo-factor/", views.SecondFactorView.as_view(), name="second-factor"),
    path(
        "segundo-factor/configurar/",
        views.SecondFactorSetUpView.as_view(),
        name="second-factor-setup",
    ),
    path(
        "segundo-factor/verificar/",
        views.SecondFactorVerifyView.as_view(),
        name="second-factor-verify",
    ),
    path("segundo-factor/codigos/", views.RecoveryCodesView.as_view(), name="recovery-codes"),
]
