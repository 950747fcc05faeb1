"""The store's shipments: handing a part to a carrier, the steps of the ones it delivers
itself, cancelling, renewing the courier link, and the ones that need attention."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View

from logistics.carriers.registry import carrier_label, carriers_enabled
from logistics.forms import ShipmentForm, TrackingStepForm
from logistics.models import Shipment, TrackingStatus
from logistics.selectors import returned_paid_parts, shipments_needing_attention
from logistics.tracking import (
    courier_link_revoke,
    manual_step_record,
    shipment_cancel,
    shipment_create,
    shipment_next_steps,
)
from vendors.dashboard.base import VendorDashboardMixin, dashboard_role, vendor_order_queryset
from vendors.dashboard.orders import vendor_order_page


class ShipmentCreateView(VendorDashboardMixin, View):
    """Hand (part of) the order to a carrier; again for each further parcel group."""

    def post(self, request, vendor_slug, number):
        vendor_order = get_object_or_404(vendor_order_queryset(self.vendor), number=number)
        form = ShipmentForm(request.POST, carriers=carriers_enabled())
        if form.is_valid():
            data = form.cleaned_data
            try:
                shipment = shipment_create(
                    vendor_order=vendor_order,
                    carrier=data["carrier"],
                    parcels=data["parcels"],
                    weight_kg=data["weight_kg"],
                    estimated_delivery=data["estimated_delivery"],
                    tracking_code=data["tracking_code"],
                    actor=request.user,
                    actor_role=dashboard_role(request.user),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Shipment %(code)s registered.") % {"code": shipment.tracking_code}
                )
                return redirect(
                    "vendor_dashboard:order-detail", vendor_slug=self.vendor.slug, number=number
                )
        vendor_order.refresh_from_db()
        error = " ".join(message for errors in form.errors.values() for message in errors)
        return self.render(
            "vendor_order_detail.html",
            vendor_order_page(vendor_order, error, shipment_form=form),
            status=400,
        )


class ShipmentMixin(VendorDashboardMixin):
    def shipment_get(self, pk: int):
        return get_object_or_404(
            Shipment.objects.select_related("vendor_order__order").filter(
                vendor_order__vendor=self.vendor
            ),
            pk=pk,
        )

    def back(self, shipment):
        return redirect(
            "vendor_dashboard:order-detail",
            vendor_slug=self.vendor.slug,
            number=shipment.vendor_order.number,
        )

    def refused(self, shipment, message: str):
        vendor_order = vendor_order_queryset(self.vendor).get(pk=shipment.vendor_order_id)
        return self.render(
            "vendor_order_detail.html", vendor_order_page(vendor_order, message), status=400
        )


class ShipmentStepView(ShipmentMixin, View):
    """The vendor records a step of a shipment it delivers itself."""

    def post(self, request, vendor_slug, pk):
        shipment = self.shipment_get(pk)
        form = TrackingStepForm(request.POST, steps=shipment_next_steps(shipment=shipment))
        if not form.is_valid():
            return self.refused(
                shipment, " ".join(message for errors in form.errors.values() for message in errors)
            )
        step = form.step()
        try:
            manual_step_record(shipment=shipment, actor=request.user, step=step)
        except ValidationError as error:
            return self.refused(shipment, " ".join(error.messages))
        messages.success(
            request,
            _("Shipment %(code)s: %(status)s.")
            % {"code": shipment.tracking_code, "status": TrackingStatus(step.status).label},
        )
        return self.back(shipment)


class ShipmentCancelView(ShipmentMixin, View):
    def post(self, request, vendor_slug, pk):
        shipment = self.shipment_get(pk)
        try:
            shipment_cancel(shipment=shipment, actor=request.user)
        except ValidationError as error:
            return self.refused(shipment, " ".join(error.messages))
        messages.success(
            request, _("Shipment %(code)s cancelled.") % {"code": shipment.tracking_code}
        )
        return self.back(shipment)


class ShipmentLinkRevokeView(ShipmentMixin, View):
    def post(self, request, vendor_slug, pk):
        shipment = self.shipment_get(pk)
        courier_link_revoke(shipment=shipment)
        messages.success(
            request,
            _("The courier links handed out for %(code)s no longer work; copy the new one.")
            % {"code": shipment.tracking_code},
        )
        return self.back(shipment)


class ShipmentAttentionView(VendorDashboardMixin, View):
    """Shipments someone should chase, and returned parts waiting for a decision."""

    def get(self, request, vendor_slug):
        shipments = list(shipments_needing_attention(vendor=self.vendor)[:200])
        return self.render(
            "shipment_list.html",
            {
                "shipments": [
                    (shipment, carrier_label(shipment.carrier)) for shipment in shipments
                ],
                "returned_parts": returned_paid_parts(vendor=self.vendor),
                "stale_days": settings.SHIPMENT_STALE_DAYS,
            },
        )
