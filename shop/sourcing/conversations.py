"""The conversation on an offer: the requester and the store ask and answer on the
platform. Until the offer becomes a purchase, phone numbers and e-mails written in a
message are hidden; each side may write a limited number of messages an hour; each
message is e-mailed to the other side once."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from shop.sourcing.error_codes import SourcingErrorCode
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import OfferMessage, SourcingOffer
from vendors.actors.selectors import vendor_mail_recipients

MESSAGES_PER_HOUR = 10
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, however spaced or dashed, with an optional country prefix.
PHONE = re.compile(r"\+?\d(?:[\s().-]*\d){6,}")


def contact_mask(text: str) -> str:
    hidden = _("[contact details hidden until there is a purchase]")
    return PHONE.sub(hidden, EMAIL.sub(hidden, text))


def offer_message_post(
    *, offer: SourcingOffer, author, from_store: bool, body: str
) -> OfferMessage:
    """Add a message to the offer's conversation (the caller has checked that `author`
    is the requester, or a member of the offer's store when `from_store`)."""
    body = body.strip()
    if not body:
        raise SourcingRefused(_("Write a message."), code=SourcingErrorCode.MESSAGE)
    since = timezone.now() - timedelta(hours=1)
    if (
        OfferMessage.objects.filter(author=author, created_at__gte=since).count()
        >= MESSAGES_PER_HOUR
    ):
        raise SourcingRefused(
            _("You have sent many messages in the last hour. Please wait a little."),
            code=SourcingErrorCode.RATE_LIMITED,
        )
    if offer.order_id is None:
        body = contact_mask(body)
    with transaction.atomic():
        message = OfferMessage.objects.create(
            offer=offer, author=author, from_store=from_store, body=body[:2000]
        )
        _notify_on_commit(message_id=message.pk)
    return message


def _notify_on_commit(*, message_id: int) -> None:
    from shop.sourcing.tasks import offer_message_notify_task

    offer_message_notify_task.delay_on_commit(message_id)


def offer_messages_read(*, offer: SourcingOffer, by_store: bool) -> list[OfferMessage]:
    """The conversation, oldest first; the other side's messages are now read."""
    OfferMessage.objects.filter(offer=offer, from_store=not by_store, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return list(offer.messages.select_related("author"))


def unread_counts(*, offers, for_store: bool) -> dict[int, int]:
    """{offer id: messages of the other side not read yet}, in one query."""
    return dict(
        OfferMessage.objects.filter(
            offer__in=offers, from_store=not for_store, read_at__isnull=True
        )
        .values("offer_id")
        .annotate(unread=Count("pk"))
        .values_list("offer_id", "unread")
    )


def offer_message_notify(*, message_id: int) -> bool:
    """E-mail the other side of the conversation once; False if it was done."""
    message = OfferMessage.objects.select_related("offer__request__requester", "offer__vendor").get(
        pk=message_id
    )
    with transaction.atomic():
        if not OfferMessage.objects.filter(pk=message_id, notified_at__isnull=True).update(
            notified_at=timezone.now()
        ):
            return False
        offer = message.offer
        if message.from_store:
            recipients = [offer.request.requester.email]
            link = reverse(
                "sourcing:conversation", kwargs={"pk": offer.request_id, "offer_id": offer.pk}
            )
        else:
            recipients = vendor_mail_recipients(vendor=offer.vendor)
            link = reverse(
                "vendor_dashboard:sourcing-offer",
                kwargs={"vendor_slug": offer.vendor.slug, "request_id": offer.request_id},
            )
        with translation.override(settings.LANGUAGE_CODE):
            templated_email_send(
                template="sourcing/emails/offer_message",
                context={
                    "message": message,
                    "offer": offer,
                    "request": offer.request,
                    "link": absolute_url(link),
                    "site_name": settings.OSCAR_SHOP_NAME,
                },
                recipients=[address for address in recipients if address],
                html=False,
            )
    return True


def unread_for_requester(*, requests) -> dict[int, int]:
    """{request id: store messages its requester has not read}, in one query."""
    return dict(
        OfferMessage.objects.filter(
            Q(offer__request__in=requests), from_store=True, read_at__isnull=True
        )
        .values("offer__request_id")
        .annotate(unread=Count("pk"))
        .values_list("offer__request_id", "unread")
    )


def _threads(offers: QuerySet, *, unread_from_store: bool) -> QuerySet:
    """Offers with at least one message, newest activity first, each with
    `last_message_at` and `unread` (the other side's messages not read yet): one query
    however many threads there are."""
    return (
        offers.annotate(
            last_message_at=Max("messages__created_at"),
            unread=Count(
                "messages",
                filter=Q(messages__from_store=unread_from_store, messages__read_at__isnull=True),
            ),
        )
        .filter(last_message_at__isnull=False)
        .select_related("request", "vendor")
        .order_by("-last_message_at", "-pk")
    )


def store_threads(*, vendor) -> QuerySet:
    """The store's inbox: the conversations on its own offers, and nobody else's."""
    return _threads(SourcingOffer.objects.filter(vendor=vendor), unread_from_store=False)


def buyer_threads(*, user) -> QuerySet:
    """The buyer's inbox: the conversations on the offers made to their requests."""
    return _threads(SourcingOffer.objects.filter(request__requester=user), unread_from_store=True)


def store_unread_total(*, vendor) -> int:
    """Messages from buyers the store has not read yet, over all its threads."""
    return OfferMessage.objects.filter(
        offer__vendor=vendor, from_store=False, read_at__isnull=True
    ).count()
