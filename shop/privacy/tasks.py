from celery import shared_task

from shop.privacy.services import data_export_prepare_now


@shared_task(name="privacy.data_export_prepare", acks_late=True)
def data_export_prepare(request_id: int) -> bool:
    """Dispatched on commit when a person asks for their data; safe to run twice."""
    return data_export_prepare_now(request_id=request_id)
