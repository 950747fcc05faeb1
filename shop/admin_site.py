from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

from shop.core.roles import is_operator


class OperatorAdminSite(admin.AdminSite):
    """Django's admin is platform configuration: operators only (call-center agents are
    staff, but work in the console)."""

    def has_permission(self, request):
        return super().has_permission(request) and is_operator(request.user)


class OperatorAdminConfig(AdminConfig):
    default_site = "shop.admin_site.OperatorAdminSite"
