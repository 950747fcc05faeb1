"""django-axes, fitted to this marketplace: failures are counted per account (however its
e-mail is typed, whichever address it comes from) and per address, each with its own limit.

Settings reference the callables here by dotted path (AXES_USERNAME_CALLABLE,
AXES_CLIENT_IP_CALLABLE, AXES_HANDLER, AUTHENTICATION_BACKENDS).
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from django.conf import settings

from shop.accounts.selectors import login_account_key_for, login_failures

ACCOUNT_KEYS_ATTRIBUTE = "_login_account_keys"


def login_account_key(request, credentials: dict | None) -> str | None:
    """The account a login attempt is aimed at (AXES_USERNAME_CALLABLE). Axes asks several
    times per attempt: the answer is kept on the request."""
    credentials = credentials or {}
    typed = credentials.get("username") or credentials.get("email") or ""
    keys = getattr(request, ACCOUNT_KEYS_ATTRIBUTE, None)
    if keys is None:
        keys = {}
        setattr(request, ACCOUNT_KEYS_ATTRIBUTE, keys)
    if typed not in keys:
        keys[typed] = login_account_key_for(typed=typed)
    return keys[typed]


def login_client_address(request) -> str | None:
    """The client's address (AXES_CLIENT_IP_CALLABLE). Behind LOGIN_TRUSTED_PROXIES proxies
    that each append the address they saw to X-Forwarded-For, the client is that many
    entries from the end; anything else in the header was written by the client and is
    ignored."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.LOGIN_TRUSTED_PROXIES
    if proxies <= 0:
        return remote
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [entry for entry in forwarded if entry]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per lockout parameter. Axes compares
    `get_failures` with AXES_FAILURE_LIMIT, the per-account limit; an address that reached
    LOGIN_FAILURE_LIMIT_PER_ADDRESS counts as at that limit too."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        failures = login_failures(
            account=get_client_username(request, credentials),
            address=request.axes_ip_address,
            at=request.axes_attempt_time,
        )
        if failures.locks_address:
            return max(failures.account, settings.AXES_FAILURE_LIMIT)
        return failures.account


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses any login attempt for a locked account or from a locked address, before
    a password is checked. A call without a request is not a login form (Oscar's
    registration logging a new account in with the password just chosen, the test
    client's `login`): it passes. Every login form passes its request; the tests in
    tests/functional/accounts/test_lockouts.py hold each one to it."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
