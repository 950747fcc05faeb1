"""The courier's link: a signed, expiring URL that lets whoever holds it record the
steps of one shipment, with no account. The signature covers the shipment and its
link revision, so a link reaches its own shipment only and the vendor can revoke the
links it handed out."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from logistics.exceptions import CourierLinkExpired, CourierLinkRefused
from logistics.models import Shipment

SALT = "logistics.courier-link"


def courier_link_token(*, shipment: Shipment) -> str:
    return signing.TimestampSigner(salt=SALT).sign(
        f"{shipment.pk}.{shipment.courier_link_revision}"
    )


def courier_link_path(*, shipment: Shipment) -> str:
    """In the site's language, whatever the vendor's page is in: couriers are local."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("tracking:courier", kwargs={"token": courier_link_token(shipment=shipment)})


def courier_link_shipment(*, token: str) -> Shipment:
    """The shipment a courier link was made for, or CourierLinkRefused/Expired."""
    max_age = timedelta(days=settings.COURIER_LINK_MAX_AGE_DAYS)
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise CourierLinkExpired from None
    except signing.BadSignature:
        raise CourierLinkRefused from None
    shipment_id, _dot, revision = value.partition(".")
    shipment = (
        Shipment.objects.select_related("vendor_order__vendor", "vendor_order__order")
        .filter(pk=shipment_id)
        .first()
    )
    if shipment is None:
        raise CourierLinkRefused
    if revision != str(shipment.courier_link_revision):
        raise CourierLinkExpired
    return shipment
