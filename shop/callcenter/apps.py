from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallCenterConfig(AppConfig):
    name = "shop.callcenter"
    label = "callcenter"
    verbose_name = _("Call center")

    def ready(self):
        from shop.callcenter import receivers  # noqa: F401  (connects the receivers)
