"""The store's national carriers (mounted in vendors/dashboard/urls.py): which ones it
sends through, and where it hands their parcels over in its province."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from logistics.national.models import NationalCarrier
from logistics.national.offers import national_carrier_names
from logistics.national.selectors import drop_off_points_near, store_carrier_choices
from logistics.national.services import store_carrier_set
from vendors.dashboard.base import VendorDashboardMixin


class StoreCarrierListView(VendorDashboardMixin, View):
    def get(self, request, vendor_slug):
        carriers = store_carrier_choices(vendor=self.vendor)
        points = drop_off_points_near(
            vendor=self.vendor, carrier_ids=[carrier.pk for carrier in carriers]
        )
        return self.render(
            "national_carriers.html",
            {"carriers": [(carrier, points.get(carrier.pk, [])) for carrier in carriers]},
        )

    def post(self, request, vendor_slug):
        carrier = get_object_or_404(
            NationalCarrier,
            pk=request.POST.get("carrier") or 0,
            is_active=True,
            code__in=national_carrier_names(),
        )
        is_active = request.POST.get("is_active") == "1"
        store_carrier_set(vendor=self.vendor, carrier=carrier, is_active=is_active)
        message = (
            _("Buyers in every province are offered %(carrier)s for your products.")
            if is_active
            else _("%(carrier)s is no longer offered for your products.")
        )
        messages.success(request, message % {"carrier": carrier.name})
        return redirect("vendor_dashboard:national-carriers", vendor_slug=self.vendor.slug)
