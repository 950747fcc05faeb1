"""The buyer hears about the steps of its delivery that matter (picked up, out for
delivery, a failed attempt, delivered): an e-mail, and a text message when it asked for
them. Each notice row is sent once, however often its task runs."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from logistics.models import ShipmentNotice, TrackingStatus
from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from shop.sms import sms_send


def shipment_notice_send(*, notice_id: int) -> bool:
    """Send one notice by e-mail (and SMS if the buyer opted in); False if it was sent
    before. A failure leaves it unsent, for the task to retry."""
    with transaction.atomic():
        notice = (
            ShipmentNotice.objects.select_for_update(of=("self",))
            .select_related(
                "shipment__vendor_order__vendor",
                "shipment__vendor_order__order__user",
                "shipment__vendor_order__order__shipping_address",
            )
            .get(pk=notice_id)
        )
        if notice.sent_at is not None:
            return False
        shipment = notice.shipment
        order = shipment.vendor_order.order
        preferences = _preferences(order.user)
        language = (
            preferences.language if preferences and preferences.language else settings.LANGUAGE_CODE
        )
        with translation.override(language):
            context = _context(notice=notice)
            if order.email:
                templated_email_send(
                    template="logistics/emails/shipment_status",
                    context=context,
                    recipients=[order.email],
                )
            if preferences and preferences.sms_notifications and order.shipping_address:
                sms_send(
                    to=str(order.shipping_address.phone_number or ""),
                    body=render_to_string("logistics/sms/shipment_status.txt", context).strip(),
                )
        notice.sent_at = timezone.now()
        notice.save(update_fields=["sent_at"])
    return True


def _preferences(user):
    if user is None:
        return None
    from shop.customers.models import CustomerPreferences

    return CustomerPreferences.objects.filter(user=user).first()


def _context(*, notice: ShipmentNotice) -> dict:
    shipment = notice.shipment
    latest = shipment.events.order_by("-occurred_at", "-id").first()
    return {
        "shipment": shipment,
        "vendor_order": shipment.vendor_order,
        "store": shipment.vendor_order.vendor.trade_name,
        "status": notice.status,
        "status_label": TrackingStatus(notice.status).label,
        "note": latest.note if latest and latest.status == notice.status else "",
        "tracking_url": absolute_url(
            reverse("tracking:shipment", kwargs={"code": shipment.tracking_code})
        ),
        "site_name": settings.OSCAR_SHOP_NAME,
    }
