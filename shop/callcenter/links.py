"""Payment links: a signed, expiring token that lets whoever holds it (the customer,
from an e-mail or a text) pay one purchase on our card page, without an account or
the browser that placed the order. The link names the purchase, never a card."""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views import View

from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.registry import gateway_get
from payments.views import payable_remember
from shop.core.links import absolute_url

SALT = "callcenter.payment-link"


def payment_link_token(*, reference: str) -> str:
    return signing.dumps({"reference": reference}, salt=SALT, compress=True)


def payment_link_reference(*, token: str) -> str | None:
    """The purchase reference the token names, or None if forged or expired."""
    max_age = getattr(settings, "PAYMENT_DEADLINE_HOURS", 48) * 3600
    try:
        return signing.loads(token, salt=SALT, max_age=max_age)["reference"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def payment_link_url(*, reference: str) -> str:
    return absolute_url(reverse("payment_link:open",
                                kwargs={"token": payment_link_token(reference=reference)}))


class PaymentLinkView(View):
    def get(self, request, token):
        reference = payment_link_reference(token=token)
        payment = (Payment.objects.select_related("order").filter(reference=reference).first()
                   if reference else None)
        if payment is None:
            return render(request, "callcenter/payment_link_invalid.html", status=404)
        if Capability.CLIENT_SDK not in gateway_get(payment.gateway).capabilities:
            return render(request, "callcenter/payment_link_invalid.html", status=404)
        if payment.state in (PaymentState.CANCELLED, PaymentState.FAILED) or (
                payment.state == PaymentState.PENDING
                and not payment.order.vendor_orders.filter(status="pending_payment").exists()):
            messages.info(request, _("This purchase can no longer be paid: please call us."))
            return redirect("home")
        payable_remember(request, payment.reference)
        # Oscar's thank-you page shows the purchase this browser just paid.
        request.session["checkout_order_id"] = payment.order_id
        return redirect("payment_pages:card", reference=payment.reference)


app_name = "payment_link"
urlpatterns = [path("<str:token>/", PaymentLinkView.as_view(), name="open")]
