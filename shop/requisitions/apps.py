from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RequisitionsConfig(AppConfig):
    name = "shop.requisitions"
    label = "requisitions"
    verbose_name = _("Requisition lists")
