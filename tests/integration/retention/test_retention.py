"""The retention table applied: what is older than its period goes, the rest stays."""

import uuid
from datetime import timedelta

import time_machine
from django.contrib.sessions.models import Session
from django.utils import timezone

from payments.models import WebhookMessage
from shop.api.models import IdempotentResponse
from shop.api.services import personal_api_key_create
from shop.retention.rules import RULES
from shop.retention.services import retention_apply
from shop.webhooks.models import WebhookDelivery, WebhookEvent, WebhookSubscription
from tests.factories import UserFactory


def _webhook_delivery(state: str) -> WebhookDelivery:
    subscription = WebhookSubscription.objects.create(url="https://x.example/", secret="s")
    event = WebhookEvent.objects.create(
        event_id=uuid.uuid4(), type="order.placed", payload={}, created_at=timezone.now()
    )
    return WebhookDelivery.objects.create(subscription=subscription, event=event, state=state)


def _rows():
    api_key = personal_api_key_create(user=UserFactory(), name="app").api_key
    IdempotentResponse.objects.create(api_key=api_key, key=uuid.uuid4().hex, fingerprint="f")
    WebhookMessage.objects.create(
        gateway="dummy",
        event_id=uuid.uuid4().hex,
        event_type="x",
        body="{}",
        processed_at=timezone.now(),
    )
    _webhook_delivery("delivered")
    _webhook_delivery("pending")
    Session.objects.create(
        session_key=uuid.uuid4().hex, session_data="", expire_date=timezone.now()
    )


def test_each_rule_deletes_only_what_is_older_than_its_period(db):
    start = timezone.now()
    with time_machine.travel(start - timedelta(days=200), tick=False):
        _rows()  # old
    _rows()  # fresh (the session expires now, a little before the rules run)

    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        deleted = retention_apply()

    assert deleted == {
        "expired sessions": 2,
        "API idempotency answers": 1,
        "outgoing webhook deliveries, delivered or given up": 1,
        "outgoing webhook events without deliveries": 1,
        "incoming payment webhooks, processed": 1,
        "delivery notices of finished shipments": 0,
    }
    assert IdempotentResponse.objects.count() == 1
    assert WebhookMessage.objects.count() == 1
    # The old pending delivery stays (it is still being tried), and its event with it.
    assert sorted(WebhookDelivery.objects.values_list("state", flat=True)) == [
        "delivered",
        "pending",
        "pending",
    ]
    assert retention_apply() == dict.fromkeys(deleted, 0)


def test_the_readme_lists_every_rule():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text()
    for rule in RULES:
        assert f"| {rule.name} |" in readme
