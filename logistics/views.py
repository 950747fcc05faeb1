import logging

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from logistics.carriers.interface import Capability, WebhookRejected
from logistics.carriers.registry import UnknownCarrier, carrier_get
from logistics.tracking import UnknownShipment, carrier_events_apply

logger = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 64 * 1024


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
