"""Conversations between a buyer and a store, on the platform: about an offer on the
buyer's request, a product ("Preguntar a la tienda"), the store itself, or one of the
buyer's orders ("Escribir a la tienda"). Until there is a purchase between the two,
phone numbers and e-mails written in a message are hidden; each person may write a
limited number of messages an hour; each message is told to the other side once, by
e-mail (and SMS if it chose so)."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from shop.core.links import absolute_url
from shop.customers.selectors import customer_sms_phone
from shop.mail.services import templated_email_send
from shop.sms import sms_send
from shop.sourcing.error_codes import SourcingErrorCode
from shop.sourcing.exceptions import SourcingRefused
from shop.sourcing.models import Conversation, ConversationSubject, Message, SourcingOffer
from shop.sourcing.notifications import store_wants_sms
from vendors.actors.selectors import vendor_mail_recipients
from vendors.models import VendorOrder, VendorOrderStatus

MESSAGES_PER_HOUR = 10
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, however spaced or dashed, with an optional country prefix.
PHONE = re.compile(r"\+?\d(?:[\s().-]*\d){6,}")
THREAD_RELATED = ("offer__request", "product", "vendor_order__order", "vendor", "buyer")


def contact_mask(text: str) -> str:
    hidden = _("[contact details hidden until there is a purchase]")
    return PHONE.sub(hidden, EMAIL.sub(hidden, text))


def conversation_for_offer(*, offer: SourcingOffer) -> Conversation:
    """The offer's one conversation, started on its first message."""
    conversation, _created = Conversation.objects.get_or_create(
        offer=offer,
        defaults={
            "subject": ConversationSubject.OFFER,
            "vendor_id": offer.vendor_id,
            "buyer_id": offer.request.requester_id,
        },
    )
    return conversation


def conversation_start(*, buyer, vendor, product=None, vendor_order=None) -> Conversation:
    """The buyer's conversation with the store about `product`, `vendor_order` or (with
    neither) the store itself: the existing one if there is one. The caller has checked
    that the order is the buyer's and the product the store's."""
    if vendor_order is not None:
        lookup = {"vendor_order": vendor_order, "subject": ConversationSubject.VENDOR_ORDER}
    elif product is not None:
        lookup = {"product": product, "subject": ConversationSubject.PRODUCT}
    else:
        lookup = {"subject": ConversationSubject.STORE}
    lookup.update(buyer=buyer, vendor=vendor)
    try:
        with transaction.atomic():
            conversation, _created = Conversation.objects.get_or_create(**lookup)
    except IntegrityError:  # started at the same moment in another request
        conversation = Conversation.objects.get(**lookup)
    return conversation


def _purchase_between(conversation: Conversation) -> bool:
    if conversation.vendor_order_id is not None:
        return True
    if conversation.offer_id is not None and conversation.offer.order_id is not None:
        return True
    return (
        VendorOrder.objects.filter(
            vendor_id=conversation.vendor_id, order__user_id=conversation.buyer_id
        )
        .exclude(status__in=(VendorOrderStatus.CANCELLED, VendorOrderStatus.REJECTED))
        .exists()
    )


def message_post(*, conversation: Conversation, author, from_store: bool, body: str) -> Message:
    """Add a message to the conversation (the caller has checked that `author` is its
    buyer, or a member of its store when `from_store`)."""
    body = body.strip()
    if not body:
        raise SourcingRefused(_("Write a message."), code=SourcingErrorCode.MESSAGE)
    since = timezone.now() - timedelta(hours=1)
    if Message.objects.filter(author=author, created_at__gte=since).count() >= MESSAGES_PER_HOUR:
        raise SourcingRefused(
            _("You have sent many messages in the last hour. Please wait a little."),
            code=SourcingErrorCode.RATE_LIMITED,
        )
    if not _purchase_between(conversation):
        body = contact_mask(body)
    with transaction.atomic():
        message = Message.objects.create(
            conversation=conversation, author=author, from_store=from_store, body=body[:2000]
        )
        _notify_on_commit(message_id=message.pk)
    return message


def offer_message_post(*, offer: SourcingOffer, author, from_store: bool, body: str) -> Message:
    """A message in the conversation on an offer (started by its first message)."""
    return message_post(
        conversation=conversation_for_offer(offer=offer),
        author=author,
        from_store=from_store,
        body=body,
    )


def _notify_on_commit(*, message_id: int) -> None:
    from shop.sourcing.tasks import message_notify_task

    message_notify_task.delay_on_commit(message_id)


def messages_read(*, conversation: Conversation, by_store: bool) -> list[Message]:
    """The conversation, oldest first; the other side's messages are now read."""
    conversation.messages.filter(from_store=not by_store, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return list(conversation.messages.select_related("author"))


def offer_messages_read(*, offer: SourcingOffer, by_store: bool) -> list[Message]:
    conversation = Conversation.objects.filter(offer=offer).first()
    if conversation is None:
        return []
    return messages_read(conversation=conversation, by_store=by_store)


def unread_counts(*, offers, for_store: bool) -> dict[int, int]:
    """{offer id: messages of the other side not read yet}, in one query."""
    return dict(
        Message.objects.filter(
            conversation__offer__in=offers, from_store=not for_store, read_at__isnull=True
        )
        .values("conversation__offer_id")
        .annotate(unread=Count("pk"))
        .values_list("conversation__offer_id", "unread")
    )


def buyer_thread_url(conversation: Conversation) -> str:
    return reverse("sourcing_account:thread", kwargs={"pk": conversation.pk})


def store_thread_url(conversation: Conversation) -> str:
    return reverse(
        "vendor_dashboard:thread",
        kwargs={"vendor_slug": conversation.vendor.slug, "pk": conversation.pk},
    )


def message_notify(*, message_id: int) -> bool:
    """Tell the other side of the conversation once, by e-mail and, if it chose text
    messages (a store in its requests settings, a buyer in their notices), by SMS;
    False if it was done."""
    message = Message.objects.select_related(
        *(f"conversation__{name}" for name in THREAD_RELATED)
    ).get(pk=message_id)
    with transaction.atomic():
        if not Message.objects.filter(pk=message_id, notified_at__isnull=True).update(
            notified_at=timezone.now()
        ):
            return False
        conversation = message.conversation
        if message.from_store:
            recipients = [conversation.buyer.email]
            link = buyer_thread_url(conversation)
            phone = customer_sms_phone(user=conversation.buyer)
        else:
            recipients = vendor_mail_recipients(vendor=conversation.vendor)
            link = store_thread_url(conversation)
            vendor = conversation.vendor
            phone = vendor.phone if store_wants_sms(vendor=vendor) else ""
        context = {
            "message": message,
            "conversation": conversation,
            "title": conversation.title,
            "link": absolute_url(link),
            "site_name": settings.OSCAR_SHOP_NAME,
        }
        with translation.override(settings.LANGUAGE_CODE):
            templated_email_send(
                template="sourcing/emails/message",
                context=context,
                recipients=[address for address in recipients if address],
                html=False,
            )
            if phone:
                sms_send(
                    to=phone, body=render_to_string("sourcing/sms/message.txt", context).strip()
                )
    return True


def _threads(conversations: QuerySet, *, unread_from_store: bool) -> QuerySet:
    """Conversations with at least one message, newest activity first, each with
    `last_message_at` and `unread` (the other side's messages not read yet): one query
    however many threads there are."""
    return (
        conversations.annotate(
            last_message_at=Max("messages__created_at"),
            unread=Count(
                "messages",
                filter=Q(messages__from_store=unread_from_store, messages__read_at__isnull=True),
            ),
        )
        .filter(last_message_at__isnull=False)
        .select_related(*THREAD_RELATED)
        .order_by("-last_message_at", "-pk")
    )


def store_threads(*, vendor) -> QuerySet:
    """The store's inbox: its own conversations, and nobody else's."""
    return _threads(Conversation.objects.filter(vendor=vendor), unread_from_store=False)


def buyer_threads(*, user) -> QuerySet:
    """The buyer's inbox: their conversations with stores."""
    return _threads(Conversation.objects.filter(buyer=user), unread_from_store=True)


def store_thread(*, vendor, pk: int) -> Conversation | None:
    return Conversation.objects.select_related(*THREAD_RELATED).filter(vendor=vendor, pk=pk).first()


def buyer_thread(*, user, pk: int) -> Conversation | None:
    return Conversation.objects.select_related(*THREAD_RELATED).filter(buyer=user, pk=pk).first()


def store_unread_total(*, vendor) -> int:
    """Messages from buyers the store has not read yet, over all its threads."""
    return Message.objects.filter(
        conversation__vendor=vendor, from_store=False, read_at__isnull=True
    ).count()
