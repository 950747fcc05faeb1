"""The e-mails of requests: a matching store is told of a new request once per store and
request, however often asked (SourcingNotice is unique on both); a store whose offer was
not chosen (the request was awarded to others, closed or expired) is told so once."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from shop.sourcing.models import OfferStatus, SourcingNotice, SourcingOffer, SourcingRequest
from vendors.actors.selectors import vendor_mail_recipients
from vendors.models import Vendor


def request_stores_notify(*, request_id: int) -> int:
    """Tell every matching store of the request; returns how many were told now."""
    from shop.sourcing.selectors import matching_vendor_ids

    request = SourcingRequest.objects.select_related("municipality__province").get(pk=request_id)
    told = 0
    for vendor in Vendor.objects.filter(pk__in=matching_vendor_ids(request=request)):
        told += request_store_notify(request=request, vendor=vendor)
    return told


def request_store_notify(*, request: SourcingRequest, vendor: Vendor) -> bool:
    try:
        with transaction.atomic():
            SourcingNotice.objects.create(request=request, vendor=vendor)
            with translation.override(settings.LANGUAGE_CODE):
                templated_email_send(
                    template="sourcing/emails/request_notice",
                    context={
                        "request": request,
                        "vendor": vendor,
                        "site_name": settings.OSCAR_SHOP_NAME,
                        "offer_url": absolute_url(
                            reverse(
                                "vendor_dashboard:sourcing-offer",
                                kwargs={"vendor_slug": vendor.slug, "request_id": request.pk},
                            )
                        ),
                    },
                    recipients=vendor_mail_recipients(vendor=vendor),
                    html=False,
                )
    except IntegrityError:  # told already, by this or another worker
        return False
    return True


def request_stores_notify_on_commit(*, request_id: int) -> None:
    from shop.sourcing.tasks import request_stores_notify_task

    request_stores_notify_task.delay_on_commit(request_id)


def offers_not_chosen_notify(*, request_id: int) -> int:
    """Tell each store whose offer on the request was not chosen; returns how many were
    told now."""
    told = 0
    offers = SourcingOffer.objects.filter(
        request_id=request_id, status=OfferStatus.REJECTED, not_chosen_told_at__isnull=True
    ).select_related("request", "vendor")
    for offer in offers:
        with transaction.atomic():
            claimed = SourcingOffer.objects.filter(
                pk=offer.pk, not_chosen_told_at__isnull=True
            ).update(not_chosen_told_at=timezone.now())
            if not claimed:  # told already, by another worker
                continue
            with translation.override(settings.LANGUAGE_CODE):
                templated_email_send(
                    template="sourcing/emails/offer_not_chosen",
                    context={
                        "request": offer.request,
                        "vendor": offer.vendor,
                        "site_name": settings.OSCAR_SHOP_NAME,
                    },
                    recipients=vendor_mail_recipients(vendor=offer.vendor),
                    html=False,
                )
        told += 1
    return told


def offers_not_chosen_notify_on_commit(*, request_id: int) -> None:
    from shop.sourcing.tasks import offers_not_chosen_notify_task

    offers_not_chosen_notify_task.delay_on_commit(request_id)
