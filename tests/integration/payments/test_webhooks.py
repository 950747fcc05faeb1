"""Webhooks: verified, stored once, processed once, whatever the gateway resends."""

import json
import time
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client

from payments.gateways.dummy import DummyGateway
from payments.models import Payment, PaymentEvent, WebhookMessage
from tests.concurrency import run_in_threads
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import purchase
from vendors.models import VendorLedgerEntry, VendorOrder, VendorOrderStatus

URL = "/payments/webhooks/dummy/"


def unpaid_purchase() -> Payment:
    partner = PartnerFactory(name="Café Serrano")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=Decimal("100.00"))
    order = purchase({partner: [(product, 1)]}, status=VendorOrderStatus.PENDING_PAYMENT)
    return Payment.objects.create(
        reference=order.number,
        order=order,
        gateway="dummy",
        amount=Decimal("100.00"),
        currency="CUP",
        gateway_reference="dummy_abc_10000",
    )


def event_body(payment: Payment, event_id: str = "evt_1") -> bytes:
    return json.dumps(
        {"id": event_id, "type": "payment.captured", "reference": payment.gateway_reference}
    ).encode()


def deliver(body: bytes, *, signature: str | None = None, content_type="application/json"):
    signature = DummyGateway.webhook_sign(body) if signature is None else signature
    return Client().post(
        URL, body, content_type=content_type, headers={"X-Dummy-Signature": signature}
    )


def emails_to(address: str) -> int:
    return sum(address in message.to for message in mail.outbox)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_webhook_fifty_times_ten_at_once_changes_things_once():
    payment = unpaid_purchase()
    body = event_body(payment)
    statuses = []

    def resend(index):
        for _ in range(5):
            statuses.append(deliver(body).status_code)

    errors = run_in_threads(10, resend)

    payment.refresh_from_db()
    assert errors == []
    assert statuses == [200] * 50
    assert WebhookMessage.objects.count() == 1
    assert payment.state == "captured"
    assert PaymentEvent.objects.filter(payment=payment, phase="success").count() == 1
    assert list(VendorOrder.objects.values_list("status", flat=True)) == ["placed"]
    assert emails_to("ana@example.test") == 1
    assert sorted(VendorLedgerEntry.objects.values_list("kind", "amount")) == [
        ("commission", Decimal("-8.00")),
        ("sale", Decimal("100.00")),
    ]


@pytest.mark.django_db
def test_a_verified_webhook_secures_the_purchase_and_tells_the_vendor(
    django_capture_on_commit_callbacks,
):
    payment = unpaid_purchase()

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(event_body(payment))

    payment.refresh_from_db()
    assert response.status_code == 200
    assert payment.state == "captured"
    assert VendorOrder.objects.get().status == "placed"
    assert emails_to("ana@example.test") == 1
    vendor_email = VendorOrder.objects.get().vendor.email
    assert emails_to(vendor_email) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forgery",
    [
        "missing",
        "wrong_secret",
        "edited_body",
        "malformed",
        "wrong_content_type",
        "unknown_gateway",
    ],
)
def test_forged_webhooks_are_rejected_and_nothing_is_written(forgery):
    payment = unpaid_purchase()
    body = event_body(payment)
    if forgery == "missing":
        response = deliver(body, signature="")
    elif forgery == "wrong_secret":
        response = deliver(body, signature=DummyGateway.webhook_sign(body, "otro-secreto"))
    elif forgery == "edited_body":
        response = deliver(
            body.replace(b"evt_1", b"evt_2"), signature=DummyGateway.webhook_sign(body)
        )
    elif forgery == "malformed":
        response = deliver(b"{not json")
    elif forgery == "wrong_content_type":
        response = deliver(b"id=evt_1", content_type="application/x-www-form-urlencoded")
    else:
        response = Client().post("/payments/webhooks/nadie/", body, content_type="application/json")

    payment.refresh_from_db()
    assert response.status_code in (400, 404)
    assert WebhookMessage.objects.count() == 0
    assert payment.state == "pending"
    assert VendorOrder.objects.get().status == "pending_payment"
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_huge_body_is_refused_before_parsing():
    started = time.monotonic()
    response = deliver(b"x" * (300 * 1024))

    assert response.status_code == 400
    assert time.monotonic() - started < 5
    assert WebhookMessage.objects.count() == 0


@pytest.fixture
def stripe_webhooks(settings):
    from tests.localstripe_server import stripe_options

    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": stripe_options("http://127.0.0.1:9"),
        },
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "tamper",
    ["no signature", "wrong secret", "edited body", "301 s old", "301 s ahead", "form content"],
)
def test_forged_stripe_webhooks_are_refused_at_the_door(stripe_webhooks, tamper):
    from tests.localstripe_server import EVENT, signed

    body = json.dumps(EVENT).encode()
    headers = signed(body)
    if tamper == "no signature":
        del headers["Stripe-Signature"]
    elif tamper == "wrong secret":
        headers = signed(body, secret="whsec_otro")
    elif tamper == "edited body":
        body = body.replace(b"evt_1", b"evt_9")
    elif tamper == "301 s old":
        headers = signed(body, at=time.time() - 301)
    elif tamper == "301 s ahead":
        headers = signed(body, at=time.time() + 301)
    else:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    content_type = headers.pop("Content-Type")

    response = Client().post(
        "/payments/webhooks/stripe/", body, content_type=content_type, headers=headers
    )

    assert response.status_code == 400
    assert WebhookMessage.objects.count() == 0


@pytest.mark.django_db
def test_a_genuine_stripe_webhook_is_stored_once(stripe_webhooks):
    from tests.localstripe_server import EVENT, signed

    body = json.dumps(EVENT).encode()
    headers = signed(body)
    content_type = headers.pop("Content-Type")

    answers = [
        Client()
        .post("/payments/webhooks/stripe/", body, content_type=content_type, headers=headers)
        .status_code
        for _ in range(3)
    ]

    assert answers == [200, 200, 200]
    assert WebhookMessage.objects.get().event_id == "evt_1"
