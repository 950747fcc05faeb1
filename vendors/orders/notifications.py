"""E-mails sent when a purchase is placed: one confirmation to the buyer listing every
vendor part, and one notice to each vendor about its own part only (a vendor never reads
another vendor's lines nor the purchase total). Sent once per purchase, however often asked."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from vendors.actors.selectors import vendor_mail_recipients
from vendors.models import PurchasePlacedNotice
from vendors.orders.selectors import PurchaseConfirmation, PurchasePart, purchase_confirmation

Order = get_model("order", "Order")


@dataclass(frozen=True)
class PurchaseContact:
    """Who receives the goods, as much as a vendor needs to deliver them."""

    name: str
    phone: str
    address_lines: list[str]


def purchase_placed_notify(*, order_id: int, language: str | None = None) -> bool:
    """E-mail the buyer (in `language`, if one of ours) and each vendor of the purchase;
    False, and nothing sent, if that was already done."""
    order = Order.objects.select_related("user", "shipping_address").get(pk=order_id)
    with transaction.atomic():
        try:
            with transaction.atomic():
                PurchasePlacedNotice.objects.create(order=order)
        except IntegrityError:  # already sent, by this or another worker
            return False
        confirmation = purchase_confirmation(order=order)
        _buyer_confirmation_send(confirmation=confirmation, language=_language_supported(language))
        contact = _purchase_contact(order=order)
        for part in (confirmed.part for confirmed in confirmation.parts):
            _vendor_notice_send(order=order, part=part, contact=contact)
    return True


def purchase_placed_notify_on_commit(*, order_id: int, language: str | None = None) -> None:
    """Checkout calls this inside the order's transaction: the e-mails are prepared by a
    Celery task once (and only if) the purchase is committed."""
    from vendors.tasks import purchase_placed_notify_task

    purchase_placed_notify_task.delay_on_commit(order_id, language)


def purchase_confirmation_send(*, order_id: int, language: str | None = None) -> None:
    """The buyer's confirmation alone: again, when asked for through the call center, or
    before its stores hear of it, for a purchase waiting for the buyer's transfer (the
    confirmation says where to send it)."""
    order = Order.objects.select_related("user", "shipping_address").get(pk=order_id)
    _buyer_confirmation_send(
        confirmation=purchase_confirmation(order=order), language=_language_supported(language)
    )


def purchase_confirmation_send_on_commit(*, order_id: int, language: str | None = None) -> None:
    from vendors.tasks import purchase_confirmation_send_task

    purchase_confirmation_send_task.delay_on_commit(order_id, language)


def _buyer_confirmation_send(*, confirmation: PurchaseConfirmation, language: str) -> None:
    order = confirmation.order
    if not order.email:
        return
    with translation.override(language):
        if order.user_id:
            path = reverse("customer:order", kwargs={"order_number": order.number})
        else:
            path = reverse(
                "customer:anon-order",
                kwargs={"order_number": order.number, "hash": order.verification_hash()},
            )
        context = {
            "order": order,
            "confirmation": confirmation,
            "purchase_url": absolute_url(path),
            "site_name": settings.OSCAR_SHOP_NAME,
        }
        templated_email_send(
            template="vendors/emails/purchase_placed_buyer",
            context=context,
            recipients=[order.email],
        )


def _vendor_notice_send(*, order, part: PurchasePart, contact: PurchaseContact) -> None:
    vendor = part.vendor_order.vendor
    recipients = vendor_mail_recipients(vendor=vendor)
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(
            "vendor_dashboard:order-detail",
            kwargs={"vendor_slug": vendor.slug, "number": part.vendor_order.number},
        )
        context = {
            "part": part,
            "vendor": vendor,
            "contact": contact,
            "currency": order.currency,
            "order_url": absolute_url(path),
            "site_name": settings.OSCAR_SHOP_NAME,
        }
        templated_email_send(
            template="vendors/emails/purchase_placed_vendor", context=context, recipients=recipients
        )


def _purchase_contact(*, order) -> PurchaseContact:
    address = order.shipping_address
    if address is None:
        name = order.user.get_full_name() if order.user_id else ""
        return PurchaseContact(name=name, phone="", address_lines=[])
    return PurchaseContact(
        name=address.name,
        phone=str(address.phone_number or ""),
        address_lines=address.get_address_field_values(
            ["line1", "line2", "line3", "line4", "state", "postcode"]
        ),
    )


def _language_supported(language: str | None) -> str:
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
