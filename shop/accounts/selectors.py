"""Reads about logins: failed attempts and lockouts, the staff's second factor, and where
each role lands after logging in."""

from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlencode

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from oscar.apps.customer.utils import normalise_email

from shop.accounts.permissions import second_factor_applies
from shop.core.roles import is_agent, is_operator
from vendors.actors.selectors import vendor_list_for_user

User = get_user_model()
ACCOUNT_KEY_LENGTH = AccessAttempt._meta.get_field("username").max_length


# --- Failed logins and lockouts -----------------------------------------------------------


def login_account_key_for(*, typed: str) -> str | None:
    """One key per account however its login is typed: an account found by e-mail (any
    case, as Oscar's backend finds it) or by username is counted under its e-mail;
    anything else under what was typed, lower-cased and cut to what axes stores."""
    typed = typed.strip()
    if not typed:
        return None
    account = (
        User.objects.filter(email__iexact=normalise_email(typed)).order_by("pk").first()
        or User.objects.filter(username=typed).first()
    )
    if account is not None and account.email:
        return account.email.lower()
    if account is not None:
        return account.get_username()
    return typed.lower()[:ACCOUNT_KEY_LENGTH]


@dataclass(frozen=True)
class LoginFailures:
    account: int
    address: int

    @property
    def locks_account(self) -> bool:
        return self.account >= settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT

    @property
    def locks_address(self) -> bool:
        return self.address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS


def _window_start(at: datetime | None) -> datetime:
    return (at or timezone.now()) - settings.AXES_COOLOFF_TIME


def login_failures(
    *, account: str | None, address: str | None, at: datetime | None = None
) -> LoginFailures:
    """Failed logins still counted at `at`: for the account from any address, and from
    the address for any account (axes keeps one row per account, address and browser)."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=_window_start(at))
    by_account = Q(username=account) if account else Q(pk__in=[])
    by_address = Q(ip_address=address) if address else Q(pk__in=[])
    totals = recent.filter(by_account | by_address).aggregate(
        account=Coalesce(Sum("failures_since_start", filter=by_account), 0),
        address=Coalesce(Sum("failures_since_start", filter=by_address), 0),
    )
    return LoginFailures(account=totals["account"], address=totals["address"])


def _locked_until(rows: list[tuple[datetime, int]], limit: int) -> datetime | None:
    """When enough of these (last failure, failures) rows age out of the window that fewer
    than `limit` failures remain; None if they are under the limit already."""
    remaining = sum(failures for _, failures in rows)
    if remaining < limit:
        return None
    for last_failure, failures in sorted(rows):
        remaining -= failures
        if remaining < limit:
            return last_failure + settings.AXES_COOLOFF_TIME
    return None  # unreachable: the rows add up to `remaining`


def _rows(attempts) -> list[tuple[datetime, int]]:
    return list(attempts.values_list("attempt_time", "failures_since_start"))


def login_lockout_until(
    *, account: str | None, address: str | None, at: datetime | None = None
) -> datetime | None:
    """When a login for this account from this address is allowed again; None if it is
    now. Both locks must have ended."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=_window_start(at))
    ends = [
        _locked_until(
            _rows(recent.filter(username=account)), settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT
        )
        if account
        else None,
        _locked_until(
            _rows(recent.filter(ip_address=address)), settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
        )
        if address
        else None,
    ]
    ends = [end for end in ends if end is not None]
    return max(ends) if ends else None


@dataclass(frozen=True)
class Lockout:
    """A locked account (`key` is its e-mail or what was typed) or address."""

    key: str
    failures: int
    sources: int  # addresses that failed for the account, or accounts tried from the address
    last_failure: datetime
    until: datetime


@dataclass(frozen=True)
class LoginLockouts:
    accounts: list[Lockout]
    addresses: list[Lockout]


def _lockouts(recent, *, field: str, other: str, limit: int) -> list[Lockout]:
    groups = (
        recent.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(
            failures=Sum("failures_since_start"),
            last=Max("attempt_time"),
            sources=Count(other, distinct=True),
        )
        .filter(failures__gte=limit)
        .order_by("-last")
    )
    lockouts = []
    for group in groups:
        until = _locked_until(_rows(recent.filter(**{field: group[field]})), limit)
        lockouts.append(
            Lockout(
                key=group[field],
                failures=group["failures"],
                sources=group["sources"],
                last_failure=group["last"],
                until=until,
            )
        )
    return lockouts


def login_lockouts(*, at: datetime | None = None) -> LoginLockouts:
    """Every account and address locked out now, most recent first."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=_window_start(at))
    return LoginLockouts(
        accounts=_lockouts(
            recent,
            field="username",
            other="ip_address",
            limit=settings.LOGIN_FAILURE_LIMIT_PER_ACCOUNT,
        ),
        addresses=_lockouts(
            recent,
            field="ip_address",
            other="username",
            limit=settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS,
        ),
    )


# --- The staff's second factor --------------------------------------------------------------


class SecondFactorStep(models.TextChoices):
    NONE = "none", "nothing to do"
    VERIFY = "verify", "enter a code"
    SET_UP = "set_up", "set the second factor up"


def second_factor_totp_device(*, user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


def authenticator_secret(*, device: TOTPDevice) -> str:
    """The key as authenticator apps take it by hand: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def authenticator_url(*, device: TOTPDevice) -> str:
    """The otpauth:// address the QR code carries. django-otp's own `config_url` names the
    account by its username, which for Oscar's accounts is a random string: the app shows
    the e-mail instead."""
    issuer = settings.OTP_TOTP_ISSUER.replace(":", "")
    label = f"{issuer}:{device.user.email or device.user.get_username()}"
    parameters = urlencode(
        {
            "secret": b32encode(device.bin_key).decode(),
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
        }
    )
    return f"otpauth://totp/{quote(label)}?{parameters}&issuer={quote(issuer)}"


def second_factor_recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def second_factor_is_set_up(*, user) -> bool:
    """A code can be checked: an authenticator app, or recovery codes left."""
    return (
        TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()
        or second_factor_recovery_codes_left(user=user) > 0
    )


def second_factor_step(*, user, verified: bool) -> SecondFactorStep:
    """What a logged-in user must do before any other page: nothing, enter a code, or set
    the second factor up (when STAFF_REQUIRE_SECOND_FACTOR). Whoever has set it up is asked
    for a code even where it is not required."""
    if verified or not second_factor_applies(user):
        return SecondFactorStep.NONE
    if second_factor_is_set_up(user=user):
        return SecondFactorStep.VERIFY
    if settings.STAFF_REQUIRE_SECOND_FACTOR:
        return SecondFactorStep.SET_UP
    return SecondFactorStep.NONE


# --- Where a login lands -----------------------------------------------------------------


def safe_next_url(*, url: str | None, host: str, secure: bool) -> str | None:
    """`url` if it stays on this site (same host, not scheme-relative, HTTPS kept)."""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={host}, require_https=secure):
        return url
    return None


def login_landing_url(*, user) -> str:
    """Where each role works: operators on the dashboard, call-center agents on the
    console, a store's team on its dashboard (the store picker for several stores),
    anyone else on the home page."""
    if is_operator(user):
        return reverse("dashboard:index")
    if is_agent(user):
        return reverse("callcenter:search")
    slugs = list(
        vendor_list_for_user(user=user).order_by("trade_name").values_list("slug", flat=True)[:2]
    )
    if len(slugs) == 1:
        return reverse("vendor_dashboard:home", kwargs={"vendor_slug": slugs[0]})
    if slugs:
        return reverse("vendor_dashboard:my-stores")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def login_redirect_url(*, user, requested: str | None, host: str, secure: bool) -> str:
    """Where a login goes: where the user was going if that is on this site, else where
    their role works."""
    return safe_next_url(url=requested, host=host, secure=secure) or login_landing_url(user=user)
