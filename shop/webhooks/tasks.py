from celery import shared_task

from shop.webhooks.services import deliveries_due, webhook_delivery_attempt


@shared_task(name="webhooks.deliver", acks_late=True)
def webhook_deliver(delivery_id: int) -> bool:
    """Dispatched on commit for each new delivery; safe to run twice (a delivered or
    claimed delivery is left alone)."""
    return webhook_delivery_attempt(delivery_id=delivery_id)


@shared_task(name="webhooks.deliveries_due")
def webhook_deliveries_due() -> int:
    """Each minute (beat): the deliveries whose next try has come."""
    due = deliveries_due()
    for delivery_id in due:
        webhook_deliver.delay(delivery_id)
    return len(due)
