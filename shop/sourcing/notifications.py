"""The e-mails of requests: a matching store is told of a new request once per store and
request, however often asked (SourcingNotice is unique on both, and mailed once): in a
daily digest by default, at once if the store chose so, by SMS too if it opted in; a
store whose offer was not chosen (the request was awarded to others, closed or
expired) is told so once."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from shop.sms import sms_send
from shop.sourcing.models import (
    NoticeTiming,
    OfferStatus,
    RequestStatus,
    SourcingNotice,
    SourcingOffer,
    SourcingRequest,
    StoreFollowing,
)
from vendors.actors.selectors import vendor_mail_recipients
from vendors.models import Vendor


def request_stores_notify(*, request_id: int) -> int:
    """Record the request's notice for every matching store; those that want it at once
    are told now, the others in the next digest. Returns how many notices are new."""
    from shop.sourcing.selectors import matching_vendor_ids

    request = SourcingRequest.objects.get(pk=request_id)
    vendor_ids = matching_vendor_ids(request=request)
    at_once = set(
        StoreFollowing.objects.filter(
            vendor_id__in=vendor_ids, notice_timing=NoticeTiming.AT_ONCE
        ).values_list("vendor_id", flat=True)
    )
    recorded = 0
    for vendor in Vendor.objects.filter(pk__in=vendor_ids):
        try:
            with transaction.atomic():
                notice = SourcingNotice.objects.create(request=request, vendor=vendor)
        except IntegrityError:  # recorded already, by this or another worker
            continue
        recorded += 1
        if vendor.pk in at_once:
            store_notices_send(vendor=vendor, notice_ids=[notice.pk])
    return recorded


def store_notices_send(*, vendor: Vendor, notice_ids: list[int] | None = None) -> int:
    """Tell the store of its notices not told yet (all, or those of `notice_ids`) on
    requests still open: one e-mail (one request, or a digest of several) and, if the
    store opted in, one SMS. The notices are locked and marked in the same transaction
    as the e-mail is queued, so each is told once however many workers ask at once.
    Returns how many requests it was told of."""
    with transaction.atomic():
        pending = SourcingNotice.objects.select_for_update(of=("self",)).filter(
            vendor=vendor, mailed_at__isnull=True, request__status=RequestStatus.OPEN
        )
        if notice_ids is not None:
            pending = pending.filter(pk__in=notice_ids)
        notices = list(
            pending.select_related("request__municipality__province").order_by(
                "request__created_at", "pk"
            )
        )
        if not notices:
            return 0
        SourcingNotice.objects.filter(pk__in=[notice.pk for notice in notices]).update(
            mailed_at=timezone.now()
        )
        requests = [notice.request for notice in notices]
        for request in requests:
            request.offer_url = absolute_url(
                reverse(
                    "vendor_dashboard:sourcing-offer",
                    kwargs={"vendor_slug": vendor.slug, "request_id": request.pk},
                )
            )
        context = {
            "request": requests[0],
            "requests": requests,
            "vendor": vendor,
            "site_name": settings.OSCAR_SHOP_NAME,
            "offer_url": requests[0].offer_url,
            "list_url": absolute_url(
                reverse("vendor_dashboard:sourcing-list", kwargs={"vendor_slug": vendor.slug})
            ),
        }
        with translation.override(settings.LANGUAGE_CODE):
            templated_email_send(
                template=(
                    "sourcing/emails/request_notice"
                    if len(requests) == 1
                    else "sourcing/emails/request_digest"
                ),
                context=context,
                recipients=vendor_mail_recipients(vendor=vendor),
                html=False,
            )
            if store_wants_sms(vendor=vendor):
                sms_send(
                    to=vendor.phone,
                    body=render_to_string("sourcing/sms/request_notice.txt", context).strip(),
                )
    return len(notices)


def store_wants_sms(*, vendor: Vendor) -> bool:
    """Whether the store chose to be told by SMS too (its requests settings)."""
    return StoreFollowing.objects.filter(vendor=vendor, sms_notices=True).exists()


def store_notice_digests_send() -> int:
    """The daily digest: every store with requests it was not told of yet hears of them
    in one e-mail. Returns how many stores were told; running it again tells nobody."""
    vendor_ids = (
        SourcingNotice.objects.filter(mailed_at__isnull=True, request__status=RequestStatus.OPEN)
        .values_list("vendor_id", flat=True)
        .distinct()
    )
    told = 0
    for vendor in Vendor.objects.filter(pk__in=list(vendor_ids)).order_by("pk"):
        told += bool(store_notices_send(vendor=vendor))
    return told


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


def award_lapsed_notify(*, offer_id: int) -> bool:
    """Tell the requester and the store, once, that the offer's purchase was cancelled
    (unpaid by its deadline, or cancelled) and its units are free again on the request.
    False if they were told before."""
    with transaction.atomic():
        if not SourcingOffer.objects.filter(
            pk=offer_id, status=OfferStatus.CANCELLED, lapse_told_at__isnull=True
        ).update(lapse_told_at=timezone.now()):
            return False
        offer = SourcingOffer.objects.select_related("request__requester", "vendor").get(
            pk=offer_id
        )
        request = offer.request
        for to_store, recipients, link in (
            (
                False,
                [request.requester.email],
                reverse("sourcing:detail", kwargs={"pk": request.pk}),
            ),
            (
                True,
                vendor_mail_recipients(vendor=offer.vendor),
                reverse(
                    "vendor_dashboard:sourcing-offer",
                    kwargs={"vendor_slug": offer.vendor.slug, "request_id": request.pk},
                ),
            ),
        ):
            with translation.override(settings.LANGUAGE_CODE):
                templated_email_send(
                    template="sourcing/emails/award_lapsed",
                    context={
                        "offer": offer,
                        "request": request,
                        "to_store": to_store,
                        "link": absolute_url(link),
                        "site_name": settings.OSCAR_SHOP_NAME,
                    },
                    recipients=[address for address in recipients if address],
                    html=False,
                )
    return True


def award_lapsed_notify_on_commit(*, offer_id: int) -> None:
    from shop.sourcing.tasks import award_lapsed_notify_task

    award_lapsed_notify_task.delay_on_commit(offer_id)
