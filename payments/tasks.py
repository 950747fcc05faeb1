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


@shared_task(name="payments.payment_poll", bind=True, acks_late=True)
def payment_poll(self, payment_id: int, attempt: int = 0) -> str:
    """Ask a gateway without callbacks about a payment; queues the next poll itself
    (not when run in-process: there the reconciliation's poll is the next)."""
    from payments.polling import payment_poll_now

    return payment_poll_now(
        payment_id=payment_id, attempt=attempt, schedule_next=not self.request.is_eager
    )
