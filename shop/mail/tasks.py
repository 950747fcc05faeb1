from celery import shared_task

from shop.mail.services import outgoing_email_deliver


@shared_task(
    name="mail.deliver_email",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=8,
)
def deliver_email(outgoing_email_id: int) -> bool:
    return outgoing_email_deliver(outgoing_email_id=outgoing_email_id)
