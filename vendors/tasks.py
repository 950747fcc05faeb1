from celery import shared_task

from vendors.inventory.digests import low_stock_digest_send, low_stock_digest_vendor_ids
from vendors.orders.notifications import purchase_confirmation_send, purchase_placed_notify


@shared_task(name="vendors.low_stock_digests")
def low_stock_digests() -> int:
    """Daily (beat): one task per approved vendor."""
    vendor_ids = low_stock_digest_vendor_ids()
    for vendor_id in vendor_ids:
        low_stock_digest.delay(vendor_id)
    return len(vendor_ids)


@shared_task(name="vendors.low_stock_digest", acks_late=True)
def low_stock_digest(vendor_id: int) -> bool:
    return low_stock_digest_send(vendor_id=vendor_id)


@shared_task(name="vendors.purchase_placed_notify", acks_late=True)
def purchase_placed_notify_task(order_id: int, language: str | None = None) -> bool:
    """Dispatched on commit by purchase_placed_notify_on_commit; safe to run twice."""
    return purchase_placed_notify(order_id=order_id, language=language)


@shared_task(name="vendors.purchase_confirmation_send", acks_late=True)
def purchase_confirmation_send_task(order_id: int, language: str | None = None) -> None:
    """Dispatched on commit by purchase_confirmation_send_on_commit."""
    purchase_confirmation_send(order_id=order_id, language=language)
