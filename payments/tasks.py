from celery import shared_task

from payments.webhooks import webhook_message_process_now


@shared_task(name="payments.webhook_message_process", acks_late=True, reject_on_worker_lost=True)
def webhook_message_process(message_id: int) -> bool:
    return webhook_message_process_now(message_id=message_id)


@shared_task(name="payments.reconcile")
def reconcile() -> dict:
    """Beat, every 15 minutes: payments_reconcile, reported in the task result."""
    from payments.reconciliation import payments_reconcile

    return payments_reconcile().__dict__
