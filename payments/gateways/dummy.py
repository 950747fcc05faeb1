"""A gateway for development and tests only: outcomes are decided by the cents of the
amount, so a test picks its path by its price.

    .01 declined   .02 3-D Secure-like action required   .03 gateway timeout
    anything else: captured at once
    (refunds too: a refund of an amount ending in .03 times out)
"""

import hashlib
import hmac
import json
from decimal import Decimal

from django.utils.translation import gettext_lazy

from payments.error_codes import PaymentErrorCode
from payments.exceptions import (
    GatewayUnavailable,
    PaymentActionRequired,
    PaymentDeclined,
    WebhookRejected,
)
from payments.interface import (
    Capabilities,
    Capability,
    Money,
    NextAction,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
    WebhookEvent,
)

DECLINE, ACTION, TIMEOUT = Decimal("0.01"), Decimal("0.02"), Decimal("0.03")


class DummyGateway(PaymentGateway):
    # Offered only where DEBUG is on (payments.E003): say plainly that nothing is charged.
    label = gettext_lazy("Test payment (nothing is charged)")
    description = gettext_lazy("For development only: the cents of the total decide what happens.")
    paid_label = gettext_lazy("Test payment: nothing was charged")
    # It stands in for the card gateway: an agent's customer pays it through the link.
    agent_label = gettext_lazy("Card, through a payment link sent to the customer")
    capabilities = Capabilities(
        supported=frozenset(
            {
                Capability.REFUND,
                Capability.PARTIAL_REFUND,
                Capability.VOID,
                Capability.IDEMPOTENCY_KEYS,
                Capability.WEBHOOKS,
                Capability.POLLING,
            }
        ),
        currencies=frozenset({"CUP", "USD"}),
        test_only=True,
    )

    def start(self, request: PaymentRequest) -> PaymentStart:
        cents = request.amount.amount % 1
        if cents == DECLINE:
            raise PaymentDeclined("The card was declined.", code=PaymentErrorCode.CARD_DECLINED)
        if cents == ACTION:
            raise PaymentActionRequired(
                "The buyer must confirm the payment.", code=PaymentErrorCode.AUTHENTICATION_REQUIRED
            )
        if cents == TIMEOUT:
            raise GatewayUnavailable(
                "The gateway did not answer in time.", code=PaymentErrorCode.TIMEOUT
            )
        # The same idempotency key always gives the same payment, as real gateways do.
        digest = hashlib.sha256(request.idempotency_key.encode()).hexdigest()[:16]
        return PaymentStart(
            gateway_reference=f"dummy_{digest}_{request.amount.minor_units}",
            state=PaymentState.CAPTURED,
            next_action=NextAction.NONE,
        )

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        return PaymentStatus(
            gateway_reference=gateway_reference,
            state=PaymentState.CAPTURED,
            amount_captured=self._amount(gateway_reference),
        )

    def refund(
        self, *, gateway_reference: str, amount: Money, idempotency_key: str
    ) -> PaymentStatus:
        captured = self._amount(gateway_reference)
        if amount.amount % 1 == TIMEOUT:
            raise GatewayUnavailable(
                "The gateway did not answer in time.", code=PaymentErrorCode.TIMEOUT
            )
        if amount.amount > captured.amount:
            raise PaymentDeclined(
                "A refund cannot exceed what was captured.", code=PaymentErrorCode.REFUND_TOO_LARGE
            )
        state = (
            PaymentState.REFUNDED
            if amount.amount == captured.amount
            else PaymentState.PARTIALLY_REFUNDED
        )
        return PaymentStatus(
            gateway_reference=gateway_reference,
            state=state,
            amount_captured=captured,
            amount_refunded=amount,
        )

    def cancel(self, *, gateway_reference: str, idempotency_key: str) -> PaymentStatus:
        return PaymentStatus(gateway_reference=gateway_reference, state=PaymentState.CANCELLED)

    def webhook_parse(self, *, body: bytes, headers: dict) -> WebhookEvent:
        """JSON {"id", "type", "reference"} signed with HMAC-SHA256 of the raw body in
        `X-Dummy-Signature` (hex), with the `webhook_secret` option."""
        secret = self.options.get("webhook_secret", "dummy-webhook-secret").encode()
        expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, headers.get("X-Dummy-Signature", "")):
            raise WebhookRejected(
                "Bad or missing signature.", code=PaymentErrorCode.WEBHOOK_SIGNATURE
            )
        try:
            data = json.loads(body)
            return WebhookEvent(
                event_id=str(data["id"]),
                event_type=str(data["type"]),
                gateway_reference=str(data["reference"]),
                payload=data,
            )
        except (ValueError, KeyError, TypeError) as error:
            raise WebhookRejected(
                "Malformed event.", code=PaymentErrorCode.WEBHOOK_MALFORMED
            ) from error

    @staticmethod
    def webhook_sign(body: bytes, secret: str = "dummy-webhook-secret") -> str:
        return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()

    @staticmethod
    def _amount(gateway_reference: str) -> Money:
        minor = int(gateway_reference.rsplit("_", 1)[1])
        return Money(Decimal(minor) / 100, "CUP")
