"""When a lockout ends: when enough failures age out of the window, per account and per
address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from shop.accounts.selectors import (
    login_account_key_for,
    login_failures,
    login_lockout_until,
    login_lockouts,
)

pytestmark = pytest.mark.django_db


def failures(*, username, ip, count, minutes_ago, now, agent="browser"):
    attempt = AccessAttempt.objects.create(
        username=username,
        ip_address=ip,
        user_agent=agent,
        failures_since_start=count,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/accounts/login/",
    )
    # attempt_time is auto_now_add: set the time of the last failure afterwards.
    AccessAttempt.objects.filter(pk=attempt.pk).update(
        attempt_time=now - timedelta(minutes=minutes_ago)
    )


def test_an_account_locked_from_two_addresses_opens_when_the_older_ones_age_out():
    now = timezone.now()
    failures(username="ana@example.test", ip="203.0.113.1", count=6, minutes_ago=10, now=now)
    failures(username="ana@example.test", ip="203.0.113.2", count=4, minutes_ago=2, now=now)

    until = login_lockout_until(account="ana@example.test", address="198.51.100.9", at=now)

    assert until == now - timedelta(minutes=10) + timedelta(minutes=15)


def test_failures_older_than_the_window_do_not_count():
    now = timezone.now()
    failures(username="ana@example.test", ip="203.0.113.1", count=9, minutes_ago=16, now=now)
    failures(username="ana@example.test", ip="203.0.113.2", count=9, minutes_ago=1, now=now)

    counted = login_failures(account="ana@example.test", address="203.0.113.1", at=now)

    assert (counted.account, counted.address) == (9, 0)
    assert login_lockout_until(account="ana@example.test", address=None, at=now) is None


def test_the_later_of_the_two_locks_is_when_to_try_again():
    now = timezone.now()
    failures(username="ana@example.test", ip="203.0.113.5", count=10, minutes_ago=12, now=now)
    failures(username="luis@example.test", ip="203.0.113.1", count=20, minutes_ago=3, now=now)
    failures(username="eva@example.test", ip="203.0.113.1", count=10, minutes_ago=1, now=now)

    until = login_lockout_until(account="ana@example.test", address="203.0.113.1", at=now)

    assert until == now + timedelta(minutes=12)


def test_the_operators_list_names_each_locked_account_and_address_once():
    now = timezone.now()
    failures(username="ana@example.test", ip="203.0.113.1", count=5, minutes_ago=4, now=now)
    failures(
        username="ana@example.test",
        ip="203.0.113.2",
        count=5,
        minutes_ago=3,
        now=now,
        agent="other",
    )
    failures(username="luis@example.test", ip="203.0.113.1", count=25, minutes_ago=1, now=now)
    failures(username="eva@example.test", ip="203.0.113.3", count=3, minutes_ago=1, now=now)

    lockouts = login_lockouts(at=now)

    assert [(lock.key, lock.failures, lock.sources) for lock in lockouts.accounts] == [
        ("luis@example.test", 25, 1),
        ("ana@example.test", 10, 2),
    ]
    assert [(lock.key, lock.failures, lock.sources) for lock in lockouts.addresses] == [
        ("203.0.113.1", 30, 2)
    ]
    assert lockouts.addresses[0].until == now - timedelta(minutes=4) + timedelta(minutes=15)


def test_an_overlong_login_is_counted_under_a_key_that_fits_the_attempts_table():
    typed = "A" * 300 + "@example.test"

    key = login_account_key_for(typed=typed)

    assert key == "a" * 255
    AccessAttempt.objects.create(
        username=key,
        ip_address="203.0.113.1",
        user_agent="x",
        failures_since_start=1,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/accounts/login/",
    )
