"""Telling the operators when a gateway refuses our own requests (a wrong or revoked key,
a missing permission, a parameter it does not accept): only they can fix it, and every
buyer meanwhile is asked to pay another way. Once per gateway and kind of refusal every
PAYMENT_GATEWAY_ALERT_HOURS, however many buyers meet it."""

from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from payments.exceptions import GatewayMisconfigured
from shop.mail.models import OutgoingEmail
from shop.mail.services import operators_mail


def alert_interval() -> timedelta:
    return timedelta(hours=getattr(settings, "PAYMENT_GATEWAY_ALERT_HOURS", 6))


def gateway_refusal_report(*, gateway_name: str, error: GatewayMisconfigured) -> bool:
    """E-mail the operators through the outbox unless this refusal was reported within
    the interval. The cache claims the report atomically between processes; the outbox,
    which a cache flush does not empty, is the record that it was sent. Returns whether
    it was sent now."""
    interval = alert_interval()
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("The payment gateway %(gateway)s refuses our requests: %(code)s") % {
            "gateway": gateway_name,
            "code": error.code,
        }
        if not cache.add(
            f"payments:refusal:{gateway_name}:{error.code}",
            True,
            timeout=int(interval.total_seconds()),
        ):
            return False
        if OutgoingEmail.objects.filter(
            subject=subject, created_at__gte=timezone.now() - interval
        ).exists():
            return False
        body = _(
            "The payment gateway %(gateway)s refused a request of ours: %(detail)s\n\n"
            "This is a configuration problem (its key, its permissions or its options in "
            "PAYMENT_GATEWAYS), not the buyers': until it is fixed, buyers are told that this "
            "way of paying is not available and to choose another.\n"
            "You will not be told about this refusal again for %(hours)s hours."
        ) % {
            "gateway": gateway_name,
            "detail": error.detail or error.code,
            "hours": int(interval.total_seconds() // 3600),
        }
        return operators_mail(subject=subject, body=body) > 0


@contextmanager
def gateway_refusals_reported(*, gateway_name: str):
    """Around a call to a gateway: a refusal of our own request is reported, then raised
    again for the caller to tell the buyer."""
    try:
        yield
    except GatewayMisconfigured as error:
        gateway_refusal_report(gateway_name=gateway_name, error=error)
        raise
