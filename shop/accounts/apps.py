from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Logins: failed-attempt limits (django-axes), the staff's second factor
    (django-otp) and where each role lands after logging in."""

    name = "shop.accounts"
    label = "accounts"
    verbose_name = _("Logins")
