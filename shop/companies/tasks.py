from celery import shared_task

from shop.companies.approvals import approvals_expire
from shop.companies.notifications import credit_reminders_send


@shared_task(name="companies.approvals_expire")
def approvals_expire_task() -> int:
    """Every 15 minutes (beat): held purchases nobody approved in time are cancelled."""
    return len(approvals_expire())


@shared_task(name="companies.credit_reminders")
def credit_reminders_task() -> int:
    """Daily (beat): reminders of what is due on account, once each."""
    return credit_reminders_send()
