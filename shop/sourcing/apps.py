from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcingConfig(AppConfig):
    name = "shop.sourcing"
    label = "sourcing"
    verbose_name = _("Requests for offers")

    def ready(self):
        from shop.sourcing import receivers  # noqa: F401  (connects the signal receivers)
