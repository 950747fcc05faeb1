"""Writes about logins: the staff's second factor (an authenticator app and one-time
recovery codes, django-otp's devices) and operators lifting lockouts."""

import logging
import re

from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from shop.accounts.error_codes import AccountsErrorCode
from shop.accounts.exceptions import SecondFactorError
from shop.accounts.selectors import second_factor_totp_device

logger = logging.getLogger(__name__)

AUTHENTICATOR_NAME = "authenticator"
RECOVERY_CODES_NAME = "recovery codes"
TOTP_DIGITS = 6  # django-otp's default, what authenticator apps show
SEPARATORS = re.compile(r"[\s-]+")


def _code_normalise(code: str) -> str:
    return SEPARATORS.sub("", code or "").lower()


def second_factor_setup_start(*, user) -> TOTPDevice:
    """The authenticator app being set up: the same secret until it is confirmed, so the
    QR code does not change when the page is reloaded."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def _throttled(device: Device) -> SecondFactorError | None:
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    locked_until = (details or {}).get("locked_until")
    if locked_until:
        when = formats.time_format(timezone.localtime(locked_until), "H:i:s")
        return SecondFactorError(
            _("Too many wrong codes. Try again after %(time)s.") % {"time": when},
            code=AccountsErrorCode.CODE_THROTTLED,
        )
    return SecondFactorError(
        _("Too many wrong codes. Try again in a few minutes."),
        code=AccountsErrorCode.CODE_THROTTLED,
    )


def _recovery_codes_issue(*, user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_CODES_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.STAFF_RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_setup_confirm(*, user, code: str) -> tuple[TOTPDevice, list[str]]:
    """The first code from the app confirms it. The app replaces any earlier one, and a
    new set of recovery codes replaces any earlier set; the codes are returned to be shown
    once, never stored in clear anywhere else. A wrong code is counted (and slows the next
    tries down) even though it raises."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.devices_for_user(user, confirmed=False)
            .select_for_update()
            .order_by("-pk")
            .first()
        )
        if device is None:
            raise SecondFactorError(
                _("Open this page again to get a new QR code."),
                code=AccountsErrorCode.SECOND_FACTOR_MISSING,
            )
        refused = _throttled(device) or (
            None if device.verify_token(_code_normalise(code)) else _wrong_code(recovery=False)
        )
        if refused is None:
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = _recovery_codes_issue(user=user)
    if refused is not None:
        raise refused
    logger.info("Second factor set up for user %s", user.pk)
    return device, codes


@transaction.atomic
def second_factor_recovery_codes_renew(*, user) -> list[str]:
    """A new set of recovery codes; the old ones stop working."""
    if second_factor_totp_device(user=user) is None:
        raise SecondFactorError(
            _("Set up the authenticator app first."), code=AccountsErrorCode.SECOND_FACTOR_MISSING
        )
    return _recovery_codes_issue(user=user)


def _wrong_code(*, recovery: bool) -> SecondFactorError:
    if recovery:
        message = _(
            "That code is not right. Enter the six digits the app shows now, or one "
            "of your recovery codes."
        )
    else:
        message = _("That code is not right. Enter the six digits the app shows now.")
    return SecondFactorError(message, code=AccountsErrorCode.CODE_INVALID)


def second_factor_check(*, user, code: str) -> Device:
    """The device that accepts `code`: six digits are checked against the authenticator
    app, anything else against the recovery codes (each works once). Wrong codes slow
    the next tries down (django-otp's throttling, per device, kept although it raises)."""
    code = _code_normalise(code)
    with transaction.atomic():
        model = TOTPDevice if code.isdigit() and len(code) == TOTP_DIGITS else StaticDevice
        devices = list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
        accepted, refused = None, _wrong_code(recovery=True)
        for device in devices:
            refused = _throttled(device)
            if refused:
                break
            if device.verify_token(code):
                accepted, refused = device, None
                break
            refused = _wrong_code(recovery=True)
    if refused is not None:
        raise refused
    return accepted


def login_lockout_lift(*, operator, account: str | None = None, address: str | None = None) -> int:
    """Forget the failed logins of an account (from every address) or of an address (for
    every account), so it may log in again at once. Returns how many records went."""
    if not account and not address:
        raise ValueError("login_lockout_lift needs an account or an address")
    removed = 0
    if account:
        removed += axes_reset(username=account)
    if address:
        removed += axes_reset(ip=address)
    logger.warning(
        "Login lockout lifted by operator %s: account=%r address=%r (%d records)",
        operator.pk,
        account,
        address,
        removed,
    )
    return removed
