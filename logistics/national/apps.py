from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalDeliveryConfig(AppConfig):
    name = "logistics.national"
    label = "national_delivery"
    verbose_name = _("National carriers")
