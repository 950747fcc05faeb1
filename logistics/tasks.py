from celery import shared_task

from logistics.notifications import shipment_notice_send


@shared_task(
    name="logistics.shipment_notice_send",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def shipment_notice_send_task(notice_id: int) -> bool:
    return shipment_notice_send(notice_id=notice_id)
