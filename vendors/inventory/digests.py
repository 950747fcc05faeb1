"""The daily e-mail to each vendor listing its products at or under their low-stock level."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from shop.mail.services import templated_email_send
from vendors.actors.selectors import vendor_mail_recipients
from vendors.catalogue.products import vendor_low_stock
from vendors.models import LowStockDigest, Vendor, VendorStatus


def low_stock_digest_send(*, vendor_id: int, day=None) -> bool:
    """Send today's digest to the vendor's owners; False if nothing is low or it was sent."""
    day = day or timezone.localdate()
    vendor = Vendor.objects.get(pk=vendor_id)
    products = list(vendor_low_stock(vendor=vendor)[:200])
    if not products:
        return False
    recipients = vendor_mail_recipients(vendor=vendor)
    try:
        with transaction.atomic():
            LowStockDigest.objects.create(vendor=vendor, day=day, products=len(products))
            context = {
                "vendor": vendor,
                "products": products,
                "day": day,
                "site_name": settings.OSCAR_SHOP_NAME,
            }
            with translation.override(settings.LANGUAGE_CODE):
                templated_email_send(
                    template="vendors/emails/low_stock",
                    context=context,
                    recipients=recipients,
                    html=False,
                )
    except IntegrityError:  # already sent today, by this or another worker
        return False
    return True


def low_stock_digest_vendor_ids() -> list[int]:
    return list(Vendor.objects.filter(status=VendorStatus.APPROVED).values_list("pk", flat=True))
