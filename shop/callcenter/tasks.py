from celery import shared_task

from shop.callcenter.notifications import audit_notify


@shared_task(name="callcenter.audit_notify", acks_late=True)
def audit_notify_task(entry_id: int) -> bool:
    """Dispatched on commit by audit_notify_on_commit; safe to run twice."""
    return audit_notify(entry_id=entry_id)
