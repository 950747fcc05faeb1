"""Card payments through Stripe PaymentIntents, confirmed in the browser with Stripe.js
(card data never reaches our server).

    PAYMENT_GATEWAYS = {"stripe": {
        "BACKEND": "payments.gateways.stripe.StripeGateway",
        "OPTIONS": {"secret_key": "sk_...", "publishable_key": "pk_...",
                    "webhook_secret": "whsec_...", "currencies": ("USD",),
                    "capture": "automatic"},
    }}

With `api_base` pointing at localstripe, set `localstripe_compatible`: it refuses
PaymentIntent parameters it does not know (description, receipt_email,
automatic_payment_methods) instead of ignoring them.
"""

import enum
import json
import logging
import time
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlsplit

import stripe
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from payments.exceptions import (
    GatewayMisconfigured,
    GatewayUnavailable,
    PaymentActionRequired,
    PaymentDeclined,
    PaymentError,
    WebhookRejected,
)
from payments.interface import (
    Capabilities,
    Capability,
    ClientSources,
    Money,
    NextAction,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
    WebhookEvent,
)

logger = logging.getLogger(__name__)

SUPPORTED = frozenset(
    {
        Capability.AUTHORIZE,
        Capability.CAPTURE,
        Capability.PARTIAL_CAPTURE,
        Capability.VOID,
        Capability.REFUND,
        Capability.PARTIAL_REFUND,
        Capability.CLIENT_SDK,
        Capability.WEBHOOKS,
        Capability.POLLING,
        Capability.IDEMPOTENCY_KEYS,
    }
)
WEBHOOK_TOLERANCE_SECONDS = 300
STRIPE_JS_URL = "https://js.stripe.com/v3/"
# Stripe.js on Stripe's own host opens its 3-D Secure pages from this one as well.
STRIPE_HOOKS_URL = "https://hooks.stripe.com/"


class ErrorCode(enum.StrEnum):
    """Our own codes; declines carry Stripe's code (card_declined, insufficient_funds...)."""

    CARD_DECLINED = "card_declined"
    AUTHENTICATION_REQUIRED = "authentication_required"
    AMOUNT_TOO_LARGE = "amount_too_large"
    REFUND_TOO_LARGE = "refund_too_large"
    NOT_CAPTURABLE = "not_capturable"
    NOT_CANCELLABLE = "not_cancellable"
    NOT_CAPTURED = "not_captured"
    UNREACHABLE = "gateway_unreachable"
    RATE_LIMITED = "rate_limited"
    GATEWAY_ERROR = "gateway_error"
    AUTHENTICATION_FAILED = "authentication_failed"  # the secret key is wrong or revoked
    PERMISSION_DENIED = "permission_denied"  # a restricted key lacks this permission
    INVALID_REQUEST = "invalid_request"  # we sent what Stripe does not accept
    IDEMPOTENCY_CONFLICT = "idempotency_conflict"
    WEBHOOK_CONTENT_TYPE = "webhook_content_type"
    WEBHOOK_SIGNATURE = "webhook_signature"


# Stripe invalid_request_error codes that mean "refused", not "something broke".
REFUSAL_CODES = frozenset(
    {
        "amount_too_large",
        "charge_already_captured",
        "charge_already_refunded",
        "charge_disputed",
        "charge_expired_for_capture",
        "payment_intent_authentication_failure",
        "payment_intent_payment_attempt_failed",
        "payment_intent_unexpected_state",
    }
)

# Stripe refusing our own request: the configuration is wrong, not the buyer's payment.
OUR_REQUEST_REFUSED = (
    (stripe.AuthenticationError, ErrorCode.AUTHENTICATION_FAILED),
    (stripe.PermissionError, ErrorCode.PERMISSION_DENIED),
    (stripe.InvalidRequestError, ErrorCode.INVALID_REQUEST),
)
UNAVAILABLE = (
    (stripe.APIConnectionError, ErrorCode.UNREACHABLE),
    (stripe.RateLimitError, ErrorCode.RATE_LIMITED),
    (stripe.IdempotencyError, ErrorCode.IDEMPOTENCY_CONFLICT),
)

STATES = {
    "requires_payment_method": PaymentState.PENDING,
    "requires_confirmation": PaymentState.PENDING,
    "processing": PaymentState.PENDING,
    "requires_action": PaymentState.ACTION_REQUIRED,
    "requires_capture": PaymentState.AUTHORIZED,
    "succeeded": PaymentState.CAPTURED,
    "canceled": PaymentState.CANCELLED,
}
TAKEN = (PaymentState.CAPTURED, PaymentState.PARTIALLY_REFUNDED, PaymentState.REFUNDED)


def payment_error_from(error: stripe.StripeError) -> PaymentError:
    """The interface's error for a Stripe exception: declined, action required,
    misconfigured (Stripe refused our own request) or unavailable. Nothing of stripe's
    escapes the adapter."""
    code = getattr(error, "code", None) or ""
    if code == ErrorCode.AUTHENTICATION_REQUIRED or code == "requires_action":
        return three_d_secure_needed(code)
    if isinstance(error, stripe.CardError):
        return PaymentDeclined(_("The card was declined."), code=code or ErrorCode.CARD_DECLINED)
    if isinstance(error, stripe.InvalidRequestError) and code in REFUSAL_CODES:
        return PaymentDeclined(_("The payment service refused this operation."), code=code)
    detail = (
        f"{type(error).__name__}: {error.user_message or error} "
        f"(http {error.http_status}, request {error.request_id})"
    )
    for kind, our_code in OUR_REQUEST_REFUSED:
        if isinstance(error, kind):
            logger.error("stripe refused our request, check its configuration: %s", detail)
            return GatewayMisconfigured(
                _("Card payment is not available right now."), code=code or our_code, detail=detail
            )
    code = next(
        (our_code for kind, our_code in UNAVAILABLE if isinstance(error, kind)),
        code or ErrorCode.GATEWAY_ERROR,
    )
    logger.warning("stripe: %s", detail)
    return GatewayUnavailable(
        _("The card payment service is not answering. Please try again in a few minutes."),
        code=code,
    )


def three_d_secure_needed(code: str) -> PaymentActionRequired:
    return PaymentActionRequired(
        _("Your bank asks you to confirm this payment (3-D Secure)."), code=code
    )


def money_from_minor(minor: int, currency: str) -> Money:
    return Money(Decimal(minor).scaleb(-2), currency.upper())


def charge_amounts(charge) -> tuple[int, int]:
    """Minor units captured and refunded on a PaymentIntent's charge.

    Stripe records the uncaptured rest of a partial capture as a refund on the charge;
    that release is not money returned to the buyer, so it is left out of `refunded`.
    localstripe has no `amount_captured`: there the release is the refund made without
    a payment_intent (ours are always made with one)."""
    if charge is None or not charge.captured or charge.status != "succeeded":
        return 0, 0
    captured = getattr(charge, "amount_captured", None)
    if captured is None:
        refunds = getattr(charge, "refunds", None)
        released = sum(
            refund.amount
            for refund in (refunds.data if refunds else [])
            if not getattr(refund, "payment_intent", None)
        )
        captured = charge.amount - released
    refunded = max(charge.amount_refunded - (charge.amount - captured), 0)
    return captured, refunded


class StripeGateway(PaymentGateway):
    """Stripe PaymentIntents. Options: secret_key, publishable_key, webhook_secret
    (required); api_base, js_url, frame_urls, currencies, capture ("automatic" or
    "manual"), timeout (seconds), max_network_retries, localstripe_compatible."""

    label = gettext_lazy("Card")
    description = gettext_lazy(
        "Pay by card on the next page; your card details go straight to "
        "the card processor, never to us."
    )
    paid_label = gettext_lazy("Paid by card")
    agent_label = gettext_lazy("Card, through a payment link sent to the customer")
    capabilities = Capabilities(supported=SUPPORTED, currencies=frozenset({"USD"}))
    required_options = ("secret_key", "publishable_key", "webhook_secret")

    def __init__(self, *, name: str, options: dict):
        super().__init__(name=name, options=options)
        self.capture_method = self.options.get("capture", "automatic")
        if self.capture_method not in ("automatic", "manual"):
            raise ImproperlyConfigured(
                f"PAYMENT_GATEWAYS[{name!r}]: capture is 'automatic' or 'manual', "
                f"not {self.capture_method!r}."
            )
        self.api_base = self.options.get("api_base", stripe.DEFAULT_API_BASE).rstrip("/")
        self.js_url = self.options.get("js_url", STRIPE_JS_URL)
        self.frame_urls = tuple(
            self.options.get("frame_urls")
            or ((self.js_url, STRIPE_HOOKS_URL) if self.js_url == STRIPE_JS_URL else (self.js_url,))
        )
        self.timeout = float(self.options.get("timeout", 10))
        self.max_network_retries = int(self.options.get("max_network_retries", 1))
        self.localstripe_compatible = bool(self.options.get("localstripe_compatible", False))

    @cached_property
    def client(self) -> stripe.StripeClient:
        return stripe.StripeClient(
            self.options.get("secret_key") or "",
            base_addresses={"api": self.api_base},
            http_client=stripe.RequestsClient(timeout=(self.timeout, self.timeout)),
            max_network_retries=self.max_network_retries,
        )

    def client_config(self, *, gateway_reference: str = "") -> dict:
        """What the card page needs: Stripe.js, the publishable key and, for a payment,
        a SetupIntent's secret (Stripe.js sends the card to Stripe with it and gets a
        payment method back) and the PaymentIntent's secret (for 3-D Secure)."""
        config = {"publishable_key": self.options["publishable_key"], "js_url": self.js_url}
        if gateway_reference:
            setup = self._call(
                self.client.v1.setup_intents.create, params={"payment_method_types": ["card"]}
            )
            config["setup_client_secret"] = setup.client_secret
            config["payment_client_secret"] = self._intent(gateway_reference).client_secret
        return config

    def client_sources(self) -> ClientSources:
        """Stripe.js from `js_url`, its card and 3-D Secure frames (`frame_urls`: by
        default its own host and, for Stripe's, hooks.stripe.com), calling `api_base`."""
        return ClientSources(
            scripts=(url_origin(self.js_url),),
            frames=tuple(dict.fromkeys(map(url_origin, self.frame_urls))),
            connections=(url_origin(self.api_base),),
        )

    def start(self, request: PaymentRequest) -> PaymentStart:
        currency = request.amount.currency.upper()
        if currency not in self.capabilities.currencies:
            raise ValueError(f"the {self.name} gateway does not take {currency}")
        params = {
            "amount": request.amount.minor_units,
            "currency": currency.lower(),
            "capture_method": self.capture_method,
            "metadata": {**dict(request.metadata), "reference": request.reference},
        }
        if self.localstripe_compatible:
            params["payment_method_types"] = ["card"]
        else:
            params["automatic_payment_methods"] = {"enabled": True}
            if request.description:
                params["description"] = request.description
            if request.buyer_email:
                params["receipt_email"] = request.buyer_email
        intent = self._call(
            self.client.v1.payment_intents.create,
            params=params,
            options={"idempotency_key": request.idempotency_key},
        )
        return PaymentStart(
            gateway_reference=intent.id,
            state=self._status(intent).state,
            next_action=NextAction.CLIENT_SDK,
            client_secret=intent.client_secret,
        )

    def complete(self, *, gateway_reference: str, params: dict) -> PaymentStatus:
        """The buyer is back (after Stripe.js or 3-D Secure). `params` from the return
        URL are not trusted: the state is read from Stripe. With `payment_method` (the id
        Stripe.js got for the buyer's card; the card itself never reaches us) the
        PaymentIntent is confirmed with it first."""
        method = params.get("payment_method", "")
        if method:
            if not str(method).startswith("pm_"):
                raise PaymentDeclined(_("The card was declined."), code=ErrorCode.CARD_DECLINED)
            self._call(
                self.client.v1.payment_intents.update,
                gateway_reference,
                params={"payment_method": method},
            )
            self._call(self.client.v1.payment_intents.confirm, gateway_reference)
        intent = self._intent(gateway_reference)
        if intent.status == "requires_action":
            raise three_d_secure_needed(ErrorCode.AUTHENTICATION_REQUIRED)
        failure = getattr(intent, "last_payment_error", None)
        if intent.status == "requires_payment_method" and failure:
            raise PaymentDeclined(
                _("The card was declined."), code=failure.code or ErrorCode.CARD_DECLINED
            )
        return self._status(intent)

    def fetch(self, *, gateway_reference: str) -> PaymentStatus:
        return self._status(self._intent(gateway_reference))

    def capture(
        self, *, gateway_reference: str, amount: Money, idempotency_key: str
    ) -> PaymentStatus:
        intent = self._intent(gateway_reference)
        status = self._status(intent)
        self._check_currency(intent, amount)
        if status.state in TAKEN:
            return status  # captured already: a retried capture changes nothing
        if status.state == PaymentState.ACTION_REQUIRED:
            raise three_d_secure_needed(ErrorCode.AUTHENTICATION_REQUIRED)
        if status.state != PaymentState.AUTHORIZED:
            raise PaymentDeclined(
                _("This payment cannot be captured now."), code=ErrorCode.NOT_CAPTURABLE
            )
        if amount.minor_units > intent.amount:
            raise PaymentDeclined(
                _("The capture is larger than the authorized amount."),
                code=ErrorCode.AMOUNT_TOO_LARGE,
            )
        self._call(
            self.client.v1.payment_intents.capture,
            gateway_reference,
            params={"amount_to_capture": amount.minor_units},
            options=self._options(gateway_reference, idempotency_key),
        )
        return self.fetch(gateway_reference=gateway_reference)

    def cancel(self, *, gateway_reference: str, idempotency_key: str) -> PaymentStatus:
        status = self.fetch(gateway_reference=gateway_reference)
        if status.state == PaymentState.CANCELLED:
            return status
        if status.state in TAKEN:
            raise PaymentDeclined(
                _("A captured payment is refunded, not cancelled."), code=ErrorCode.NOT_CANCELLABLE
            )
        intent = self._call(
            self.client.v1.payment_intents.cancel,
            gateway_reference,
            options=self._options(gateway_reference, idempotency_key),
        )
        return self._status(intent)

    def refund(
        self, *, gateway_reference: str, amount: Money, idempotency_key: str
    ) -> PaymentStatus:
        # localstripe refunds more than was captured; Stripe refuses. Check first so both
        # behave the same.
        intent = self._intent(gateway_reference)
        status = self._status(intent)
        self._check_currency(intent, amount)
        if status.state not in TAKEN:
            raise PaymentDeclined(
                _("Only a captured payment can be refunded."), code=ErrorCode.NOT_CAPTURED
            )
        refundable = status.amount_captured.amount - status.amount_refunded.amount
        if amount.amount > refundable:
            raise PaymentDeclined(
                _("A refund cannot exceed what was captured."), code=ErrorCode.REFUND_TOO_LARGE
            )
        self._call(
            self.client.v1.refunds.create,
            params={
                "payment_intent": gateway_reference,
                "amount": amount.minor_units,
                "metadata": {"idempotency_key": idempotency_key},
            },
            options=self._options(gateway_reference, idempotency_key),
        )
        return self.fetch(gateway_reference=gateway_reference)

    def webhook_parse(self, *, body: bytes, headers: dict) -> WebhookEvent:
        """Verify a webhook's Stripe-Signature (HMAC of the raw body, timestamp within
        five minutes either way) and read which PaymentIntent it is about.
        `gateway_reference` is empty for events about anything else."""
        headers = {key.lower(): value for key, value in headers.items()}
        content_type = headers.get("content-type")
        if content_type is not None and (
            content_type.split(";")[0].strip().lower() != "application/json"
        ):
            raise WebhookRejected(
                f"content type {content_type!r} is not JSON", code=ErrorCode.WEBHOOK_CONTENT_TYPE
            )
        signature = headers.get("stripe-signature", "")
        try:
            payload = body.decode("utf-8")
            stripe.WebhookSignature.verify_header(
                payload,
                signature,
                self.options.get("webhook_secret"),
                tolerance=WEBHOOK_TOLERANCE_SECONDS,
            )
            event = self.client.construct_event_without_verification(payload)
            subject = event.data.object
            if subject.object == "payment_intent":
                reference = subject.id
            else:
                reference = getattr(subject, "payment_intent", None) or ""
            event_id, event_type = event.id, event.type
        except (
            UnicodeDecodeError,
            ValueError,
            KeyError,
            AttributeError,
            TypeError,
            stripe.SignatureVerificationError,
        ) as error:
            raise WebhookRejected(
                f"stripe webhook rejected: {error}", code=ErrorCode.WEBHOOK_SIGNATURE
            ) from error
        # Stripe's own check lets any future timestamp through.
        if signed_at(signature) > time.time() + WEBHOOK_TOLERANCE_SECONDS:
            raise WebhookRejected(
                "stripe webhook signed in the future", code=ErrorCode.WEBHOOK_SIGNATURE
            )
        return WebhookEvent(
            event_id=event_id,
            event_type=event_type,
            gateway_reference=reference,
            payload=json.loads(payload),
        )

    def _intent(self, gateway_reference: str):
        return self._call(
            self.client.v1.payment_intents.retrieve,
            gateway_reference,
            params={"expand": ["latest_charge"]},
        )

    def _status(self, intent) -> PaymentStatus:
        state = STATES.get(intent.status, PaymentState.PENDING)
        if state != PaymentState.CAPTURED:
            return PaymentStatus(gateway_reference=intent.id, state=state)
        charge = intent.latest_charge
        if isinstance(charge, str):  # not expanded (as in create's answer)
            charge = self._intent(intent.id).latest_charge
        captured, refunded = charge_amounts(charge)
        if refunded and refunded >= captured:
            state = PaymentState.REFUNDED
        elif refunded:
            state = PaymentState.PARTIALLY_REFUNDED
        return PaymentStatus(
            gateway_reference=intent.id,
            state=state,
            amount_captured=money_from_minor(captured, intent.currency),
            amount_refunded=money_from_minor(refunded, intent.currency),
        )

    @staticmethod
    def _options(gateway_reference: str, idempotency_key: str) -> dict:
        # Stripe's keys are account-wide: scope the caller's key to the payment, so a
        # key such as "refund-1" cannot replay another payment's refund.
        return {"idempotency_key": f"{gateway_reference}:{idempotency_key}"}

    @staticmethod
    def _check_currency(intent, amount: Money):
        if amount.currency.lower() != intent.currency.lower():
            raise ValueError(f"{intent.id} is in {intent.currency.upper()}, not {amount.currency}")

    @staticmethod
    def _call(method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except stripe.StripeError as error:
            raise payment_error_from(error) from error


def url_origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def signed_at(signature_header: str) -> int:
    for item in signature_header.split(","):
        key, _separator, value = item.strip().partition("=")
        if key == "t":
            return int(value)
    raise WebhookRejected("no timestamp in Stripe-Signature", code=ErrorCode.WEBHOOK_SIGNATURE)
