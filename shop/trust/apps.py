from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrustConfig(AppConfig):
    """Who is verified and what buyers say: stores' documents and the "Verificado" badge,
    reviews of stores after a delivered part."""

    name = "shop.trust"
    label = "trust"
    verbose_name = _("Trust")

    def ready(self):
        from shop.trust import receivers  # noqa: F401  (connects the signal receivers)
