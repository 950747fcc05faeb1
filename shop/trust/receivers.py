from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from shop.trust.reviews import review_invitation_send
from shop.trust.services import vendor_left
from vendors.models import VendorOrder, VendorOrderStatus, VendorStatus, VendorStatusChange
from vendors.orders.transitions import vendor_order_changed

LEFT = {VendorStatus.SUSPENDED, VendorStatus.REJECTED}


@receiver(post_save, sender=VendorStatusChange)
def badge_and_documents_leave_with_the_store(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.to_status in LEFT:
        vendor_left(vendor_id=instance.vendor_id, reason=_("The store left the platform."))


@receiver(vendor_order_changed, sender=VendorOrder)
def buyer_invited_to_rate_a_delivered_part(sender, vendor_order, from_status, to_status, **kw):
    if to_status == VendorOrderStatus.DELIVERED:
        review_invitation_send(vendor_order_id=vendor_order.pk)
