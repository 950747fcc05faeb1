"""Reads of the search index: products matching a query and filters, ranked, with the
facet counts that follow them, "Did you mean …?" when nothing matches, and the vendors
matching a directory query. One engine for the search page, a store's own search and
the directory of economic actors."""

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet, Value
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.apps.search.backends import closest_word, search_backend
from shop.apps.search.facets import facet_counts, price_range_condition
from shop.apps.search.forms import ProductSort
from shop.apps.search.indexing import search_index_version
from shop.apps.search.models import ProductSearchDocument, VendorSearchDocument
from shop.apps.search.text import query_terms
from shop.core.money import money_format
from vendors.models import ActorType

Category = get_model("catalogue", "Category")


@dataclass(frozen=True)
class PriceRange:
    key: str
    low: Decimal | None
    high: Decimal | None


# In the shop's currency; the last one has no upper bound.
PRICE_RANGES = (
    PriceRange("0-100", None, Decimal(100)),
    PriceRange("100-500", Decimal(100), Decimal(500)),
    PriceRange("500-1000", Decimal(500), Decimal(1000)),
    PriceRange("1000-5000", Decimal(1000), Decimal(5000)),
    PriceRange("5000-", Decimal(5000), None),
)
PRICE_RANGE_BY_KEY = {price_range.key: price_range for price_range in PRICE_RANGES}
FACET_NAMES = ("category", "province", "vendor", "actor_type", "price")
FACETS_CACHE_SECONDS = 300

ORDERING = {
    ProductSort.RELEVANCY: ("-rank", "-in_stock", "-date_created", "-product_id"),
    ProductSort.NEWEST: ("-date_created", "-product_id"),
    ProductSort.PRICE_LOW_TO_HIGH: ("price", "product_id"),
    ProductSort.PRICE_HIGH_TO_LOW: ("-price", "-product_id"),
    ProductSort.TITLE_A_TO_Z: ("title", "product_id"),
    ProductSort.TITLE_Z_TO_A: ("-title", "-product_id"),
}


@dataclass(frozen=True)
class ProductSearchFilters:
    """What a shopper asked for, as the index stores it (no lookup needed): a category's
    tree path (its descendants included), a province's and a store's slug, an actor
    type, a PRICE_RANGES key."""

    query: str = ""
    category_path: str = ""
    category_id: str = ""
    province: str = ""
    vendor: str = ""
    actor_type: str = ""
    price: str = ""


@dataclass(frozen=True)
class FacetValue:
    """One value of a filter with the number of results it would give: `value` goes in
    the URL, `label` is what people read."""

    value: str
    label: str
    count: int
    selected: bool


class RankedProductIds(Sequence):
    """The ids of a search's products in the order asked for, read a page at a time:
    each page is kept under the index's version, as the facet counts are, so the same
    search asked again (by anybody, until the index changes) ranks nothing again."""

    def __init__(self, documents: QuerySet, *, cache_key: str, count: int):
        self.documents = documents
        self.cache_key = cache_key
        self.total = count

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.total)
        return cache.get_or_set(
            f"{self.cache_key}:{start}:{stop}",
            lambda: list(self.documents[start:stop].values_list("product_id", flat=True)),
            FACETS_CACHE_SECONDS,
        )


@dataclass(frozen=True)
class ProductSearchResult:
    documents: QuerySet  # ProductSearchDocument, in the order asked for
    product_ids: RankedProductIds  # their ids, a page at a time, cached
    count: int
    facets: dict[str, list[FacetValue]]
    # The query these results are for: the shopper's, or the suggestion's when the
    # shopper's found nothing and a close spelling does.
    query: str
    suggestion: str = ""


def product_search(*, filters: ProductSearchFilters, sort: str = "") -> ProductSearchResult:
    """Two queries: the facets, with the total among them, and the page the caller slices
    from `product_ids` (or `documents`). Two more when nothing matches: the close words,
    and the facets of the suggestion (whose documents are then the page's). None of them
    when the same search was made since the index last changed."""
    result = _product_search(filters=filters, sort=sort)
    if result.count or not filters.query:
        return result
    suggestion = query_suggestion(query=filters.query)
    if not suggestion:
        return result
    suggested = _product_search(filters=replace(filters, query=suggestion), sort=sort)
    if not suggested.count:
        return result
    return replace(suggested, suggestion=suggestion)


def product_search_ids(*, query: str) -> QuerySet:
    """Ids of the products whose document matches every word of `query` (a subquery)."""
    terms = query_terms(query)
    documents = ProductSearchDocument.objects.all()
    if terms:
        documents = search_backend().match(documents, terms, heading="title_folded")
    return documents.values("product_id")


def vendor_search_ids(*, query: str) -> QuerySet:
    """Ids of the approved vendors whose directory document matches every word of `query`."""
    terms = query_terms(query)
    documents = VendorSearchDocument.objects.all()
    if terms:
        documents = search_backend().match(documents, terms, heading="name_folded")
    return documents.values("vendor_id")


def query_suggestion(*, query: str) -> str:
    """The query with each unknown word replaced by the closest word of the vocabulary,
    or "" when there is nothing better to suggest. One query, none when asked again
    before the index changes."""
    terms = query_terms(query)
    if not terms:
        return ""
    return cache.get_or_set(
        _index_cache_key("suggestion", (terms,)),
        lambda: _suggestion(terms),
        FACETS_CACHE_SECONDS,
    )


def _suggestion(terms: list[str]) -> str:
    candidates = search_backend().close_word_candidates(terms)
    suggested = [closest_word(term, candidates) or term for term in terms]
    return " ".join(suggested) if suggested != terms else ""


def _product_search(*, filters: ProductSearchFilters, sort: str) -> ProductSearchResult:
    terms = query_terms(filters.query)
    # A suspended store's documents go with the task its suspension sends after commit;
    # until then its products are counted but not shown (products_in_order checks).
    documents = ProductSearchDocument.objects.all()
    if terms:
        documents = search_backend().match(documents, terms, heading="title_folded")
    else:
        documents = documents.annotate(rank=Value(0.0))
    counts = _facet_counts_cached(documents, filters, terms)
    total = sum(count for _value, _label, count in counts.pop("total", []))
    ordering = (
        ORDERING.get(sort) or ORDERING[ProductSort.RELEVANCY if terms else ProductSort.NEWEST]
    )
    documents = _filtered(documents, filters).only("product_id", "title").order_by(*ordering)
    return ProductSearchResult(
        documents=documents,
        product_ids=RankedProductIds(
            documents,
            cache_key=_index_cache_key("page", (terms, replace(filters, query=""), ordering)),
            count=total,
        ),
        count=total,
        facets=_facet_values(counts, filters),
        query=filters.query,
    )


def _filtered(documents: QuerySet, filters: ProductSearchFilters) -> QuerySet:
    if filters.category_path:
        documents = documents.filter(category_paths__contains=f" {filters.category_path}")
    if filters.province:
        documents = documents.filter(province_slug=filters.province)
    if filters.vendor:
        documents = documents.filter(vendor_slug=filters.vendor)
    if filters.actor_type:
        documents = documents.filter(actor_type=filters.actor_type)
    price_range = PRICE_RANGE_BY_KEY.get(filters.price)
    if price_range is not None:
        documents = documents.filter(price_range_condition(price_range))
    return documents


def _facet_counts_cached(documents: QuerySet, filters: ProductSearchFilters, terms) -> dict:
    """The facet counts are the same for everyone who asks the same, until the index
    changes (indexing.py starts a new version): kept FACETS_CACHE_SECONDS."""
    key = _index_cache_key("facets", (terms, replace(filters, query="")))
    counts = cache.get(key)
    if counts is None:
        counts = _facet_counts(documents, filters)
        cache.set(key, counts, FACETS_CACHE_SECONDS)
    return {name: list(values) for name, values in counts.items()}


def _index_cache_key(kind: str, asked: tuple) -> str:
    """A key for what a search read from the index, good until the index changes. The
    query goes in as its folded terms: "Café" and "cafe" share it."""
    digest = hashlib.sha1(repr(asked).encode()).hexdigest()
    return f"search:{kind}:{search_index_version()}:{digest}"


def _facet_counts(documents: QuerySet, filters: ProductSearchFilters) -> dict[str, list]:
    """Every facet's counts, each over the documents matching the query and the other
    filters, and the total over all of them: one query (facets.py)."""
    top_level = len(filters.category_path) <= Category.steplen
    if filters.category_path and not top_level:
        # A category below the top level: its facet lists only top-level categories.
        documents = documents.filter(category_paths__contains=f" {filters.category_path}")
    chosen = {}
    if filters.category_id and top_level and filters.category_id.isdigit():
        chosen["category"] = Q(category_id=int(filters.category_id))
    if filters.province:
        chosen["province"] = Q(province_slug=filters.province)
    if filters.vendor:
        chosen["vendor"] = Q(vendor_slug=filters.vendor)
    if filters.actor_type:
        chosen["actor_type"] = Q(actor_type=filters.actor_type)
    price_range = PRICE_RANGE_BY_KEY.get(filters.price)
    if price_range is not None:
        chosen["price"] = price_range_condition(price_range)
    return facet_counts(documents, chosen, PRICE_RANGES)


def _facet_values(counts: dict[str, list], filters: ProductSearchFilters) -> dict:
    selected = {
        "category": filters.category_id,
        "province": filters.province,
        "vendor": filters.vendor,
        "actor_type": filters.actor_type,
        "price": filters.price,
    }
    labels = {
        "actor_type": dict(ActorType.choices),
        "price": _price_labels(translation.get_language(), settings.OSCAR_DEFAULT_CURRENCY),
    }
    facets = {}
    for name in FACET_NAMES:
        values = [
            FacetValue(
                value, str(labels.get(name, {}).get(value, label)), count, value == selected[name]
            )
            for value, label, count in counts.get(name, [])
        ]
        if name == "price":
            order = list(PRICE_RANGE_BY_KEY)
            values.sort(key=lambda facet: order.index(facet.value))
        else:
            values.sort(key=lambda facet: (-facet.count, facet.label))
        facets[name] = values
    return facets


@functools.cache
def _price_labels(language: str, currency: str) -> dict[str, str]:
    """The price ranges' labels in `language`: the same on every search."""
    with translation.override(language):
        return {
            price_range.key: price_range_label(price_range, currency)
            for price_range in PRICE_RANGES
        }


def price_range_label(price_range: PriceRange, currency: str | None = None) -> str:
    def money(amount):
        return money_format(amount, currency)

    if price_range.low is None:
        return _("Up to %(high)s") % {"high": money(price_range.high)}
    if price_range.high is None:
        return _("%(low)s or more") % {"low": money(price_range.low)}
    return _("%(low)s to %(high)s") % {
        "low": money(price_range.low),
        "high": money(price_range.high),
    }
