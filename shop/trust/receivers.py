from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from shop.trust.services import vendor_left
from vendors.models import VendorStatus, VendorStatusChange

LEFT = {VendorStatus.SUSPENDED, VendorStatus.REJECTED}


@receiver(post_save, sender=VendorStatusChange)
def badge_and_documents_leave_with_the_store(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.to_status in LEFT:
        vendor_left(vendor_id=instance.vendor_id, reason=_("The store left the platform."))
