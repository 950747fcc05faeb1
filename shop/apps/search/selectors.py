"""Reads for the product lists: browse, category and search pages.

Each returns a queryset whose rendering costs a constant number of queries
per page, whatever the page size: everything a product card shows is
selected or prefetched here.
"""

import functools
import hashlib

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, QuerySet
from oscar.core.loading import get_model

from logistics.territory import territory
from shop.apps.catalogue.versions import CATEGORIES, LISTINGS, catalogue_cached
from shop.apps.search.engine import product_search_ids
from shop.apps.search.forms import ProductSort
from vendors.models import VendorStatus

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

MAX_SEARCH_TERMS = 8

# Sorting by price needs each product's lowest price: an aggregate over the stock records of
# every matching product, paid only by the lists sorted so.
BY_PRICE = {ProductSort.PRICE_LOW_TO_HIGH, ProductSort.PRICE_HIGH_TO_LOW}
ORDERING = {
    ProductSort.NEWEST: ("-date_created", "-id"),
    ProductSort.PRICE_LOW_TO_HIGH: ("min_price", "id"),
    ProductSort.PRICE_HIGH_TO_LOW: ("-min_price", "-id"),
    ProductSort.TITLE_A_TO_Z: ("title", "id"),
    ProductSort.TITLE_Z_TO_A: ("-title", "-id"),
}


def product_card_queryset(*, sold_by_approved_only: bool = True) -> QuerySet:
    """Browsable products sold by an approved vendor, with everything a product
    card renders in a fixed number of queries: Oscar's `base_queryset`
    annotations, images, and the approved stock records with their vendor.
    `sold_by_approved_only=False`: every browsable product, with all its stock records.

    Building it (annotations, the `Exists` filter, the prefetches) costs about half a
    millisecond, which every listing page paid even when its cards came from the cache:
    it is built once per process and each call gets a fresh copy (`.all()`, never
    evaluated, so nothing is shared between requests but the query's shape)."""
    return _product_card_queryset(sold_by_approved_only).all()


@functools.cache
def _product_card_queryset(sold_by_approved_only: bool) -> QuerySet:
    stock = StockRecord.objects.all()
    products = Product.objects.browsable().base_queryset()
    if sold_by_approved_only:
        stock = stock.filter(partner__vendor__status=VendorStatus.APPROVED)
        products = products.filter(Exists(stock.filter(product=OuterRef("pk"))))
    return products.prefetch_related(None).prefetch_related(
        "images",
        Prefetch(
            "stockrecords",
            queryset=stock.select_related("partner__vendor__municipality__province").order_by("id"),
        ),
    )


def category_for_page(*, pk: int):
    """The category a category page lists, kept until the categories change. Raises
    Category.DoesNotExist."""
    return catalogue_cached(
        "category", str(pk), lambda: Category.objects.get(pk=pk), scope=CATEGORIES
    )


def product_list(
    *, category=None, query: str = "", sort: str = "", vendor=None, province=None
) -> QuerySet:
    """Browsable products, optionally within a category (and its descendants),
    sold by one vendor or by vendors of one province, and matching every word
    of `query` in the search index, in the requested order."""
    products = product_card_queryset()
    if sort in BY_PRICE:
        products = products.annotate(min_price=Min("stockrecords__price"))
    if vendor is not None:
        products = products.filter(
            Exists(StockRecord.objects.filter(product=OuterRef("pk"), partner=vendor.partner_id))
        )
    if province is not None:
        products = products.filter(
            Exists(
                StockRecord.objects.filter(
                    product=OuterRef("pk"),
                    partner__vendor__province=province,
                    partner__vendor__status=VendorStatus.APPROVED,
                )
            )
        )
    if category is not None:
        in_category = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__path__startswith=category.path
        )
        products = products.filter(Exists(in_category))
    if query.strip():
        products = products.filter(pk__in=product_search_ids(query=query))
    return products.order_by(*ORDERING.get(sort, ("-date_created", "-id")))


def products_in_order(*, product_ids: list[int]) -> list:
    """The product cards of these products, in this order (those no longer for sale left
    out): three queries, whatever their number."""
    by_id = {product.pk: product for product in product_card_queryset().filter(pk__in=product_ids)}
    return [by_id[pk] for pk in product_ids if pk in by_id]


def product_list_key(
    *, category=None, query: str = "", sort: str = "", vendor=None, province=None
) -> str:
    """What `product_list` with the same arguments lists, in a few characters: the cache
    keys of its count and its pages."""
    arguments = (
        getattr(category, "pk", None),
        getattr(vendor, "pk", None),
        getattr(province, "pk", None),
        " ".join(query.split()[:MAX_SEARCH_TERMS]),
        sort,
    )
    return hashlib.md5(repr(arguments).encode(), usedforsecurity=False).hexdigest()


def product_search_key(*, filters, sort: str = "") -> str:
    """What a search (`engine.product_search` with these filters and sort) lists, in a few
    characters: the cache key of its cards, as `product_list_key` is for the lists."""
    return hashlib.md5(repr((filters, sort)).encode(), usedforsecurity=False).hexdigest()


def product_count_by_province() -> list[tuple]:
    """[(Province, number of browsable products its approved vendors sell)], one query
    plus the province list, kept until what the lists hold changes."""
    return catalogue_cached("provinces", "all", _product_count_by_province, scope=LISTINGS)


def _product_count_by_province() -> list[tuple]:
    counts = dict(
        StockRecord.objects.filter(
            partner__vendor__status=VendorStatus.APPROVED,
            product__is_public=True,
            product__parent__isnull=True,
        )
        .values_list("partner__vendor__province")
        .annotate(products=Count("product", distinct=True))
        .order_by()
    )
    return [
        (province, counts[province.pk])
        for province in territory().provinces
        if counts.get(province.pk)
    ]
