"""The payment link's page: whoever holds the link (the customer, from an e-mail or a
text) pays one purchase on our card page, without an account or the browser that placed
the order."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from payments.interface import Capability, PaymentState
from payments.models import Payment
from payments.registry import gateway_get
from payments.views import payable_remember
from shop.callcenter.links import payment_link_reference


class PaymentLinkView(View):
    def get(self, request, token):
        reference = payment_link_reference(token=token)
        payment = (
            Payment.objects.select_related("order").filter(reference=reference).first()
            if reference
            else None
        )
        if payment is None:
            return render(request, "callcenter/payment_link_invalid.html", status=404)
        capabilities = gateway_get(payment.gateway).capabilities
        if not {Capability.CLIENT_SDK, Capability.PAYMENT_LINK} & capabilities.supported:
            return render(request, "callcenter/payment_link_invalid.html", status=404)
        if payment.state in (PaymentState.CANCELLED, PaymentState.FAILED) or (
            payment.state == PaymentState.PENDING
            and not payment.order.vendor_orders.filter(status="pending_payment").exists()
        ):
            messages.info(request, _("This purchase can no longer be paid: please call us."))
            return redirect("home")
        payable_remember(request, payment.reference)
        # Oscar's thank-you page shows the purchase this browser just paid.
        request.session["checkout_order_id"] = payment.order_id
        if Capability.PAYMENT_LINK in capabilities:
            return redirect("payment_pages:link", reference=payment.reference)
        return redirect("payment_pages:card", reference=payment.reference)
