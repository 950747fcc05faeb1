"""Reads for the home page."""

from django.db.models import Count, Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from shop.apps.search.selectors import product_card_queryset

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
PartnerAddress = get_model("partner", "PartnerAddress")


def category_top_level() -> QuerySet:
    return Category.objects.get_root_nodes().filter(is_public=True).order_by("name")


def store_list_featured(*, limit: int = 12) -> QuerySet:
    """Stores with public products, busiest first, each with its address."""
    return (
        Partner.objects.annotate(
            product_count=Count(
                "stockrecords",
                filter=Q(stockrecords__product__is_public=True),
                distinct=True,
            )
        )
        .filter(product_count__gt=0)
        .prefetch_related(Prefetch("addresses", queryset=PartnerAddress.objects.all()))
        .order_by("-product_count", "name")[:limit]
    )


def product_list_newest(*, limit: int = 8) -> QuerySet:
    return product_card_queryset().order_by("-date_created", "-id")[:limit]
