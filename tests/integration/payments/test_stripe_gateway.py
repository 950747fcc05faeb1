"""The Stripe adapter against a real localstripe process (tests/localstripe_server.py).

The buyer's part (Stripe.js confirming a card, the bank's 3-D Secure page) is played
with localstripe's own API; everything else goes through the adapter."""

import json
import logging
import queue
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import stripe
from django.core import checks
from django.test import override_settings

from payments.exceptions import (
    GatewayMisconfigured,
    GatewayUnavailable,
    PaymentActionRequired,
    PaymentDeclined,
    WebhookRejected,
)
from payments.gateways.stripe import ErrorCode, StripeGateway, payment_error_from
from payments.interface import Money, NextAction, PaymentRequest, PaymentState, WebhookEvent
from tests.localstripe_server import (
    CARD_DECLINED,
    CARD_PAID,
    CARD_THREE_D_SECURE,
    EVENT,
    WEBHOOK_SECRET,
    card_payment_confirm,
    signed,
    stripe_options,
    three_d_secure_answer,
)
from tests.processes import free_port


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def request_for(amount: str, *, key: str = "") -> PaymentRequest:
    return PaymentRequest(
        reference="100042",
        amount=usd(amount),
        idempotency_key=key or f"start-{uuid.uuid4()}",
        metadata=(("basket", "17"),),
    )


@pytest.fixture
def gateway(localstripe_url) -> StripeGateway:
    return StripeGateway(name="stripe", options=stripe_options(localstripe_url))


@pytest.fixture
def manual_gateway(localstripe_url) -> StripeGateway:
    return StripeGateway(name="stripe", options=stripe_options(localstripe_url, capture="manual"))


def paid(gateway: StripeGateway, amount: str = "100.00", card: str = CARD_PAID) -> str:
    started = gateway.start(request_for(amount))
    card_payment_confirm(
        api_base=gateway.api_base, gateway_reference=started.gateway_reference, card_number=card
    )
    return started.gateway_reference


def test_a_card_payment_starts_in_the_browser_and_is_captured(gateway):
    started = gateway.start(request_for("100.00"))

    assert started.state == PaymentState.PENDING
    assert started.next_action == NextAction.CLIENT_SDK
    assert started.client_secret.startswith(f"{started.gateway_reference}_secret_")
    card_payment_confirm(
        api_base=gateway.api_base,
        gateway_reference=started.gateway_reference,
        card_number=CARD_PAID,
    )
    status = gateway.complete(gateway_reference=started.gateway_reference, params={})
    assert status.state == PaymentState.CAPTURED
    assert status.amount_captured == usd("100.00")
    assert status.amount_refunded == usd("0.00")


def test_the_payment_intent_carries_our_reference_and_the_minor_units(gateway):
    started = gateway.start(request_for("12.34"))

    intent = gateway.client.v1.payment_intents.retrieve(started.gateway_reference)
    assert (intent.amount, intent.currency, intent.capture_method) == (1234, "usd", "automatic")
    assert intent.metadata.to_dict() == {"reference": "100042", "basket": "17"}


def test_a_declined_card_is_reported_when_the_buyer_returns(gateway):
    reference = paid(gateway, card=CARD_DECLINED)

    with pytest.raises(PaymentDeclined) as declined:
        gateway.complete(gateway_reference=reference, params={})

    assert declined.value.code == "card_declined"
    # The buyer may still pay this PaymentIntent with another card.
    assert gateway.fetch(gateway_reference=reference).state == PaymentState.PENDING


def test_three_d_secure_waits_for_the_buyer_then_completes(gateway):
    started = gateway.start(request_for("100.00"))
    card_payment_confirm(
        api_base=gateway.api_base,
        gateway_reference=started.gateway_reference,
        card_number=CARD_THREE_D_SECURE,
    )

    assert (
        gateway.fetch(gateway_reference=started.gateway_reference).state
        == PaymentState.ACTION_REQUIRED
    )
    with pytest.raises(PaymentActionRequired):
        gateway.complete(gateway_reference=started.gateway_reference, params={})

    three_d_secure_answer(
        api_base=gateway.api_base,
        gateway_reference=started.gateway_reference,
        client_secret=started.client_secret,
        success=True,
    )
    status = gateway.complete(
        gateway_reference=started.gateway_reference,
        params={"payment_intent": started.gateway_reference},
    )
    assert status.state == PaymentState.CAPTURED
    assert status.amount_captured == usd("100.00")


def test_three_d_secure_authorizes_only_when_capture_is_manual(manual_gateway):
    started = manual_gateway.start(request_for("100.00"))
    card_payment_confirm(
        api_base=manual_gateway.api_base,
        gateway_reference=started.gateway_reference,
        card_number=CARD_THREE_D_SECURE,
    )

    three_d_secure_answer(
        api_base=manual_gateway.api_base,
        gateway_reference=started.gateway_reference,
        client_secret=started.client_secret,
        success=True,
    )

    status = manual_gateway.complete(gateway_reference=started.gateway_reference, params={})
    assert status.state == PaymentState.AUTHORIZED
    assert status.amount_captured is None


def test_a_failed_three_d_secure_is_a_decline(gateway):
    started = gateway.start(request_for("100.00"))
    card_payment_confirm(
        api_base=gateway.api_base,
        gateway_reference=started.gateway_reference,
        card_number=CARD_THREE_D_SECURE,
    )

    three_d_secure_answer(
        api_base=gateway.api_base,
        gateway_reference=started.gateway_reference,
        client_secret=started.client_secret,
        success=False,
    )

    with pytest.raises(PaymentDeclined) as declined:
        gateway.complete(gateway_reference=started.gateway_reference, params={})
    assert declined.value.code == "payment_intent_authentication_failure"


def test_a_manual_capture_in_full(manual_gateway):
    reference = paid(manual_gateway)
    assert manual_gateway.fetch(gateway_reference=reference).state == PaymentState.AUTHORIZED

    status = manual_gateway.capture(
        gateway_reference=reference, amount=usd("100.00"), idempotency_key="capture"
    )

    assert status.state == PaymentState.CAPTURED
    assert status.amount_captured == usd("100.00")
    assert status.amount_refunded == usd("0.00")


def test_a_partial_capture_releases_the_rest_without_calling_it_a_refund(manual_gateway):
    reference = paid(manual_gateway)

    status = manual_gateway.capture(
        gateway_reference=reference, amount=usd("60.00"), idempotency_key="capture"
    )

    assert status.state == PaymentState.CAPTURED
    assert status.amount_captured == usd("60.00")
    assert status.amount_refunded == usd("0.00")
    refunded = manual_gateway.refund(
        gateway_reference=reference, amount=usd("60.00"), idempotency_key="refund-1"
    )
    assert refunded.state == PaymentState.REFUNDED
    assert refunded.amount_refunded == usd("60.00")


def test_a_retried_capture_changes_nothing(manual_gateway):
    reference = paid(manual_gateway)
    first = manual_gateway.capture(
        gateway_reference=reference, amount=usd("60.00"), idempotency_key="capture"
    )

    again = manual_gateway.capture(
        gateway_reference=reference, amount=usd("60.00"), idempotency_key="capture"
    )

    assert again == first


def test_a_capture_above_the_authorization_is_declined(manual_gateway):
    reference = paid(manual_gateway)

    with pytest.raises(PaymentDeclined) as declined:
        manual_gateway.capture(
            gateway_reference=reference, amount=usd("100.01"), idempotency_key="capture"
        )

    assert declined.value.code == ErrorCode.AMOUNT_TOO_LARGE
    assert manual_gateway.fetch(gateway_reference=reference).state == PaymentState.AUTHORIZED


def test_an_unpaid_payment_cannot_be_captured(manual_gateway):
    started = manual_gateway.start(request_for("100.00"))

    with pytest.raises(PaymentDeclined) as declined:
        manual_gateway.capture(
            gateway_reference=started.gateway_reference,
            amount=usd("100.00"),
            idempotency_key="capture",
        )

    assert declined.value.code == ErrorCode.NOT_CAPTURABLE


def test_a_partial_refund_then_the_rest(gateway):
    reference = paid(gateway)

    partial = gateway.refund(
        gateway_reference=reference, amount=usd("30.00"), idempotency_key="refund-1"
    )
    rest = gateway.refund(
        gateway_reference=reference, amount=usd("70.00"), idempotency_key="refund-2"
    )

    assert (partial.state, partial.amount_refunded) == (
        PaymentState.PARTIALLY_REFUNDED,
        usd("30.00"),
    )
    assert (rest.state, rest.amount_captured, rest.amount_refunded) == (
        PaymentState.REFUNDED,
        usd("100.00"),
        usd("100.00"),
    )
    with pytest.raises(PaymentDeclined) as declined:
        gateway.refund(gateway_reference=reference, amount=usd("0.01"), idempotency_key="refund-3")
    assert declined.value.code == ErrorCode.REFUND_TOO_LARGE


def test_an_authorization_is_refunded_by_cancelling_it(manual_gateway):
    reference = paid(manual_gateway)

    with pytest.raises(PaymentDeclined) as declined:
        manual_gateway.refund(
            gateway_reference=reference, amount=usd("10.00"), idempotency_key="refund-1"
        )

    assert declined.value.code == ErrorCode.NOT_CAPTURED


def test_cancelling_an_authorization_twice(manual_gateway):
    reference = paid(manual_gateway)

    first = manual_gateway.cancel(gateway_reference=reference, idempotency_key="cancel")
    again = manual_gateway.cancel(gateway_reference=reference, idempotency_key="cancel")

    assert first.state == again.state == PaymentState.CANCELLED


def test_cancelling_a_payment_the_buyer_never_paid(gateway):
    started = gateway.start(request_for("100.00"))

    status = gateway.cancel(gateway_reference=started.gateway_reference, idempotency_key="cancel")

    assert status.state == PaymentState.CANCELLED


def test_a_captured_payment_is_not_cancelled(gateway):
    reference = paid(gateway)

    with pytest.raises(PaymentDeclined) as declined:
        gateway.cancel(gateway_reference=reference, idempotency_key="cancel")

    assert declined.value.code == ErrorCode.NOT_CANCELLABLE
    assert gateway.fetch(gateway_reference=reference).state == PaymentState.CAPTURED


def test_an_unknown_payment_is_a_gateway_error_not_a_stripe_exception(gateway):
    with pytest.raises(GatewayMisconfigured) as refused:
        gateway.fetch(gateway_reference="pi_doesnotexist")

    # Stripe says resource_missing; localstripe answers 404 with no code.
    assert refused.value.code == ErrorCode.INVALID_REQUEST


def test_a_wrong_secret_key_is_a_configuration_error_logged_for_operators(
    localstripe_url, monkeypatch
):
    # The adapter's own logger, heard directly: whatever configured logging before (a
    # Celery worker hijacking the root logger, say) cannot hide what it says.
    logged = []
    listener = logging.Handler(level=logging.ERROR)
    listener.emit = logged.append
    adapter_logger = logging.getLogger("payments.gateways.stripe")
    monkeypatch.setattr(adapter_logger, "disabled", False)
    adapter_logger.addHandler(listener)
    gateway = StripeGateway(
        name="stripe", options=stripe_options(localstripe_url, secret_key="wrong-key")
    )

    try:
        with pytest.raises(GatewayMisconfigured) as refused:
            gateway.start(request_for("10.00"))
    finally:
        adapter_logger.removeHandler(listener)

    assert refused.value.code == ErrorCode.AUTHENTICATION_FAILED
    assert refused.value.message == "El pago con tarjeta no está disponible en este momento."
    assert refused.value.detail.startswith("AuthenticationError: Unauthorized (http 401")
    errors = [record for record in logged if record.levelname == "ERROR"]
    assert [record.name for record in errors] == ["payments.gateways.stripe"]
    assert "AuthenticationError" in errors[0].getMessage()


def test_a_parameter_the_gateway_does_not_accept_is_a_configuration_error(localstripe_url):
    # Without localstripe_compatible the adapter sends automatic_payment_methods, which
    # localstripe refuses as an invalid request.
    gateway = StripeGateway(
        name="stripe", options=stripe_options(localstripe_url, localstripe_compatible=False)
    )

    with pytest.raises(GatewayMisconfigured) as refused:
        gateway.start(request_for("10.00"))

    assert refused.value.code == ErrorCode.INVALID_REQUEST
    assert "Unexpected automatic_payment_methods" in refused.value.detail


# Idempotency. localstripe ignores Idempotency-Key (a second start with the same key
# makes a second PaymentIntent), so Stripe's replay cannot be tested here: these tests
# check our side of it on the wire, through a recording proxy in front of localstripe.


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict
    body: bytes


class RecordingHandler(BaseHTTPRequestHandler):
    """Records each request; forwards it to `server.upstream` if set, else answers 200."""

    def _handle(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.records.put(Recorded(self.command, self.path, dict(self.headers), body))
        status, payload, content_type = 200, b"{}", "application/json"
        if self.server.upstream:
            forwarded = urllib.request.Request(
                self.server.upstream + self.path,
                data=body or None,
                method=self.command,
                headers={
                    key: value
                    for key, value in self.headers.items()
                    if key.lower() not in ("host", "content-length")
                },
            )
            try:
                with urllib.request.urlopen(forwarded, timeout=5) as answer:
                    status, payload = answer.status, answer.read()
            except urllib.error.HTTPError as error:
                status, payload = error.code, error.read()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_DELETE = _handle

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_server():
    """Start a recording server: `recording_server(upstream)` gives (its url, a queue)."""
    servers = []

    def start(upstream: str = "") -> tuple[str, queue.Queue]:
        server = ThreadingHTTPServer(("127.0.0.1", 0), RecordingHandler)
        server.upstream, server.records = upstream, queue.Queue()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}", server.records

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def writes(records: queue.Queue) -> list[Recorded]:
    return [record for record in records.queue if record.method == "POST"]


def test_every_write_carries_an_idempotency_key(localstripe_url, recording_server):
    proxy_url, records = recording_server(localstripe_url)
    gateway = StripeGateway(name="stripe", options=stripe_options(proxy_url, capture="manual"))
    started = gateway.start(request_for("100.00", key="100042-start"))
    reference = started.gateway_reference
    card_payment_confirm(
        api_base=localstripe_url, gateway_reference=reference, card_number=CARD_PAID
    )

    gateway.capture(gateway_reference=reference, amount=usd("80.00"), idempotency_key="capture")
    gateway.refund(gateway_reference=reference, amount=usd("5.00"), idempotency_key="refund-1")

    assert [(record.path, record.headers.get("Idempotency-Key")) for record in writes(records)] == [
        ("/v1/payment_intents", "100042-start"),
        (f"/v1/payment_intents/{reference}/capture", f"{reference}:capture"),
        ("/v1/refunds", f"{reference}:refund-1"),
    ]


def test_a_retried_start_sends_the_same_request_under_the_same_key(
    localstripe_url, recording_server
):
    # Stripe replays a key only for identical parameters; anything else is an error.
    proxy_url, records = recording_server(localstripe_url)
    gateway = StripeGateway(name="stripe", options=stripe_options(proxy_url))

    gateway.start(request_for("100.00", key="100042-start"))
    gateway.start(request_for("100.00", key="100042-start"))

    first, again = writes(records)
    assert first.headers["Idempotency-Key"] == again.headers["Idempotency-Key"] == "100042-start"
    assert first.body == again.body


# Trouble on the way to Stripe.


def test_a_closed_port_is_unavailable_at_once():
    gateway = StripeGateway(
        name="stripe",
        options=stripe_options(f"http://127.0.0.1:{free_port()}", max_network_retries=0),
    )
    began = time.monotonic()

    with pytest.raises(GatewayUnavailable) as unavailable:
        gateway.start(request_for("100.00"))

    assert unavailable.value.code == ErrorCode.UNREACHABLE
    assert time.monotonic() - began < 2


def test_a_silent_gateway_times_out():
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # connections are accepted by the kernel, never answered
        gateway = StripeGateway(
            name="stripe",
            options=stripe_options(
                f"http://127.0.0.1:{silent.getsockname()[1]}", timeout=0.5, max_network_retries=0
            ),
        )
        began = time.monotonic()

        with pytest.raises(GatewayUnavailable) as unavailable:
            gateway.fetch(gateway_reference="pi_123")

    assert unavailable.value.code == ErrorCode.UNREACHABLE
    assert time.monotonic() - began < 3


@pytest.mark.parametrize(
    ("error", "kind", "code"),
    [
        (
            stripe.CardError("Your card was declined.", "card", "insufficient_funds"),
            PaymentDeclined,
            "insufficient_funds",
        ),
        (
            stripe.CardError("Authentication required.", None, "authentication_required"),
            PaymentActionRequired,
            "authentication_required",
        ),
        (
            stripe.InvalidRequestError("Already refunded.", "charge", "charge_already_refunded"),
            PaymentDeclined,
            "charge_already_refunded",
        ),
        (
            stripe.InvalidRequestError(
                "No such payment_intent", "intent", "resource_missing", http_status=404
            ),
            GatewayMisconfigured,
            "resource_missing",
        ),
        (
            stripe.InvalidRequestError(
                "Received unknown parameter: foo", "foo", None, http_status=400
            ),
            GatewayMisconfigured,
            ErrorCode.INVALID_REQUEST,
        ),
        (stripe.APIConnectionError("timed out"), GatewayUnavailable, ErrorCode.UNREACHABLE),
        (
            stripe.RateLimitError("slow down", http_status=429),
            GatewayUnavailable,
            ErrorCode.RATE_LIMITED,
        ),
        (stripe.APIError("oops", http_status=503), GatewayUnavailable, ErrorCode.GATEWAY_ERROR),
        (
            stripe.AuthenticationError("bad key", http_status=401),
            GatewayMisconfigured,
            ErrorCode.AUTHENTICATION_FAILED,
        ),
        (
            stripe.PermissionError("restricted key", http_status=403),
            GatewayMisconfigured,
            ErrorCode.PERMISSION_DENIED,
        ),
        (
            stripe.IdempotencyError("key reused", http_status=400),
            GatewayUnavailable,
            ErrorCode.IDEMPOTENCY_CONFLICT,
        ),
    ],
)
def test_stripe_errors_become_the_interface_errors(error, kind, code):
    translated = payment_error_from(error)

    assert type(translated) is kind
    assert translated.code == code


# Configuration.


def test_the_browser_gets_the_publishable_key_and_stripe_js(localstripe_url, gateway):
    assert gateway.client_config() == {
        "publishable_key": "pk_test_encadena",
        "js_url": f"{localstripe_url}/js.stripe.com/v3/",
    }


def test_currencies_come_from_the_options():
    gateway = StripeGateway(name="stripe", options={"currencies": "usd, EUR"})

    assert gateway.capabilities.currencies == frozenset({"USD", "EUR"})
    with pytest.raises(ValueError):
        gateway.start(
            PaymentRequest(reference="1", amount=Money(Decimal("1.00"), "CUP"), idempotency_key="1")
        )


@override_settings(
    PAYMENT_GATEWAYS={
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": {"secret_key": "sk_live_x"},
        }
    }
)
def test_the_system_check_names_the_missing_options():
    from payments.checks import payment_gateways_check

    errors = payment_gateways_check()

    assert [(error.id, error.level) for error in errors] == [("payments.E002", checks.ERROR)]
    assert "publishable_key, webhook_secret" in errors[0].msg


# Webhooks: signed the way Stripe signs them, t=<unix time>,v1=<HMAC-SHA256 of "t.body">.


@pytest.fixture
def webhook_gateway() -> StripeGateway:
    return StripeGateway(name="stripe", options=stripe_options("http://127.0.0.1:9"))


def test_a_signed_webhook_is_read(webhook_gateway):
    body = json.dumps(EVENT).encode()

    event = webhook_gateway.webhook_parse(body=body, headers=signed(body))

    assert event == WebhookEvent(
        event_id="evt_1", event_type="payment_intent.succeeded", gateway_reference="pi_1"
    )
    assert event.payload == EVENT


def test_a_charge_webhook_names_its_payment_intent(webhook_gateway):
    body = json.dumps(
        {
            **EVENT,
            "type": "charge.refunded",
            "data": {"object": {"id": "ch_1", "object": "charge", "payment_intent": "pi_7"}},
        }
    ).encode()
    headers = {key.lower(): value for key, value in signed(body).items()}
    headers["content-type"] = "application/json; charset=utf-8"

    event = webhook_gateway.webhook_parse(body=body, headers=headers)

    assert (event.event_type, event.gateway_reference) == ("charge.refunded", "pi_7")


@pytest.mark.parametrize(
    "tamper",
    [
        "no signature",
        "wrong secret",
        "edited body",
        "301 s old",
        "301 s ahead",
        "not JSON content",
        "not a JSON body",
    ],
)
def test_an_untrustworthy_webhook_is_rejected(webhook_gateway, tamper):
    body = json.dumps(EVENT).encode()
    headers = signed(body)
    if tamper == "no signature":
        del headers["Stripe-Signature"]
    elif tamper == "wrong secret":
        headers = signed(body, secret="whsec_someone_else")
    elif tamper == "edited body":
        body = body.replace(b"pi_1", b"pi_2")
    elif tamper == "301 s old":
        headers = signed(body, at=time.time() - 301)
    elif tamper == "301 s ahead":
        headers = signed(body, at=time.time() + 301)
    elif tamper == "not JSON content":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif tamper == "not a JSON body":
        body = b"id=evt_1"
        headers = signed(body)

    with pytest.raises(WebhookRejected):
        webhook_gateway.webhook_parse(body=body, headers=headers)


def test_a_webhook_from_localstripe_is_read(gateway, localstripe_url, recording_server):
    inbox_url, received = recording_server()
    hook = urllib.request.Request(
        f"{localstripe_url}/_config/webhooks/{uuid.uuid4().hex}",
        data=urllib.parse.urlencode(
            {"url": f"{inbox_url}/payments/webhooks/stripe/", "secret": WEBHOOK_SECRET}
        ).encode(),
    )
    urllib.request.urlopen(hook, timeout=5).close()
    reference = paid(gateway)

    # localstripe sends each event a second later to every webhook registered by then,
    # so events of the tests just before may arrive first.
    deadline = time.monotonic() + 10
    while True:
        delivery = received.get(timeout=max(deadline - time.monotonic(), 0.1))
        event = gateway.webhook_parse(body=delivery.body, headers=delivery.headers)
        if event.gateway_reference == reference:
            break

    assert event.event_type == "payment_intent.succeeded"
    assert event.event_id.startswith("evt_")
