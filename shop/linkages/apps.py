from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkagesConfig(AppConfig):
    name = "shop.linkages"
    label = "linkages"
    verbose_name = _("Linkages")

    def ready(self):
        from shop.linkages import receivers  # noqa: F401  (connects the signal receivers)
