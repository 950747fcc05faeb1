"""The daily e-mail to each vendor listing its products at or under their low-stock level."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from vendors.models import LowStockDigest, MembershipRole, Vendor, VendorStatus
from vendors.products import vendor_low_stock


def low_stock_digest_send(*, vendor_id: int, day=None) -> bool:
    """Send today's digest to the vendor's owners; False if nothing is low or it was sent."""
    day = day or timezone.localdate()
    vendor = Vendor.objects.get(pk=vendor_id)
    products = list(vendor_low_stock(vendor=vendor)[:200])
    if not products:
        return False
    recipients = sorted(
        set(vendor.memberships.filter(role=MembershipRole.OWNER).values_list("user__email",
                                                                             flat=True))
        | {vendor.email}
    )
    try:
        with transaction.atomic():
            LowStockDigest.objects.create(vendor=vendor, day=day, products=len(products))
            context = {"vendor": vendor, "products": products, "day": day,
                       "site_name": settings.OSCAR_SHOP_NAME}
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string("vendors/emails/low_stock_subject.txt", context).strip()
                body = render_to_string("vendors/emails/low_stock_body.txt", context)
            send_mail(subject, body, None, recipients)
    except IntegrityError:  # already sent today, by this or another worker
        return False
    return True


def low_stock_digest_vendor_ids() -> list[int]:
    return list(Vendor.objects.filter(status=VendorStatus.APPROVED).values_list("pk", flat=True))
