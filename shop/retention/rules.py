"""What is kept, how long and why (README, "Retention"): each rule deletes the rows it
names once they are older than its period. Invoices, credit notes, ledgers, payments and
stock movements are not here: they are kept as the law asks."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.sessions.models import Session
from django.db.models import QuerySet

from logistics.models import TERMINAL_STATUSES, ShipmentNotice
from payments.models import WebhookMessage
from shop.api.models import IdempotentResponse
from shop.webhooks.models import DeliveryState, WebhookDelivery, WebhookEvent


@dataclass(frozen=True)
class RetentionRule:
    name: str
    period: timedelta
    why: str
    expired: object  # (cutoff: datetime) -> QuerySet of rows to delete

    def rows(self, *, now: datetime) -> QuerySet:
        return self.expired(now - self.period)


RULES = (
    RetentionRule(
        "expired sessions",
        timedelta(0),
        "a login or basket nobody can use any more",
        lambda cutoff: Session.objects.filter(expire_date__lt=cutoff),
    ),
    RetentionRule(
        "API idempotency answers",
        timedelta(hours=24),
        "a client retries within minutes; after a day the key is forgotten",
        lambda cutoff: IdempotentResponse.objects.filter(created_at__lt=cutoff),
    ),
    RetentionRule(
        "outgoing webhook deliveries, delivered or given up",
        timedelta(days=30),
        "the delivery log and its “send again” for a month",
        lambda cutoff: WebhookDelivery.objects.filter(
            event__created_at__lt=cutoff,
            state__in=(DeliveryState.DELIVERED, DeliveryState.GAVE_UP),
        ),
    ),
    RetentionRule(
        "outgoing webhook events without deliveries",
        timedelta(days=30),
        "an event is kept while a delivery of it is",
        lambda cutoff: WebhookEvent.objects.filter(created_at__lt=cutoff, deliveries=None),
    ),
    RetentionRule(
        "incoming payment webhooks, processed",
        timedelta(days=90),
        "gateways resend for days, not months; the payment's event log keeps what happened",
        lambda cutoff: WebhookMessage.objects.filter(processed_at__lt=cutoff),
    ),
    RetentionRule(
        "delivery notices of finished shipments",
        timedelta(days=180),
        "they keep a buyer from being told twice while the shipment can still move",
        lambda cutoff: ShipmentNotice.objects.filter(
            created_at__lt=cutoff, shipment__status__in=TERMINAL_STATUSES
        ),
    ),
)
