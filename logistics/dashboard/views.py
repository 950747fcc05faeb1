"""Staff pages for deliveries: operators and call-center agents find a shipment by code
or order number and see the ones that need chasing across every store."""

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View

from logistics.carriers.registry import carrier_label
from logistics.selectors import (
    returned_paid_parts,
    shipments_needing_attention,
    shipments_search,
)
from shop.core.roles import console_access


@method_decorator(user_passes_test(console_access), name="dispatch")
class ShipmentOverviewView(View):
    def get(self, request):
        query = request.GET.get("q", "").strip()[:64]
        found = list(shipments_search(query=query)) if query else []
        attention = list(shipments_needing_attention()[:200])
        return render(
            request,
            "logistics/dashboard/shipments.html",
            {
                "query": query,
                "found": [(shipment, carrier_label(shipment.carrier)) for shipment in found],
                "attention": [
                    (shipment, carrier_label(shipment.carrier)) for shipment in attention
                ],
                "returned_parts": returned_paid_parts(),
                "stale_days": settings.SHIPMENT_STALE_DAYS,
            },
        )
