"""Pages anyone may open without an account: the public tracking page (statuses and
places only: no buyer, address, phone or price) and the courier's signed page; and the
carriers' webhooks."""

import logging
import uuid

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, JsonResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from logistics.carriers.exceptions import UnknownCarrier, WebhookRejected
from logistics.carriers.interface import Capability
from logistics.carriers.registry import carrier_get, carrier_label
from logistics.courier import courier_link_shipment
from logistics.exceptions import (
    CourierLinkExpired,
    CourierLinkRefused,
    ShipmentError,
    UnknownShipment,
)
from logistics.forms import TrackingStepForm
from logistics.models import TrackingSource, TrackingStatus
from logistics.selectors import shipment_by_code, shipment_destination, shipment_timeline
from logistics.tracking import (
    carrier_events_apply,
    manual_step_record,
    shipment_cash_due,
    shipment_next_steps,
)

logger = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 64 * 1024


def tracking_lookup(request):
    code = request.GET.get("code", "").strip()[:64]
    if code:
        return redirect("tracking:shipment", code=code.upper())
    return render(request, "logistics/tracking_lookup.html", {})


def tracking_page(request, code: str):
    shipment = shipment_by_code(code=code)
    return render(
        request,
        "logistics/tracking.html",
        {
            "shipment": shipment,
            "store": shipment.vendor_order.vendor.trade_name,
            "carrier_label": carrier_label(shipment.carrier),
            "events": shipment_timeline(shipment=shipment),
        },
    )


@method_decorator(never_cache, name="dispatch")
class CourierView(View):
    """Big buttons for the next steps of one shipment, for whoever holds its link."""

    def dispatch(self, request, token):
        try:
            self.shipment = courier_link_shipment(token=token)
        except CourierLinkRefused:
            return render(request, "logistics/courier_refused.html", {"expired": False}, status=403)
        except CourierLinkExpired:
            return render(request, "logistics/courier_refused.html", {"expired": True}, status=410)
        self.steps = shipment_next_steps(shipment=self.shipment)
        return super().dispatch(request, token)

    def form(self, data=None) -> TrackingStepForm:
        destination = shipment_destination(vendor_order=self.shipment.vendor_order)
        return TrackingStepForm(
            data, steps=self.steps, initial={"key": uuid.uuid4().hex, "municipality": destination}
        )

    def render(self, form, status=200, error=""):
        return render(
            self.request,
            "logistics/courier.html",
            {
                "shipment": self.shipment,
                "vendor_order": self.shipment.vendor_order,
                "form": form,
                "steps": [TrackingStatus(step) for step in self.steps],
                "cash_due": shipment_cash_due(shipment=self.shipment),
                "error": error,
                "events": shipment_timeline(shipment=self.shipment),
                "address": self.shipment.vendor_order.order.shipping_address,
                "lines": self.shipment.vendor_order.lines.only("title", "quantity"),
            },
            status=status,
        )

    def get(self, request, token):
        return self.render(self.form())

    def post(self, request, token):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(
                form,
                status=400,
                error=" ".join(message for errors in form.errors.values() for message in errors),
            )
        step = form.step()
        try:
            manual_step_record(shipment=self.shipment, source=TrackingSource.COURIER, step=step)
        except ShipmentError as error:
            return self.render(form, status=400, error=" ".join(error.messages))
        messages.success(
            request, _("Recorded: %(status)s.") % {"status": TrackingStatus(step.status).label}
        )
        return redirect(request.path)


@csrf_exempt
@require_POST
def webhook(request, carrier_name: str):
    """Verify the raw body, then apply its events at once (they are small and the
    carrier learns of an unknown code from our answer). Nothing is written on a 4xx."""
    try:
        carrier = carrier_get(carrier_name)
    except UnknownCarrier:
        return HttpResponseNotFound()
    if Capability.WEBHOOKS not in carrier.capabilities:
        return HttpResponseNotFound()
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if not declared.isdigit() or int(declared) > MAX_WEBHOOK_BYTES:
        return HttpResponse("too large", status=413)
    if request.content_type != "application/json":
        return HttpResponse("expected application/json", status=415)
    body = request.body
    if len(body) > MAX_WEBHOOK_BYTES:
        return HttpResponse("too large", status=413)
    try:
        events = carrier.webhook_verify_and_parse(body=body, headers=dict(request.headers))
    except WebhookRejected as rejected:
        logger.warning("%s webhook rejected: %s", carrier_name, rejected.message)
        return HttpResponseBadRequest(rejected.code or "rejected")
    try:
        recorded = carrier_events_apply(carrier=carrier_name, events=events)
    except UnknownShipment as unknown:
        return HttpResponse(f"unknown tracking code {unknown.args[0]}", status=422)
    return JsonResponse({"received": len(events), "recorded": recorded})
