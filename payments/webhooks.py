"""Webhooks: stored once per gateway event, then processed by a task that locks the
payment and asks the gateway for the truth instead of trusting the message."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from payments.interface import WebhookEvent
from payments.models import Payment, WebhookMessage
from payments.services import payment_sync


def webhook_receive(*, gateway_name: str, event: WebhookEvent, body: bytes) -> bool:
    """Store a verified event; True when it is new (and its processing was queued)."""
    from payments.tasks import webhook_message_process

    try:
        with transaction.atomic():
            message = WebhookMessage.objects.create(
                gateway=gateway_name,
                event_id=event.event_id,
                event_type=event.event_type,
                gateway_reference=event.gateway_reference,
                body=body.decode("utf-8", errors="replace"),
            )
    except IntegrityError:
        return False  # delivered before: already stored and queued
    webhook_message_process.delay_on_commit(message.pk)
    return True


@transaction.atomic
def webhook_message_process_now(*, message_id: int) -> bool:
    """Process one stored webhook once. Returns whether anything changed."""
    message = WebhookMessage.objects.select_for_update().get(pk=message_id)
    if message.processed_at is not None:
        return False
    payment = Payment.objects.filter(
        gateway=message.gateway, gateway_reference=message.gateway_reference
    ).first()
    changed = False
    if payment is None:
        message.error = "no payment with this gateway reference"
    else:
        changed = payment_sync(payment_id=payment.pk)
    message.processed_at = timezone.now()
    message.save(update_fields=["processed_at", "error"])
    return changed
