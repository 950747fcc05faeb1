"""What the platform does, as webhook events: each receiver only describes the event;
`webhook_event_emit` does the rest after commit."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from shop.apps.checkout.placement import purchase_placed
from shop.sourcing.models import Message, OfferStatus, SourcingOffer
from shop.webhooks.models import EventType
from shop.webhooks.services import listening_vendor_ids, someone_listens, webhook_event_emit
from vendors.models import StockMovement, VendorOrder, VendorOrderStatus
from vendors.orders.transitions import vendor_order_changed

S = VendorOrderStatus
ORDER_EVENTS = {
    S.CANCELLED: EventType.ORDER_CANCELLED,
    S.REJECTED: EventType.ORDER_CANCELLED,
    S.SHIPPED: EventType.ORDER_SHIPPED,
    S.DELIVERED: EventType.ORDER_DELIVERED,
}


def _order_payload(vendor_order: VendorOrder) -> dict:
    return {
        "store": vendor_order.vendor.slug,
        "vendor_order": vendor_order.number,
        "purchase": vendor_order.order.number,
        "status": vendor_order.status,
    }


@receiver(purchase_placed)
def purchase_placed_event(sender, order, **kwargs):
    if not listening_vendor_ids():
        return
    for part in order.vendor_orders.select_related("vendor"):
        webhook_event_emit(
            type=EventType.ORDER_PLACED, vendor=part.vendor, payload=_order_payload(part)
        )


@receiver(vendor_order_changed, sender=VendorOrder)
def vendor_order_event(sender, vendor_order, from_status, to_status, **kwargs):
    if not someone_listens(vendor_id=vendor_order.vendor_id):
        return
    if from_status == S.PENDING_PAYMENT and to_status == S.PLACED:
        event = EventType.ORDER_PAID
    else:
        event = ORDER_EVENTS.get(to_status)
    if event:
        webhook_event_emit(
            type=event, vendor=vendor_order.vendor, payload=_order_payload(vendor_order)
        )


@receiver(post_save, sender=StockMovement)
def stock_low_event(sender, instance, created, **kwargs):
    if not created or instance.delta >= 0 or not someone_listens(vendor_id=instance.vendor_id):
        return
    threshold = instance.stockrecord.low_stock_threshold
    before = instance.level_after - instance.delta
    if threshold is not None and instance.level_after <= threshold < before:
        webhook_event_emit(
            type=EventType.STOCK_LOW,
            vendor=instance.vendor,
            payload={
                "store": instance.vendor.slug,
                "product_id": instance.stockrecord.product_id,
                "sku": instance.stockrecord.partner_sku,
                "level": instance.level_after,
                "threshold": threshold,
            },
        )


@receiver(post_save, sender=SourcingOffer)
def offer_accepted_event(sender, instance, created, update_fields=None, **kwargs):
    if (
        instance.status == OfferStatus.ACCEPTED
        and update_fields
        and "status" in update_fields
        and someone_listens(vendor_id=instance.vendor_id)
    ):
        webhook_event_emit(
            type=EventType.OFFER_ACCEPTED,
            vendor=instance.vendor,
            payload={
                "store": instance.vendor.slug,
                "offer_id": instance.pk,
                "request_id": instance.request_id,
                "quantity": instance.accepted_quantity,
                "purchase": instance.order.number if instance.order_id else None,
            },
        )


@receiver(post_save, sender=Message)
def message_received_event(sender, instance, created, **kwargs):
    # The store hears of the buyer's messages; its own are not news to it.
    if created and not instance.from_store:
        conversation = instance.conversation
        if not someone_listens(vendor_id=conversation.vendor_id):
            return
        webhook_event_emit(
            type=EventType.MESSAGE_RECEIVED,
            vendor=conversation.vendor,
            payload={
                "store": conversation.vendor.slug,
                "conversation_id": conversation.pk,
                "about": conversation.subject,
                "offer_id": conversation.offer_id,
                "message_id": instance.pk,
                "created_at": instance.created_at,
            },
        )
