"""The catalogue's version: one number in the cache that moves on whenever something the
product lists show changes (a product, its stock or price, its pictures or categories, its
store). What the lists compute over the whole catalogue (counts, facets, rendered cards) is
cached under a key holding the version, so a change makes every such entry unreachable at
once, without knowing which; the old ones expire on their own. Whole pages kept for visitors
without a session (shop/storefront/page_cache.py) hold every version.

The version moves when the change is saved and again when its transaction commits: a page
read between the two may have cached what was there before, under the new version."""

import functools
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

# What moves each version: every change to a listed product, its stock, pictures, categories
# or store moves CATALOGUE (the cards, the product page). LISTINGS moves only with what
# decides which products a list holds (a product's text or visibility, a store's status, a
# stock record made, moved or removed, categories): the counts and facets, computed over the
# whole catalogue, outlive the most frequent changes, prices and stock levels. A change to the
# category tree or to a product's categories also moves CATEGORIES, which is all the
# category menus and trails depend on. PAGES moves with what else a whole page shows (a
# store's rating, courses and linkages, offers, flat pages): the pages cached whole for
# visitors without a session (shop/storefront/page_cache.py) are kept under every version.
CATALOGUE = "catalogue"
LISTINGS = "listings"
CATEGORIES = "categories"
PAGES = "pages"
SCOPES = (CATALOGUE, LISTINGS, CATEGORIES, PAGES)
# Bounds what a change made without a signal (a bulk update elsewhere) leaves stale.
CACHE_SECONDS = 300

T = TypeVar("T")


def version_key(scope: str) -> str:
    """The cache key of a scope's version, for a reader that fetches it in the same round
    trip as what it guards."""
    return f"{scope}:version"


# A listing page asks for the versions four times (its count, its facets, its menu, its
# cards): within one request they are read from the cache once, all of them in one round trip,
# and kept until the request ends or a version moves. Outside a request (tasks, commands)
# every read goes to the cache.
_request = threading.local()


def _request_started(**kwargs) -> None:
    _request.versions = {}


def _request_finished(**kwargs) -> None:
    _request.versions = None


def catalogue_version(scope: str = CATALOGUE) -> int:
    versions = getattr(_request, "versions", None)
    if versions is not None:
        if not versions:
            read = cache.get_many([version_key(each) for each in SCOPES])
            versions.update(
                {each: read[version_key(each)] for each in SCOPES if version_key(each) in read}
            )
            versions[None] = True  # read once, whatever was found
        if scope in versions:
            return versions[scope]
    version = cache.get(version_key(scope))
    if version is None:
        # A version never used before, even if the cache lost the last one.
        version = time.time_ns()
        if not cache.add(version_key(scope), version, timeout=None):
            version = cache.get(version_key(scope), version)
    if versions is not None:
        versions[scope] = version
    return version


def _versions_move(scopes: tuple[str, ...]) -> None:
    versions = getattr(_request, "versions", None)
    if versions:
        versions.clear()
    for scope in scopes:
        try:
            cache.incr(version_key(scope))
        except ValueError:  # not in the cache: the next read starts a new one
            pass


def catalogue_version_bump(*scopes: str) -> None:
    """What the product lists show has changed: forget every count, facet and card
    (and with CATEGORIES, every category menu and trail)."""
    scopes = scopes or (CATALOGUE,)
    _versions_move(scopes)
    transaction.on_commit(lambda: _versions_move(scopes))


def catalogue_cached(
    name: str, vary: str, compute: Callable[[], T], *, scope: str = CATALOGUE
) -> T:
    """`compute()`, kept until the catalogue (or `scope`) changes, or CACHE_SECONDS pass."""
    key = f"{scope}:{catalogue_version(scope)}:{name}:{vary}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def _bump(scopes: tuple[str, ...], sender, **kwargs) -> None:
    if not kwargs.get("raw", False):
        catalogue_version_bump(*scopes)


# A stock record saved with only these fields changes what a card shows, not which list
# holds the product.
STOCK_AND_PRICE_FIELDS = frozenset(
    {"num_in_stock", "num_allocated", "low_stock_threshold", "price", "price_currency"}
    | {"date_updated"}
)


def _stockrecord_saved(sender, created=False, update_fields=None, **kwargs) -> None:
    if kwargs.get("raw", False):
        return
    if created or update_fields is None or not set(update_fields) <= STOCK_AND_PRICE_FIELDS:
        catalogue_version_bump(CATALOGUE, LISTINGS)
    else:
        catalogue_version_bump(CATALOGUE)


def connect() -> None:
    from vendors.models import Vendor

    listed = (CATALOGUE, LISTINGS)
    changes = [
        (get_model("catalogue", "Product"), listed),
        (get_model("catalogue", "ProductImage"), (CATALOGUE,)),
        # The product page shows these too (weight, number of reviews, included tax).
        (get_model("catalogue", "ProductAttributeValue"), (CATALOGUE,)),
        (get_model("reviews", "ProductReview"), (CATALOGUE,)),
        (apps.get_model("invoices", "InvoiceSettings"), (CATALOGUE,)),
        (get_model("partner", "Partner"), (CATALOGUE,)),
        (Vendor, listed),
        (get_model("catalogue", "Category"), SCOPES),
        (get_model("catalogue", "ProductCategory"), SCOPES),
    ]
    # What else the whole pages show: a store's badge, rating, reviews, courses, linkages and
    # answers to requests, the stores' replies to product reviews, moderation, offers and
    # ranges, flat pages.
    changes += [
        (apps.get_model(app_label, model_name), (PAGES,))
        for app_label, model_name in (
            ("trust", "VendorVerification"),
            ("trust", "StoreReview"),
            ("trust", "StoreRating"),
            ("trust", "ProductReviewReply"),
            ("vendors", "ProductModeration"),
            ("vendors", "Sector"),
            ("vendors", "VendorMembership"),
            ("classroom", "Course"),
            ("classroom", "CourseCompletion"),
            ("linkages", "Deal"),
            ("sourcing", "SourcingNotice"),
            ("sourcing", "SourcingOffer"),
            ("offer", "ConditionalOffer"),
            ("offer", "Range"),
            ("offer", "RangeProduct"),
            ("flatpages", "FlatPage"),
        )
    ]
    relations = [
        (get_model("catalogue", "Product").categories.through, SCOPES),
        # A store's sectors and categories, offered and needed; a flat page's sites.
        *(
            (getattr(Vendor, field).through, (PAGES,))
            for field in ("sectors", "need_sectors", "offer_categories", "need_categories")
        ),
        (apps.get_model("flatpages", "FlatPage").sites.through, (PAGES,)),
    ]
    request_started.connect(_request_started, weak=False, dispatch_uid="catalogue.version.request")
    request_finished.connect(
        _request_finished, weak=False, dispatch_uid="catalogue.version.request"
    )
    StockRecord = get_model("partner", "StockRecord")
    post_save.connect(
        _stockrecord_saved, sender=StockRecord, weak=False, dispatch_uid="catalogue.version.stock"
    )
    post_delete.connect(
        functools.partial(_bump, listed),
        sender=StockRecord,
        weak=False,
        dispatch_uid="catalogue.version.stock",
    )
    for model, scopes in changes:
        for signal in (post_save, post_delete):
            signal.connect(
                functools.partial(_bump, scopes),
                sender=model,
                weak=False,
                dispatch_uid=f"catalogue.version.{model.__name__}",
            )
    for through, scopes in relations:
        m2m_changed.connect(
            functools.partial(_bump, scopes),
            sender=through,
            weak=False,
            dispatch_uid=f"catalogue.version.{through.__name__}",
        )
