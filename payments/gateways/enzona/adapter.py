"""EnZona (XETID's payment platform): the buyer confirms on EnZona's page or app, by its
link or by scanning its QR code, or gives its code to someone else who pays it; EnZona
tells us by a signed callback, and the adapter completes the confirmed payment (the
money is taken then). Cancel before completion, refund after, in part or whole.

    PAYMENT_GATEWAYS = {"enzona": {
        "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
        "OPTIONS": {"api_base": "https://api.enzona.net", "consumer_key": "...",
                    "consumer_secret": "...", "callback_secret": "...",
                    "notify_url": "https://.../payments/webhooks/enzona/",
                    "return_url": "https://.../pagar/{reference}/enlace/",
                    "merchant_uuid": "", "currencies": "CUP", "timeout": 10},
    }}

`merchant_uuid` is the platform's business account; a payment request's `merchant_id`
(a store's own business account) takes its place. The wire format is in wire.py.
"""

import hashlib
import hmac
import json
import threading
import time
from decimal import Decimal, InvalidOperation
from functools import cached_property

import requests
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from payments.error_codes import PaymentErrorCode
from payments.exceptions import (
    GatewayMisconfigured,
    GatewayUnavailable,
    PaymentDeclined,
    WebhookRejected,
)
from payments.gateways.enzona import wire
from payments.gateways.http import json_call
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
    WebhookEvent,
)

SUPPORTED = frozenset(
    {
        Capability.PAYMENT_LINK,
        Capability.REDIRECT,
        Capability.WEBHOOKS,
        Capability.POLLING,
        Capability.VOID,
        Capability.REFUND,
        Capability.PARTIAL_REFUND,
        Capability.IDEMPOTENCY_KEYS,
        Capability.MERCHANT_ACCOUNTS,
    }
)
SERVICE = gettext_lazy("EnZona")
# A token is asked for again this long before EnZona says it expires.
TOKEN_MARGIN_SECONDS = 60

STATES = {
    wire.Status.PENDING: PaymentState.PENDING,
    wire.Status.CONFIRMED: PaymentState.PENDING,  # completed by the adapter when read
    wire.Status.COMPLETED: PaymentState.CAPTURED,
    wire.Status.FAILED: PaymentState.FAILED,
    wire.Status.CANCELLED: PaymentState.CANCELLED,
    wire.Status.REFUNDED: PaymentState.REFUNDED,
}
DECLINES = frozenset({wire.Fault.DECLINED, wire.Fault.INVALID_STATE, wire.Fault.REFUND_TOO_LARGE})
MISCONFIGURED = frozenset({wire.Fault.INVALID_CLIENT, wire.Fault.INVALID_REQUEST})


def op_id(key: str) -> str:
    """A deterministic `merchant_op_id` (EnZona takes short ids) for our idempotency key."""
    return hashlib.sha256(key.encode()).hexdigest()[:24]


class EnzonaGateway(PaymentGateway):
    label = gettext_lazy("EnZona")
    description = gettext_lazy(
        "Pay with the EnZona app: scan the QR code or open the link on your phone, or "
        "give the code to whoever pays for you."
    )
    paid_label = gettext_lazy("Paid with EnZona")
    agent_label = gettext_lazy("EnZona, through a payment link sent to the customer by SMS")
    capabilities = Capabilities(supported=SUPPORTED, currencies=frozenset({"CUP"}))
    required_options = ("api_base", "consumer_key", "consumer_secret", "callback_secret")

    def __init__(self, *, name: str, options: dict):
        super().__init__(name=name, options=options)
        self.api_base = str(self.options.get("api_base", "")).rstrip("/")
        self.timeout = float(self.options.get("timeout", 10))
        self._token = ("", 0.0)  # (access token, monotonic time it stops being used)
        self._token_lock = threading.Lock()

    @cached_property
    def session(self) -> requests.Session:
        return requests.Session()

    # --- the interface -------------------------------------------------------------------

    def start(self, request: PaymentRequest) -> PaymentStart:
        currency = request.amount.currency.upper()
        if currency not in self.capabilities.currencies:
            raise ValueError(f"the {self.name} gateway does not take {currency}")
        reference = request.reference
        body = wire.payment_body(
            merchant_op_id=op_id(request.idempotency_key),
            invoice_number=reference,
            amount=request.amount.amount,
            currency=currency,
            description=request.description,
            return_url=request.return_url or self._url("return_url", reference),
            cancel_url=request.return_url or self._url("return_url", reference),
            notify_url=self.options.get("notify_url", ""),
            merchant_uuid=request.merchant_id or self.options.get("merchant_uuid", ""),
        )
        data = self._api("POST", wire.PAYMENTS_PATH, json=body)
        link = self._link(data)
        return PaymentStart(
            gateway_reference=data["transaction_uuid"],
            state=self._status(data).state,
            next_action=NextAction.REDIRECT,
            redirect_url=link.url,
            reference=link.code,
        )

    def payment_link(self, *, gateway_reference: str) -> PaymentLink:
        return self._link(self._api("GET", wire.payment_path(gateway_reference)))

    def complete(self, *, gateway_reference: str, params: dict) -> PaymentStatus:
        """The buyer is back from EnZona: `params` are not trusted, EnZona is asked."""
        return self.fetch(gateway_reference=gateway_reference)

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        """The payment's state; one the buyer confirmed is completed first (completing
        again answers the completed payment), so confirmed means taken."""
        data = self._api("GET", wire.payment_path(gateway_reference))
        if data.get("status_code") == wire.Status.CONFIRMED:
            data = self._api("POST", wire.payment_path(gateway_reference, "complete"), json={})
        return self._status(data)

    def cancel(self, *, gateway_reference: str, idempotency_key: str) -> PaymentStatus:
        status = self.fetch(gateway_reference=gateway_reference)
        if status.state in (PaymentState.CANCELLED, PaymentState.FAILED):
            return status
        if status.state != PaymentState.PENDING:
            raise PaymentDeclined(
                _("A payment already taken is refunded, not cancelled."),
                code=wire.Fault.INVALID_STATE,
            )
        return self._status(
            self._api("POST", wire.payment_path(gateway_reference, "cancel"), json={})
        )

    def refund(
        self, *, gateway_reference: str, amount: Money, idempotency_key: str
    ) -> PaymentStatus:
        status = self.fetch(gateway_reference=gateway_reference)
        if status.amount_captured is None:
            raise PaymentDeclined(
                _("Only a payment already taken can be refunded."), code=wire.Fault.INVALID_STATE
            )
        if amount.currency != status.amount_captured.currency:
            raise ValueError(f"{gateway_reference} is in {status.amount_captured.currency}")
        if amount.amount > status.amount_captured.amount - status.amount_refunded.amount:
            raise PaymentDeclined(
                _("A refund cannot exceed what was paid."), code=wire.Fault.REFUND_TOO_LARGE
            )
        self._api(
            "POST",
            wire.payment_path(gateway_reference, "refund"),
            json=wire.refund_body(
                amount=amount.amount,
                description=_("Refund"),
                refund_op_id=op_id(f"{gateway_reference}:{idempotency_key}"),
            ),
        )
        return self.fetch(gateway_reference=gateway_reference)

    def webhook_parse(self, *, body: bytes, headers: dict) -> WebhookEvent:
        """A callback signed with the callback secret (wire.SIGNATURE_HEADER). Only
        which payment it is about is taken from it: its state is asked of EnZona."""
        headers = {key.lower(): value for key, value in headers.items()}
        signature = headers.get(wire.SIGNATURE_HEADER.lower(), "")
        expected = wire.callback_sign(body, self.options.get("callback_secret", ""))
        if not signature or not hmac.compare_digest(expected, signature):
            raise WebhookRejected(
                "Bad or missing EnZona signature.", code=PaymentErrorCode.WEBHOOK_SIGNATURE
            )
        try:
            data = json.loads(body)
            return WebhookEvent(
                event_id=str(data["event_id"]),
                event_type=f"payment.{data['status_code']}",
                gateway_reference=str(data["transaction_uuid"]),
                payload=data,
            )
        except (ValueError, KeyError, TypeError) as error:
            raise WebhookRejected(
                "Malformed EnZona callback.", code=PaymentErrorCode.WEBHOOK_MALFORMED
            ) from error

    # --- EnZona --------------------------------------------------------------------------

    def _url(self, option: str, reference: str) -> str:
        return str(self.options.get(option, "")).replace("{reference}", reference)

    def _link(self, data: dict) -> PaymentLink:
        url = wire.confirm_link(data)
        return PaymentLink(url=url, qr_text=url, code=str(data.get("code", "")))

    def _status(self, data: dict) -> PaymentStatus:
        try:
            state = STATES[data["status_code"]]
            currency = str(data.get("currency", "CUP")).upper()
            total = Decimal(str(data["amount"]["total"]))
            refunded = Decimal(str(data.get("refunded_total", "0")))
            reference = data["transaction_uuid"]
        except (KeyError, TypeError, InvalidOperation) as error:
            raise GatewayUnavailable(
                _("EnZona gave an answer we cannot read. Please try again in a few minutes."),
                code=PaymentErrorCode.MALFORMED_ANSWER,
            ) from error
        if state not in (PaymentState.CAPTURED, PaymentState.REFUNDED):
            return PaymentStatus(gateway_reference=reference, state=state)
        if state == PaymentState.CAPTURED and refunded:
            state = PaymentState.REFUNDED if refunded >= total else PaymentState.PARTIALLY_REFUNDED
        return PaymentStatus(
            gateway_reference=reference,
            state=state,
            amount_captured=Money(total, currency),
            amount_refunded=Money(refunded if refunded else Decimal("0.00"), currency),
        )

    def _access_token(self, *, renew: bool = False) -> str:
        with self._token_lock:
            token, until = self._token
            if token and not renew and time.monotonic() < until:
                return token
            answer = json_call(
                self.session,
                "POST",
                self.api_base + wire.TOKEN_PATH,
                timeout=self.timeout,
                service=str(SERVICE),
                data={"grant_type": "client_credentials", "scope": wire.SCOPE},
                auth=(
                    self.options.get("consumer_key", ""),
                    self.options.get("consumer_secret", ""),
                ),
            )
            if answer.status != 200 or "access_token" not in answer.data:
                raise self._error(answer.status, answer.data)
            lifetime = float(answer.data.get("expires_in", 3600))
            self._token = (
                answer.data["access_token"],
                time.monotonic() + max(lifetime - TOKEN_MARGIN_SECONDS, 0),
            )
            return self._token[0]

    def _api(self, method: str, path: str, **kwargs) -> dict:
        """One call with the cached token; a 401 (expired or revoked) asks for a new
        token and tries once more."""
        for renew in (False, True):
            headers = {"Authorization": f"Bearer {self._access_token(renew=renew)}"}
            answer = json_call(
                self.session,
                method,
                self.api_base + path,
                timeout=self.timeout,
                service=str(SERVICE),
                headers=headers,
                **kwargs,
            )
            if answer.status != 401:
                break
        if 200 <= answer.status < 300:
            return answer.data
        raise self._error(answer.status, answer.data)

    def _error(self, status: int, data: dict):
        fault = data.get("fault") if isinstance(data.get("fault"), dict) else {}
        code = str(fault.get("code") or data.get("error") or f"http_{status}")
        detail = f"EnZona answered {status}: {code} {fault.get('message', '')}".strip()
        if code in DECLINES or status in (402, 422):
            return PaymentDeclined(
                _("EnZona refused the payment: %(reason)s")
                % {"reason": fault.get("message") or code},
                code=code,
            )
        if status in (400, 401, 403, 404) or code in MISCONFIGURED:
            return GatewayMisconfigured(
                _("Paying with EnZona is not available right now."), code=code, detail=detail
            )
        return GatewayUnavailable(
            _("EnZona is not answering. Please try again in a few minutes."),
            code=wire.Fault.SERVICE_DOWN if status >= 500 or status == 429 else code,
        )
