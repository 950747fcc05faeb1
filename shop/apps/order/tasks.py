from celery import shared_task

from shop.apps.order.analytics import analytics_record


# At most once: a count lost when a worker dies beats a count doubled on redelivery.
@shared_task(name="analytics.record", acks_late=False)
def analytics_record_task(event: str, subject_id: int, user_id: int | None = None) -> None:
    """Sent on commit by the analytics receivers (shop/apps/order/receivers.py)."""
    analytics_record(event=event, subject_id=subject_id, user_id=user_id)
