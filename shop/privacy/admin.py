from django.contrib import admin

from shop.privacy.models import DataRequest


@admin.register(DataRequest)
class DataRequestAdmin(admin.ModelAdmin):
    """Operators see who asked for what, and when it was done."""

    list_display = ("pk", "kind", "user", "requested_at", "completed_at")
    list_filter = ("kind",)
    readonly_fields = ("user", "kind", "requested_at", "completed_at", "archive")

    def has_add_permission(self, request):
        return False
