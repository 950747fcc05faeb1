from django.contrib import admin

from shop.linkages.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("name", "starts_on", "ends_on", "municipality")
    prepopulated_fields = {"slug": ("name",)}
    raw_id_fields = ("exhibitors",)
    search_fields = ("name", "place")
