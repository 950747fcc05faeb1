"""Product moderation: a new store's first products wait "en revisión" until an operator
approves them (settings.PRODUCT_REVIEW_FIRST_PRODUCTS of them; 0, the default: none
waits), and an operator removes any product with a reason the store reads on its product
list and by e-mail. A product waiting or removed is not public, so no list, search or
product page shows it (the catalogue's browsable queryset and the search index read
`is_public`); what the store asks for is applied once an operator approves it."""

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.core.links import absolute_url
from shop.mail.services import templated_email_send
from vendors.actors.selectors import vendor_mail_recipients
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import ProductModerationRefused
from vendors.models import ProductModeration, ProductModerationStatus, Vendor

Product = get_model("catalogue", "Product")

# While its moderation is one of these, a product stays hidden whatever the store asks.
HELD = (ProductModerationStatus.PENDING, ProductModerationStatus.REMOVED)


def product_review_hold(*, vendor: Vendor, product) -> bool:
    """Called as the store creates `product` (its stock record made): one of the store's
    first PRODUCT_REVIEW_FIRST_PRODUCTS products waits for an operator, hidden. True if
    it waits."""
    first = getattr(settings, "PRODUCT_REVIEW_FIRST_PRODUCTS", 0)
    if first <= 0:
        return False
    # The store's row serialises its count: two products created at once are counted apart.
    Vendor.objects.select_for_update().filter(pk=vendor.pk).first()
    if Product.objects.filter(stockrecords__partner_id=vendor.partner_id).count() > first:
        return False
    ProductModeration.objects.create(product=product, vendor=vendor)
    _publish(product.pk, False)
    product.is_public = False
    return True


def product_is_held(*, product) -> bool:
    return ProductModeration.objects.filter(product=product, status__in=HELD).exists()


def products_under_review() -> QuerySet:
    """The products waiting for an operator, oldest first, with their store."""
    return (
        ProductModeration.objects.filter(status=ProductModerationStatus.PENDING)
        .select_related("product", "vendor")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def product_review_approve(*, product_id: int, operator) -> ProductModeration:
    """The operator approves a product under review: it is published."""
    moderation = (
        ProductModeration.objects.select_for_update()
        .filter(product_id=product_id, status=ProductModerationStatus.PENDING)
        .first()
    )
    if moderation is None:
        raise ProductModerationRefused(
            _("This product is not under review."), code=VendorErrorCode.NOT_UNDER_REVIEW
        )
    moderation.status = ProductModerationStatus.APPROVED
    moderation.decided_by, moderation.decided_at = operator, timezone.now()
    moderation.save(update_fields=["status", "decided_by", "decided_at"])
    _publish(product_id, True)
    return moderation


@transaction.atomic
def product_remove(*, product_id: int, operator, reason: str) -> ProductModeration:
    """The operator takes a product off the site with a reason; its store is told by
    e-mail and reads the reason on its product list. The store cannot publish it again."""
    reason = reason.strip()
    if not reason:
        raise ProductModerationRefused(
            _("Give a reason: the store reads it."), code=VendorErrorCode.REASON_REQUIRED
        )
    product = Product.objects.select_for_update().get(pk=product_id)
    record = product.stockrecords.select_related("partner__vendor").first()
    if record is None:
        raise Product.DoesNotExist
    vendor = record.partner.vendor
    moderation, _created = ProductModeration.objects.update_or_create(
        product=product,
        defaults={
            "vendor": vendor,
            "status": ProductModerationStatus.REMOVED,
            "reason": reason,
            "decided_by": operator,
            "decided_at": timezone.now(),
        },
    )
    _publish(product_id, False)
    with translation.override(settings.LANGUAGE_CODE):
        templated_email_send(
            template="vendors/emails/product_removed",
            context={
                "product": product,
                "vendor": vendor,
                "reason": reason,
                "link": absolute_url(
                    reverse("vendor_dashboard:product-list", kwargs={"vendor_slug": vendor.slug})
                ),
                "site_name": settings.OSCAR_SHOP_NAME,
            },
            recipients=vendor_mail_recipients(vendor=vendor),
            html=False,
        )
    return moderation


def _publish(product_id: int, is_public: bool) -> None:
    # Saved, not updated: the search index and the catalogue's caches follow a save.
    product = Product.objects.get(pk=product_id)
    product.is_public = is_public
    product.save(update_fields=["is_public", "date_updated"])
