"""The demo's API and webhooks: the demo vendor's store has a key for its ERP (its secret
shown by seed_demo only when it is made) and a webhook subscription, and the platform one
of its own, each with a short delivery log (delivered, waiting after a failure, given up),
so the store's API pages and the operators' webhook page have something to show. Created
once; the log's past deliveries are rows, not calls to addresses that do not exist."""

import uuid
from datetime import timedelta

from django.utils import timezone

from shop.api.models import STORE_SCOPES, ApiKey
from shop.api.services import store_api_key_create
from shop.webhooks.models import (
    DeliveryState,
    EventType,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from shop.webhooks.services import subscription_create
from vendors.models import MembershipRole, Vendor, VendorOrder

DEMO_KEY_NAME = "ERP de la tienda (demo)"
STORE_HOOK_URL = "https://erp.guayabita.example/encadena/eventos"
PLATFORM_HOOK_URL = "https://observatorio.encadena.example/eventos"
# Event ids fixed, so a second run finds the same events.
EVENT_NAMESPACE = uuid.UUID("6f1c2a8e-3d4b-4c5a-9e7f-0a1b2c3d4e5f")


def demo_api_seed(*, vendor: Vendor) -> str | None:
    """The demo store's key, subscription and delivery log, and the platform's
    subscription. The key's secret when it is made now, else None (it is shown once)."""
    owner = vendor.memberships.filter(role=MembershipRole.OWNER).first().user
    secret = None
    if not ApiKey.objects.filter(vendor=vendor, name=DEMO_KEY_NAME).exists():
        secret = store_api_key_create(
            vendor=vendor, user=owner, name=DEMO_KEY_NAME, scopes=STORE_SCOPES
        ).secret
    store_hook = _subscription(
        vendor=vendor,
        user=owner,
        url=STORE_HOOK_URL,
        events=[EventType.ORDER_PLACED, EventType.ORDER_PAID, EventType.STOCK_LOW],
    )
    platform_hook = _subscription(
        vendor=None,
        user=None,
        url=PLATFORM_HOOK_URL,
        events=[EventType.ORDER_PLACED, EventType.ORDER_DELIVERED],
    )
    parts = list(VendorOrder.objects.filter(vendor=vendor).order_by("pk")[:3])
    now = timezone.now()
    log = [
        (EventType.ORDER_PLACED, DeliveryState.DELIVERED, 1, 200, ""),
        (EventType.ORDER_PAID, DeliveryState.PENDING, 2, 503, "HTTP 503"),
        (EventType.STOCK_LOW, DeliveryState.GAVE_UP, 9, None, "Connection refused"),
    ]
    for index, (kind, state, attempts, status, error) in enumerate(log):
        part = parts[index % len(parts)] if parts else None
        event, _ = WebhookEvent.objects.get_or_create(
            event_id=uuid.uuid5(EVENT_NAMESPACE, f"{vendor.pk}-{index}"),
            defaults={
                "type": kind,
                "vendor": vendor,
                "payload": {"store": vendor.slug, "order": part.number if part else None},
                "created_at": now - timedelta(days=4 - index),
            },
        )
        hooks = [store_hook] + ([platform_hook] if kind == EventType.ORDER_PLACED else [])
        for hook in hooks:
            WebhookDelivery.objects.get_or_create(
                subscription=hook,
                event=event,
                defaults={
                    "state": state,
                    "attempts": attempts,
                    "last_attempt_at": event.created_at + timedelta(minutes=attempts),
                    "last_status_code": status,
                    "last_error": error,
                    "delivered_at": event.created_at if state == DeliveryState.DELIVERED else None,
                    "next_attempt_at": now + timedelta(hours=6)
                    if state == DeliveryState.PENDING
                    else None,
                },
            )
    return secret


def _subscription(*, vendor, user, url: str, events: list[str]) -> WebhookSubscription:
    existing = WebhookSubscription.objects.filter(vendor=vendor, url=url).first()
    return existing or subscription_create(vendor=vendor, user=user, url=url, events=events)
