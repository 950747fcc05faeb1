from django.dispatch import receiver

from shop.linkages.services import vendor_order_deal_sync
from vendors.models import VendorOrder
from vendors.orders.money import vendor_part_refunded
from vendors.orders.transitions import vendor_order_changed


@receiver(vendor_order_changed, sender=VendorOrder)
def deal_follows_its_part(sender, vendor_order, **kwargs):
    vendor_order_deal_sync(vendor_order_id=vendor_order.pk)


@receiver(vendor_part_refunded, sender=VendorOrder)
def deal_follows_its_refunds(sender, vendor_order, **kwargs):
    vendor_order_deal_sync(vendor_order_id=vendor_order.pk)
