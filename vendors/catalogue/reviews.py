"""Product reviews: who may write one, and what a store reads of its own products'."""

from django.db.models import F, QuerySet
from oscar.core.loading import get_model

from vendors.models import LINE_CANCELLED, Vendor, VendorOrderStatus

Line = get_model("order", "Line")
ProductReview = get_model("reviews", "ProductReview")


def review_permitted(*, user, product) -> bool:
    """A signed-in buyer who received `product` (a line of a delivered store part of
    theirs) and has not reviewed it yet."""
    if not user.is_authenticated:
        return False
    received = (
        Line.objects.filter(
            order__user=user,
            product=product,
            order__vendor_orders__status=VendorOrderStatus.DELIVERED,
            order__vendor_orders__vendor__partner_id=F("partner_id"),
        )
        .exclude(status=LINE_CANCELLED)
        .exists()
    )
    return received and not ProductReview.objects.filter(product=product, user=user).exists()


def vendor_reviews(*, vendor: Vendor) -> QuerySet:
    """Reviews of the products the store sells, newest first."""
    return (
        ProductReview.objects.filter(product__stockrecords__partner_id=vendor.partner_id)
        .select_related("product", "user", "store_reply")
        .order_by("-date_created", "-pk")
    )
