from celery import shared_task

from shop.retention.services import retention_apply


@shared_task(name="retention.apply")
def retention_apply_task() -> dict[str, int]:
    """Daily (beat): the retention table applied; safe to run twice."""
    return retention_apply()
