from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from payments.exceptions import UnknownGateway, WebhookRejected
from payments.interface import Capability
from payments.registry import gateway_get
from payments.webhooks import webhook_receive

MAX_WEBHOOK_BYTES = 256 * 1024


@csrf_exempt
@require_POST
def webhook(request, gateway_name: str):
    """Verify, store once, answer fast; a Celery task does the work."""
    try:
        gateway = gateway_get(gateway_name)
    except UnknownGateway:
        return HttpResponseNotFound()
    if Capability.WEBHOOKS not in gateway.capabilities:
        return HttpResponseNotFound()
    if len(request.body) > MAX_WEBHOOK_BYTES:
        return HttpResponseBadRequest("too large")
    try:
        event = gateway.webhook_parse(body=request.body, headers=dict(request.headers))
    except WebhookRejected as rejected:
        return HttpResponseBadRequest(rejected.code or "rejected")
    webhook_receive(gateway_name=gateway_name, event=event, body=request.body)
    return HttpResponse("ok")
