from django.dispatch import receiver

from shop.companies.credit import credit_delivered, credit_release
from shop.companies.models import CreditCharge
from shop.invoices.models import Invoice
from shop.invoices.services import invoice_snapshot_extend
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.transitions import vendor_order_changed

CREDIT_ENDS = {VendorOrderStatus.CANCELLED, VendorOrderStatus.REJECTED, VendorOrderStatus.RETURNED}


@receiver(vendor_order_changed, sender=VendorOrder)
def credit_follows_its_part(sender, vendor_order, from_status, to_status, **kwargs):
    if to_status in CREDIT_ENDS:
        credit_release(vendor_order=vendor_order)
    elif to_status == VendorOrderStatus.DELIVERED:
        credit_delivered(vendor_order=vendor_order)


@receiver(invoice_snapshot_extend, sender=Invoice)
def invoice_due_date(sender, vendor_order, issued_at, **kwargs):
    """A part bought on account prints when it is due."""
    charge = (
        CreditCharge.objects.select_related("terms")
        .filter(vendor_order=vendor_order, due_on__isnull=False)
        .first()
    )
    if charge is None:
        return {}
    return {"due_on": charge.due_on.isoformat(), "due_days": charge.terms.days}
