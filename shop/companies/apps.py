from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "shop.companies"
    label = "companies"
    verbose_name = _("Company accounts")

    def ready(self):
        from shop.companies import receivers  # noqa: F401  (connects the signal receivers)
