"""Transfermóvil (ETECSA's mobile payments): the purchase becomes a payment order the
buyer pays in the Transfermóvil app (scanning its QR code, opening its link, or typing
its code, which anyone holding it can do, also over USSD where data is poor). There is no
callback: a task polls the order with growing pauses (payments/polling.py), and
reconciliation asks again every 15 minutes. A pending order can be cancelled;
Transfermóvil cannot refund, so refunds go back by hand from the business account.

    PAYMENT_GATEWAYS = {"transfermovil": {
        "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
        "OPTIONS": {"api_base": "https://...", "username": "...", "password": "...",
                    "source": "<merchant number>", "pay_url": "https://.../pagar/{code}",
                    "valid_minutes": 2880, "currencies": "CUP", "timeout": 10},
    }}

`source` is the platform's business account; a payment request's `merchant_id` (a store's
own merchant number) takes its place. The wire format is in wire.py.
"""

import hashlib
from decimal import Decimal, InvalidOperation
from functools import cached_property

import requests
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from payments.error_codes import PaymentErrorCode
from payments.exceptions import GatewayMisconfigured, GatewayUnavailable, PaymentDeclined
from payments.gateways.http import json_call
from payments.gateways.transfermovil import wire
from payments.interface import (
    Capabilities,
    Capability,
    Money,
    NextAction,
    PaymentGateway,
    PaymentLink,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
)

SUPPORTED = frozenset(
    {
        Capability.PAYMENT_LINK,
        Capability.POLLING,
        Capability.VOID,
        Capability.IDEMPOTENCY_KEYS,
        Capability.MERCHANT_ACCOUNTS,
    }
)
SERVICE = gettext_lazy("Transfermóvil")
STATES = {
    wire.Status.PENDING: PaymentState.PENDING,
    wire.Status.PAID: PaymentState.CAPTURED,
    wire.Status.FAILED: PaymentState.FAILED,
    wire.Status.CANCELLED: PaymentState.CANCELLED,
}
MISCONFIGURED = frozenset({wire.Fault.BAD_SIGNATURE, wire.Fault.INVALID_REQUEST})
# A merchant number is in the ExternalId, so one store's orders never meet another's.
SEPARATOR = "."


def external_id(key: str) -> str:
    """A deterministic ExternalId for our idempotency key: the same key registers the
    same order."""
    return "ENC" + hashlib.sha256(key.encode()).hexdigest()[:13].upper()


class TransfermovilGateway(PaymentGateway):
    label = gettext_lazy("Transfermóvil")
    description = gettext_lazy(
        "Pay with the Transfermóvil app: scan the QR code or open the link on your phone, "
        "or give the code to whoever pays for you."
    )
    paid_label = gettext_lazy("Paid with Transfermóvil")
    agent_label = gettext_lazy("Transfermóvil, through a payment link sent to the customer by SMS")
    capabilities = Capabilities(supported=SUPPORTED, currencies=frozenset({"CUP"}))
    required_options = ("api_base", "username", "password", "source")

    def __init__(self, *, name: str, options: dict):
        super().__init__(name=name, options=options)
        self.api_base = str(self.options.get("api_base", "")).rstrip("/")
        self.timeout = float(self.options.get("timeout", 10))

    @cached_property
    def session(self) -> requests.Session:
        return requests.Session()

    def start(self, request: PaymentRequest) -> PaymentStart:
        currency = request.amount.currency.upper()
        if currency not in self.capabilities.currencies:
            raise ValueError(f"the {self.name} gateway does not take {currency}")
        source = request.merchant_id or self.options["source"]
        order = external_id(request.idempotency_key)
        reference = f"{source}{SEPARATOR}{order}" if request.merchant_id else order
        self._call(
            wire.PAY_ORDER,
            wire.pay_order_body(
                external_id=order,
                source=source,
                amount=request.amount.amount,
                currency=currency,
                description=request.description or request.reference,
                valid_minutes=int(self.options.get("valid_minutes", 0)),
            ),
            result="PayOrderResult",
            source=source,
        )
        link = self.payment_link(gateway_reference=reference)
        return PaymentStart(
            gateway_reference=reference,
            state=PaymentState.PENDING,
            next_action=NextAction.REDIRECT,
            redirect_url=link.url,
            reference=link.code,
        )

    def payment_link(self, *, gateway_reference: str) -> PaymentLink:
        _source, order = self._split(gateway_reference)
        template = self.options.get("pay_url") or (self.api_base + wire.pay_path("{code}"))
        url = template.replace("{code}", order)
        return PaymentLink(url=url, qr_text=url, code=order)

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        source, order = self._split(gateway_reference)
        data = self._call(
            wire.STATUS_ORDER,
            wire.order_body(external_id=order, source=source),
            result="GetStatusOrderResult",
            source=source,
        )
        try:
            state = STATES[int(data["Status"])]
            amount = Decimal(str(data["Amount"])).quantize(Decimal("0.01"))
            currency = str(data.get("Currency", "CUP")).upper()
        except (KeyError, TypeError, ValueError, InvalidOperation) as error:
            raise GatewayUnavailable(
                _("Transfermóvil gave an answer we cannot read. Please try again later."),
                code=PaymentErrorCode.MALFORMED_ANSWER,
            ) from error
        if state != PaymentState.CAPTURED:
            return PaymentStatus(gateway_reference=gateway_reference, state=state)
        return PaymentStatus(
            gateway_reference=gateway_reference,
            state=state,
            amount_captured=Money(amount, currency),
            amount_refunded=Money(Decimal("0.00"), currency),
        )

    def cancel(self, *, gateway_reference: str, idempotency_key: str) -> PaymentStatus:
        status = self.fetch(gateway_reference=gateway_reference)
        if status.state in (PaymentState.CANCELLED, PaymentState.FAILED):
            return status
        if status.state != PaymentState.PENDING:
            raise PaymentDeclined(
                _("A paid order cannot be cancelled: its money goes back by hand."),
                code=wire.Fault.INVALID_STATE,
            )
        source, order = self._split(gateway_reference)
        self._call(
            wire.CANCEL_ORDER,
            wire.order_body(external_id=order, source=source),
            result="CancelOrderResult",
            source=source,
        )
        return self.fetch(gateway_reference=gateway_reference)

    def _split(self, gateway_reference: str) -> tuple[str, str]:
        source, _separator, order = gateway_reference.rpartition(SEPARATOR)
        return source or self.options["source"], order

    def _call(self, path: str, body: dict, *, result: str, source: str) -> dict:
        answer = json_call(
            self.session,
            "POST",
            self.api_base + path,
            timeout=self.timeout,
            service=str(SERVICE),
            json=body,
            headers=wire.headers(
                username=self.options["username"],
                password=self.options["password"],
                source=source,
                at=timezone.now(),
            ),
        )
        data = answer.data.get(result) if isinstance(answer.data.get(result), dict) else {}
        if answer.status == 200 and data.get("Success"):
            return data
        code = str(data.get("Code") or f"http_{answer.status}")
        message = str(data.get("Resultmsg") or "")
        if answer.status >= 500 or answer.status == 429 or not data:
            return_error = GatewayUnavailable(
                _("Transfermóvil is not answering. Please try again in a few minutes."),
                code=PaymentErrorCode.SERVICE_DOWN,
            )
        elif code in MISCONFIGURED or answer.status in (401, 403):
            return_error = GatewayMisconfigured(
                _("Paying with Transfermóvil is not available right now."),
                code=code,
                detail=f"Transfermóvil answered {answer.status}: {code} {message}",
            )
        else:
            return_error = PaymentDeclined(
                _("Transfermóvil refused the payment: %(reason)s") % {"reason": message or code},
                code=code,
            )
        raise return_error
