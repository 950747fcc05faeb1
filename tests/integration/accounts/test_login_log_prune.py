"""Successful logins are kept LOGIN_LOG_RETENTION_DAYS, then pruned by the daily task."""

from datetime import timedelta

import pytest
from axes.models import AccessLog
from django.utils import timezone

from shop.accounts.tasks import login_log_prune_task

pytestmark = pytest.mark.django_db


def login_logged(*, days_ago: int, username: str) -> None:
    entry = AccessLog.objects.create(
        username=username,
        ip_address="203.0.113.1",
        user_agent="browser",
        http_accept="",
        path_info="/",
    )
    AccessLog.objects.filter(pk=entry.pk).update(
        attempt_time=timezone.now() - timedelta(days=days_ago)
    )


def test_logins_older_than_the_retention_are_pruned(settings):
    settings.LOGIN_LOG_RETENTION_DAYS = 90
    login_logged(days_ago=91, username="old@example.test")
    login_logged(days_ago=89, username="recent@example.test")

    removed = login_log_prune_task()

    assert removed == 1
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["recent@example.test"]
