"""Events out: `webhook_event_emit` records an event and one delivery per subscription
that wants it, sent after commit; `webhook_delivery_attempt` posts it signed. A failed
delivery is tried again later (1 min, 5 min, 30 min, 2 h, 6 h, then every 12 h) until three
days after the event; a subscription whose deliveries have all failed for
WEBHOOK_PAUSE_AFTER_DAYS (2) is paused and its owner told once."""

import json
import secrets
import urllib.error
import urllib.request
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.mail.services import operators_mail
from shop.webhooks.error_codes import WebhookErrorCode
from shop.webhooks.exceptions import SubscriptionRefused
from shop.webhooks.models import (
    DeliveryState,
    EventType,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from shop.webhooks.signing import signature_header
from vendors.actors.selectors import vendor_mail_recipients

BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
)
LATER = timedelta(hours=12)
GIVE_UP_AFTER = timedelta(days=3)
TIMEOUT_SECONDS = 10


def subscription_create(*, vendor, user, url: str, events) -> WebhookSubscription:
    url = url.strip()
    if not url.startswith(("https://", "http://")):
        raise SubscriptionRefused(
            _("Give an address that starts with https://."), code=WebhookErrorCode.URL
        )
    events = sorted(set(events))
    if not events or not set(events) <= set(EventType.values):
        raise SubscriptionRefused(
            _("Choose at least one of the events offered."), code=WebhookErrorCode.EVENTS
        )
    subscription = WebhookSubscription.objects.create(
        vendor=vendor, created_by=user, url=url, events=events, secret=secrets.token_hex(32)
    )
    listening_vendor_ids_forget()
    return subscription


def subscription_resume(*, subscription: WebhookSubscription) -> None:
    WebhookSubscription.objects.filter(pk=subscription.pk).update(
        is_active=True, paused_at=None, failing_since=None
    )
    listening_vendor_ids_forget()


LISTENERS_CACHE_KEY = "webhooks:listening-vendor-ids"
PLATFORM = 0  # among the listening ids: a platform-wide subscription exists


def listening_vendor_ids() -> frozenset[int]:
    """Ids of the stores with an active subscription (PLATFORM for the platform's own):
    cached, so an event nobody listens to costs no query. Forgotten on every change."""
    ids = cache.get(LISTENERS_CACHE_KEY)
    if ids is None:
        ids = frozenset(
            vendor_id or PLATFORM
            for vendor_id in WebhookSubscription.objects.filter(is_active=True).values_list(
                "vendor_id", flat=True
            )
        )
        cache.set(LISTENERS_CACHE_KEY, ids, timeout=300)
    return ids


def listening_vendor_ids_forget() -> None:
    cache.delete(LISTENERS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(LISTENERS_CACHE_KEY))


def someone_listens(*, vendor_id: int | None) -> bool:
    """Whether an event of this store would go anywhere (one cache read)."""
    listening = listening_vendor_ids()
    return PLATFORM in listening or (vendor_id is not None and vendor_id in listening)


def webhook_event_emit(*, type: str, vendor, payload: dict) -> WebhookEvent | None:
    """Record the event for the store's subscriptions and the platform's; None when
    nobody listens. Sent after the current transaction commits."""
    if not someone_listens(vendor_id=vendor.pk if vendor else None):
        return None
    # A store has a handful of subscriptions: their events are read here, on any database.
    subscriptions = [
        subscription
        for subscription in WebhookSubscription.objects.filter(is_active=True).filter(
            Q(vendor=vendor) | Q(vendor__isnull=True)
        )
        if type in subscription.events
    ]
    if not subscriptions:
        return None
    now = timezone.now()
    event = WebhookEvent.objects.create(
        event_id=uuid.uuid4(),
        type=type,
        vendor=vendor,
        payload=json.loads(json.dumps(payload, cls=DjangoJSONEncoder)),
        created_at=now,
    )
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(subscription=s, event=event, next_attempt_at=now) for s in subscriptions
    )
    from shop.webhooks.tasks import webhook_deliver

    for delivery in deliveries:
        webhook_deliver.delay_on_commit(delivery.pk)
    return event


def delivery_body(event: WebhookEvent) -> bytes:
    return json.dumps(
        {
            "id": str(event.event_id),
            "type": event.type,
            "created_at": event.created_at.isoformat(),
            "store": event.payload.get("store"),
            "data": event.payload,
        },
        sort_keys=True,
    ).encode()


def webhook_delivery_attempt(*, delivery_id: int) -> bool:
    """Post the delivery once, unless it is delivered, given up, not due yet or its
    subscription is paused. True when the receiver answered 2xx."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .select_related("event", "subscription")
            .filter(pk=delivery_id, state=DeliveryState.PENDING)
            .first()
        )
        if delivery is None or not delivery.subscription.is_active:
            return False
        now = timezone.now()
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return False
        # Claimed: another worker skips it until this attempt is recorded.
        delivery.next_attempt_at = now + TIMEOUT_SECONDS * timedelta(seconds=3)
        delivery.save(update_fields=["next_attempt_at"])
    status, error = _post(delivery)
    return _attempt_record(delivery=delivery, status=status, error=error)


def _post(delivery: WebhookDelivery) -> tuple[int | None, str]:
    body = delivery_body(delivery.event)
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Encadena-Webhooks/1",
            "Encadena-Event": delivery.event.type,
            "Encadena-Event-Id": str(delivery.event.event_id),
            "Encadena-Signature": signature_header(
                secret=delivery.subscription.secret,
                timestamp=int(timezone.now().timestamp()),
                body=body,
            ),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        return None, str(getattr(error, "reason", error))[:500]


@transaction.atomic
def _attempt_record(*, delivery: WebhookDelivery, status: int | None, error: str) -> bool:
    now = timezone.now()
    delivered = status is not None and 200 <= status < 300
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_status_code = status
    delivery.last_error = "" if delivered else error
    subscription = WebhookSubscription.objects.select_for_update().get(pk=delivery.subscription_id)
    if delivered:
        delivery.state = DeliveryState.DELIVERED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        subscription.failing_since = None
    else:
        wait = BACKOFF[delivery.attempts - 1] if delivery.attempts <= len(BACKOFF) else LATER
        if now + wait > delivery.event.created_at + GIVE_UP_AFTER:
            delivery.state = DeliveryState.GAVE_UP
            delivery.next_attempt_at = None
        else:
            delivery.next_attempt_at = now + wait
        subscription.failing_since = subscription.failing_since or now
        _pause_if_failing_for_days(subscription, now)
    delivery.save()
    subscription.save(update_fields=["failing_since", "is_active", "paused_at"])
    return delivered


def _pause_if_failing_for_days(subscription: WebhookSubscription, now) -> None:
    days = timedelta(days=settings.WEBHOOK_PAUSE_AFTER_DAYS)
    if not subscription.is_active or now - subscription.failing_since < days:
        return
    subscription.is_active = False
    subscription.paused_at = now
    listening_vendor_ids_forget()
    subject = _("Your webhook is paused")
    body = _(
        "Every delivery to %(url)s has failed since %(since)s, so we paused it. Deliveries "
        "wait for you: resume it in the store's API page once the address answers, and "
        "send again the ones you need."
    ) % {"url": subscription.url, "since": subscription.failing_since.strftime("%Y-%m-%d %H:%M")}
    if subscription.vendor_id is None:
        transaction.on_commit(lambda: operators_mail(subject=subject, body=body))
        return
    recipients = vendor_mail_recipients(vendor=subscription.vendor)
    transaction.on_commit(lambda: send_mail(subject, body, None, recipients))


def deliveries_due(*, limit: int = 500) -> list[int]:
    """Ids of the pending deliveries whose time has come (beat sends them each minute)."""
    return list(
        WebhookDelivery.objects.filter(
            state=DeliveryState.PENDING,
            next_attempt_at__lte=timezone.now(),
            subscription__is_active=True,
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def webhook_delivery_resend(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """ "Send again": the same event id (the receiver deduplicates), as a new attempt now."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        state=DeliveryState.PENDING, next_attempt_at=timezone.now()
    )
    from shop.webhooks.tasks import webhook_deliver

    webhook_deliver.delay_on_commit(delivery.pk)
    delivery.refresh_from_db()
    return delivery
