"""The buyer's payment pages and the gateways' webhooks. The card page runs Stripe.js
(or another client-SDK gateway) in our page: card details go straight from the browser
to the gateway, our server only sees ids."""

import json

from csp.constants import NONE
from csp.decorators import csp_replace, csp_update
from django.contrib import messages
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from payments.alerts import gateway_refusals_reported
from payments.exceptions import (
    GatewayMisconfigured,
    GatewayUnavailable,
    PaymentActionRequired,
    PaymentDeclined,
    UnknownGateway,
    WebhookRejected,
)
from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.registry import gateway_get
from payments.selectors import CLOSED, gateway_can
from payments.services import SECURED, payment_status_apply, payment_sync
from payments.webhooks import webhook_receive
from shop.core.qr import qr_code_svg

SESSION_KEY = "payable_references"
MAX_WEBHOOK_BYTES = 256 * 1024


def payable_remember(request, reference: str) -> None:
    """The browser that placed the order may pay it (guests have no account)."""
    references = request.session.get(SESSION_KEY, [])
    request.session[SESSION_KEY] = [*references[-9:], reference]


def buyer_payment_get(request, reference: str, **filters) -> Payment:
    """The payment of a purchase, for the buyer's account or the browser that placed it
    (guests have no account); anyone else gets 404."""
    payment = get_object_or_404(
        Payment.objects.select_related("order"), reference=reference, **filters
    )
    owner = payment.order.user_id and payment.order.user_id == request.user.pk
    if not owner and reference not in request.session.get(SESSION_KEY, []):
        raise Http404
    return payment


class CardPaymentView(View):
    def payment(self, request, reference) -> Payment:
        payment = buyer_payment_get(request, reference)
        gateway = gateway_get(payment.gateway)
        if Capability.CLIENT_SDK not in gateway.capabilities:
            raise Http404
        return payment

    def get(self, request, reference):
        payment = self.payment(request, reference)
        context = {"payment": payment, "paid": payment.state in SECURED}
        gateway = gateway_get(payment.gateway)
        if payment.state in (PaymentState.PENDING, PaymentState.ACTION_REQUIRED):
            try:
                with gateway_refusals_reported(gateway_name=payment.gateway):
                    context["client"] = gateway.client_config(
                        gateway_reference=payment.gateway_reference
                    )
            except GatewayMisconfigured as refused:
                context["client_error"] = _(
                    "%(reason)s Nothing was charged. Your purchase is kept until the time "
                    "below: come back later, or buy again choosing another way to pay."
                ) % {"reason": refused.message}
            except GatewayUnavailable:
                context["client_error"] = _(
                    "The card payment service is not answering. Please try again in a few minutes."
                )
        if "client" not in context:
            return render(request, "payments/card_payment.html", context)
        # The gateway's own script, frames and API on this page, and on no other.
        sources = gateway.client_sources()
        with_frames = csp_replace({"frame-src": sources.frames or [NONE]})
        with_script = csp_update(
            {"script-src": sources.scripts, "connect-src": sources.connections}
        )
        return with_frames(with_script(render))(request, "payments/card_payment.html", context)

    def post(self, request, reference):
        payment = self.payment(request, reference)
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return JsonResponse({"error": _("The page sent something we cannot read.")}, status=400)
        gateway = gateway_get(payment.gateway)
        params = {"payment_method": str(data.get("payment_method", ""))[:128]}
        try:
            with gateway_refusals_reported(gateway_name=payment.gateway):
                status = gateway.complete(
                    gateway_reference=payment.gateway_reference,
                    params={k: v for k, v in params.items() if v},
                )
        except PaymentActionRequired:
            return JsonResponse({"action": "authenticate"})
        except PaymentDeclined as declined:
            return JsonResponse({"error": declined.message}, status=402)
        except GatewayMisconfigured as refused:
            return JsonResponse(
                {
                    "error": _("%(reason)s Nothing was charged: please choose another way to pay.")
                    % {"reason": refused.message}
                },
                status=503,
            )
        except GatewayUnavailable:
            return JsonResponse(
                {
                    "error": _(
                        "The card payment service is not answering. "
                        "Please try again in a few minutes."
                    )
                },
                status=503,
            )
        payment_status_apply(payment_id=payment.pk, status=status)
        payment.refresh_from_db()
        if payment.state in SECURED:
            return JsonResponse({"redirect": reverse("checkout:thank-you")})
        return JsonResponse({"error": _("The payment is not complete yet.")}, status=409)


class LinkPaymentView(View):
    """A payment paid in the gateway's app (PAYMENT_LINK): its QR code, its link (on a
    phone, the app opens) and the code someone else can pay it with. The buyer comes back
    here from the gateway's page; each visit (and "I have paid") asks the gateway."""

    def payment(self, request, reference) -> Payment:
        payment = buyer_payment_get(request, reference)
        if not gateway_can(payment.gateway, Capability.PAYMENT_LINK):
            raise Http404
        return payment

    def get(self, request, reference):
        payment = self.payment(request, reference)
        gateway = gateway_get(payment.gateway)
        context = {"payment": payment, "method": gateway.label}
        if payment.state in (PaymentState.PENDING, PaymentState.ACTION_REQUIRED):
            try:
                with gateway_refusals_reported(gateway_name=payment.gateway):
                    if payment.gateway_reference:
                        payment_sync(payment_id=payment.pk)
                        payment.refresh_from_db()
                    if payment.state not in SECURED:
                        link = gateway.payment_link(gateway_reference=payment.gateway_reference)
                        context["link"] = link
                        context["qr_code"] = qr_code_svg(
                            text=link.qr_text,
                            label=_("QR code to pay with %(method)s") % {"method": gateway.label},
                        )
            except GatewayUnavailable as trouble:
                context["link_error"] = _(
                    "%(reason)s Nothing was charged. Your purchase is kept until the time below."
                ) % {"reason": trouble.message}
        context["paid"] = payment.state in SECURED
        context["closed"] = payment.state in CLOSED
        return render(request, "payments/link_payment.html", context)

    def post(self, request, reference):
        payment = self.payment(request, reference)
        if payment.state in SECURED:
            return redirect("checkout:thank-you")
        try:
            payment_sync(payment_id=payment.pk)
        except GatewayUnavailable as trouble:
            messages.error(request, trouble.message)
            return redirect("payment_pages:link", reference=payment.reference)
        payment.refresh_from_db()
        if payment.state in SECURED:
            return redirect("checkout:thank-you")
        messages.info(
            request,
            _("The payment has not arrived yet. If you have just paid, check again in a minute."),
        )
        return redirect("payment_pages:link", reference=payment.reference)


class TransferReferenceView(View):
    """The buyer tells us the operation number of their bank transfer, so the operator
    can match it; only while the payment waits."""

    def post(self, request, reference):
        payment = buyer_payment_get(request, reference)
        if not gateway_can(payment.gateway, Capability.MANUAL_CONFIRMATION):
            raise Http404
        text = " ".join(request.POST.get("buyer_reference", "").split())
        if not text or len(text) > 64:
            messages.error(request, _("Enter your bank's operation number (up to 64 characters)."))
        elif payment.state != PaymentState.PENDING:
            messages.info(request, _("This payment is no longer waiting for a transfer."))
        else:
            Payment.objects.filter(pk=payment.pk).update(buyer_reference=text)
            messages.success(
                request,
                _("Thank you: we will confirm your transfer %(text)s as soon as it arrives.")
                % {"text": text},
            )
        return redirect(
            request.POST.get("next")
            if url_has_allowed_host_and_scheme(
                request.POST.get("next"), allowed_hosts={request.get_host()}
            )
            else reverse("checkout:thank-you")
        )


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
