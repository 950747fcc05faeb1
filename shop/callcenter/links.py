"""Payment links: a signed, expiring token that lets whoever holds it (the customer,
from an e-mail or a text) pay one purchase on our card page, without an account or
the browser that placed the order. The link names the purchase, never a card."""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from shop.core.links import absolute_url

SALT = "callcenter.payment-link"


def payment_link_token(*, reference: str) -> str:
    return signing.dumps({"reference": reference}, salt=SALT, compress=True)


def payment_link_reference(*, token: str) -> str | None:
    """The purchase reference the token names, or None if forged or expired."""
    max_age = getattr(settings, "PAYMENT_DEADLINE_HOURS", 48) * 3600
    try:
        return signing.loads(token, salt=SALT, max_age=max_age)["reference"]
    except (signing.BadSignature, KeyError, TypeError):
        return None


def payment_link_url(*, reference: str) -> str:
    return absolute_url(
        reverse("payment_link:open", kwargs={"token": payment_link_token(reference=reference)})
    )
