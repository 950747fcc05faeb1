"""Cash on delivery: nothing is taken online. Each vendor part is paid in cash when
it is delivered (or collected); the vendor records the cash and then owes the
platform its commission."""

from django.utils.translation import gettext_lazy

from payments.interface import (
    Capabilities,
    Capability,
    NextAction,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
)


class CashOnDelivery(PaymentGateway):
    label = gettext_lazy("Cash on delivery")
    description = gettext_lazy(
        "Pay each store in cash when its part reaches you (or when you collect it)."
    )
    paid_label = gettext_lazy("Paid in cash on delivery")
    capabilities = Capabilities(
        supported=frozenset({Capability.PAY_ON_DELIVERY}), currencies=frozenset({"CUP", "USD"})
    )

    def start(self, request: PaymentRequest) -> PaymentStart:
        return PaymentStart(
            gateway_reference=f"cod-{request.reference}",
            state=PaymentState.PENDING,
            next_action=NextAction.NONE,
        )

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        # The cash is recorded by the vendor, not reported by a gateway.
        return PaymentStatus(gateway_reference=gateway_reference, state=PaymentState.PENDING)
