from axes.handlers.proxy import AxesProxyHandler
from celery import shared_task
from django.conf import settings


@shared_task(name="accounts.login_log_prune")
def login_log_prune_task() -> int:
    """Daily (beat): successful logins are kept LOGIN_LOG_RETENTION_DAYS, then forgotten."""
    return AxesProxyHandler.reset_logs(age_days=settings.LOGIN_LOG_RETENTION_DAYS)
