from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from shop.linkages.models import Event, Initiative
from shop.linkages.services import initiative_approve


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("name", "starts_on", "ends_on", "municipality")
    prepopulated_fields = {"slug": ("name",)}
    raw_id_fields = ("exhibitors",)
    search_fields = ("name", "place")


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "coordinator", "province", "status")
    list_filter = ("status", "kind")
    raw_id_fields = ("coordinator",)
    actions = ["approve", "reject"]

    @admin.action(description=_("Approve the chosen initiatives"))
    def approve(self, request, queryset):
        for initiative in queryset:
            initiative_approve(initiative_id=initiative.pk)

    @admin.action(description=_("Reject the chosen initiatives"))
    def reject(self, request, queryset):
        for initiative in queryset:
            initiative_approve(initiative_id=initiative.pk, approve=False)
