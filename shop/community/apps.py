from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """The community board: actors ask, look for raw material, recommend and announce."""

    name = "shop.community"
    label = "community"
    verbose_name = _("Community board")
