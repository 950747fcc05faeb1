"""A receiver on loopback gets each event once, signed, with its event id; while it is
down the delivery is tried again with backoff and arrives once it is up; "send again"
repeats the same event id; failing for days pauses the subscription and tells the owner."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from shop.webhooks.models import DeliveryState, WebhookDelivery
from shop.webhooks.services import (
    subscription_create,
    webhook_delivery_resend,
)
from shop.webhooks.signing import signature_valid
from shop.webhooks.tasks import webhook_deliveries_due
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from tests.webhook_receiver import LoopbackReceiver
from vendors.models import MembershipRole
from vendors.orders.transitions import ActorRole, vendor_order_transition


@pytest.fixture
def receiver():
    receiver = LoopbackReceiver()
    yield receiver
    receiver.down()


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def store(db):
    partner = PartnerFactory(name="Tienda A", code="tienda-a")
    owner = UserFactory(email="duena@tienda-a.test")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    product = ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=5)
    part = purchase({partner: [(product, 1)]}).vendor_orders.get()
    return {"vendor": partner.vendor, "owner": owner, "part": part}


def cancel(store, on_commit):
    with on_commit(execute=True):
        vendor_order_transition(
            vendor_order_id=store["part"].pk,
            to_status="cancelled",
            actor=store["owner"],
            actor_role=ActorRole.VENDOR,
            reason="Sin existencias",
        )


def test_an_event_arrives_once_signed_with_its_id(
    store, receiver, clock, django_capture_on_commit_callbacks
):
    subscription = subscription_create(
        vendor=store["vendor"], user=store["owner"], url=receiver.url, events=["order.cancelled"]
    )

    cancel(store, django_capture_on_commit_callbacks)
    webhook_deliveries_due()

    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    payload = json.loads(body)
    assert payload["type"] == "order.cancelled"
    assert payload["data"]["vendor_order"] == store["part"].number
    assert headers["Encadena-Event-Id"] == payload["id"]
    assert signature_valid(
        secret=subscription.secret,
        header=headers["Encadena-Signature"],
        body=body,
        now=int(timezone.now().timestamp()),
    )
    assert not signature_valid(
        secret="otro",
        header=headers["Encadena-Signature"],
        body=body,
        now=int(timezone.now().timestamp()),
    )
    delivery = WebhookDelivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 200)


def test_a_receiver_down_for_a_while_gets_the_event_once_it_is_up(
    store, receiver, clock, django_capture_on_commit_callbacks
):
    subscription_create(
        vendor=store["vendor"], user=store["owner"], url=receiver.url, events=["order.cancelled"]
    )
    receiver.down()

    cancel(store, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    first_try = delivery.next_attempt_at
    clock.shift(timedelta(seconds=30))
    webhook_deliveries_due()  # not due yet: nothing is tried
    delivery.refresh_from_db()
    assert delivery.attempts == 1 and delivery.next_attempt_at == first_try
    waits = []
    for _ in range(3):
        clock.move_to(delivery.next_attempt_at)
        webhook_deliveries_due()
        before = delivery.next_attempt_at
        delivery.refresh_from_db()
        waits.append(delivery.next_attempt_at - before)
    receiver.up()
    clock.move_to(delivery.next_attempt_at)
    webhook_deliveries_due()
    webhook_deliveries_due()

    delivery.refresh_from_db()
    assert waits == [timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]
    assert (delivery.state, delivery.attempts) == (DeliveryState.DELIVERED, 5)
    assert len(receiver.received) == 1
    assert delivery.subscription.failing_since is None


def test_send_again_repeats_the_same_event_id(
    store, receiver, clock, django_capture_on_commit_callbacks
):
    subscription_create(
        vendor=store["vendor"], user=store["owner"], url=receiver.url, events=["order.cancelled"]
    )
    cancel(store, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        webhook_delivery_resend(delivery=WebhookDelivery.objects.get())

    ids = [headers["Encadena-Event-Id"] for headers, _body in receiver.received]
    assert len(ids) == 2 and ids[0] == ids[1]


def test_failing_for_days_pauses_the_subscription_and_tells_the_owner_once(
    store, receiver, clock, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    subscription = subscription_create(
        vendor=store["vendor"], user=store["owner"], url=receiver.url, events=["order.cancelled"]
    )
    receiver.down()
    cancel(store, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()

    while delivery.state == DeliveryState.PENDING and delivery.subscription.is_active:
        clock.move_to(delivery.next_attempt_at)
        with django_capture_on_commit_callbacks(execute=True):
            webhook_deliveries_due()
        delivery.refresh_from_db()
    subscription.refresh_from_db()

    assert not subscription.is_active
    assert subscription.paused_at - subscription.failing_since >= timedelta(days=2)
    assert delivery.state == DeliveryState.PENDING  # kept for when it is resumed
    paused = [m for m in mail.outbox if "webhook" in m.subject]
    assert len(paused) == 1
    assert "duena@tienda-a.test" in paused[0].to
    assert receiver.received == []


def test_an_event_nobody_listens_to_records_nothing(store, django_capture_on_commit_callbacks):
    cancel(store, django_capture_on_commit_callbacks)

    assert WebhookDelivery.objects.count() == 0
