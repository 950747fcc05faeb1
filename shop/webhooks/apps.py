from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "shop.webhooks"
    label = "webhooks"
    verbose_name = _("Outgoing webhooks")

    def ready(self):
        from shop.webhooks import receivers  # noqa: F401  (connects the signal receivers)
