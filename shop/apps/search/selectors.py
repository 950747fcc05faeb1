"""Reads for the product lists: browse, category and search pages.

Each returns a queryset whose rendering costs a constant number of queries
per page, whatever the page size: everything a product card shows is
selected or prefetched here.
"""

from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from shop.apps.search.forms import ProductSort

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

MAX_SEARCH_TERMS = 8

ORDERING = {
    ProductSort.NEWEST: ("-date_created", "-id"),
    ProductSort.PRICE_LOW_TO_HIGH: ("min_price", "id"),
    ProductSort.PRICE_HIGH_TO_LOW: ("-min_price", "-id"),
    ProductSort.TITLE_A_TO_Z: ("title", "id"),
    ProductSort.TITLE_Z_TO_A: ("-title", "-id"),
}


def product_card_queryset() -> QuerySet:
    """Browsable products with everything a product card renders, in a fixed
    number of queries: Oscar's `base_queryset` annotations, images, and the
    stock records with their store."""
    return (
        Product.objects.browsable()
        .base_queryset()
        .prefetch_related(None)
        .prefetch_related(
            "images",
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
        )
    )


def product_list(*, category=None, query: str = "", sort: str = "") -> QuerySet:
    """Browsable products, optionally within a category (and its descendants)
    and matching every word of `query`, in the requested order."""
    products = product_card_queryset().annotate(min_price=Min("stockrecords__price"))
    if category is not None:
        in_category = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__path__startswith=category.path
        )
        products = products.filter(Exists(in_category))
    for term in query.split()[:MAX_SEARCH_TERMS]:
        products = products.filter(Q(title__icontains=term) | Q(description__icontains=term))
    return products.order_by(*ORDERING.get(sort, ("-date_created", "-id")))
