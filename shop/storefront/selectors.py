"""Reads for the home page."""

from django.db.models import Count, Q, QuerySet
from oscar.core.loading import get_model

from shop.apps.search.selectors import product_card_queryset
from vendors.models import Vendor, VendorStatus

Category = get_model("catalogue", "Category")


def category_top_level() -> QuerySet:
    return Category.objects.get_root_nodes().filter(is_public=True).order_by("name")


def store_list_featured(*, limit: int = 12) -> QuerySet:
    """Approved vendors with public products, busiest first."""
    return (
        Vendor.objects.filter(status=VendorStatus.APPROVED)
        .select_related("municipality__province")
        .annotate(
            product_count=Count(
                "partner__stockrecords",
                filter=Q(partner__stockrecords__product__is_public=True),
                distinct=True,
            )
        )
        .filter(product_count__gt=0)
        .order_by("-product_count", "trade_name")[:limit]
    )


def product_list_newest(*, limit: int = 8) -> QuerySet:
    return product_card_queryset().order_by("-date_created", "-id")[:limit]
