from django.dispatch import receiver

from shop.sourcing.awards import award_lapse
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.transitions import vendor_order_changed

PURCHASE_ENDED = {VendorOrderStatus.CANCELLED, VendorOrderStatus.REJECTED}


@receiver(vendor_order_changed, sender=VendorOrder)
def award_lapses_with_its_purchase(sender, vendor_order, from_status, to_status, **kwargs):
    if to_status in PURCHASE_ENDED:
        award_lapse(order_id=vendor_order.order_id, vendor_id=vendor_order.vendor_id)
