from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from vendors.actors.services import approved_partner_ids_forget
from vendors.models import Vendor


@receiver(post_save, sender=Vendor)
@receiver(post_delete, sender=Vendor)
def vendor_changed(sender, instance, **kwargs):
    # Now for this transaction's own reads, and again after commit in case another
    # request cached the old set in between.
    approved_partner_ids_forget()
    transaction.on_commit(approved_partner_ids_forget)
