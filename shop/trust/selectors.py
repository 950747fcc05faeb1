"""Reads for verification: which stores carry the badge (cached for every page that lists
stores), the operators' queue, a store's documents."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet

from shop.trust.models import (
    ReportOutcome,
    ReviewReport,
    StoreRating,
    StoreReview,
    VendorDocument,
    VendorVerification,
    VerificationStatus,
)

VERIFIED_VENDORS_CACHE_KEY = "trust:verified-vendor-ids"
STORE_RATINGS_CACHE_KEY = "trust:store-ratings"


def verified_vendor_ids() -> frozenset[int]:
    """Ids of the verified stores: one cache read, cleared on every decision, so a page
    listing any number of stores spends no query on their badges."""
    ids = cache.get(VERIFIED_VENDORS_CACHE_KEY)
    if ids is None:
        ids = frozenset(
            VendorVerification.objects.filter(status=VerificationStatus.VERIFIED).values_list(
                "vendor_id", flat=True
            )
        )
        cache.set(VERIFIED_VENDORS_CACHE_KEY, ids, timeout=300)
    return ids


def verified_vendor_ids_forget() -> None:
    cache.delete(VERIFIED_VENDORS_CACHE_KEY)


def vendor_documents(*, vendor) -> QuerySet:
    return VendorDocument.objects.filter(vendor=vendor).order_by("kind", "-uploaded_at", "-pk")


def vendor_verification(*, vendor) -> VendorVerification | None:
    return VendorVerification.objects.filter(vendor=vendor).first()


def verification_queue() -> QuerySet:
    """Every store that asked or was decided on: waiting ones first, oldest request first."""
    return (
        VendorVerification.objects.select_related("vendor__municipality__province")
        .exclude(requested_at__isnull=True)
        .order_by("status", "requested_at", "pk")
    )


def store_ratings() -> dict[int, tuple]:
    """{vendor id: (overall, review count)} of every store with a published review: one
    cache read for a page listing any number of stores, cleared whenever a rating moves."""
    ratings = cache.get(STORE_RATINGS_CACHE_KEY)
    if ratings is None:
        ratings = {
            vendor_id: (overall, count)
            for vendor_id, overall, count in StoreRating.objects.filter(
                review_count__gt=0
            ).values_list("vendor_id", "overall", "review_count")
        }
        cache.set(STORE_RATINGS_CACHE_KEY, ratings, timeout=300)
    return ratings


def store_ratings_forget() -> None:
    cache.delete(STORE_RATINGS_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(STORE_RATINGS_CACHE_KEY))


def store_reviews_published(*, vendor) -> QuerySet:
    return StoreReview.objects.filter(vendor=vendor, is_published=True).select_related("user")


def vendor_store_reviews(*, vendor) -> QuerySet:
    """Every review of the store, removed ones too, for its own dashboard."""
    return StoreReview.objects.filter(vendor=vendor).select_related("user", "vendor_order")


def open_review_reports() -> QuerySet:
    return ReviewReport.objects.filter(outcome=ReportOutcome.OPEN).select_related(
        "vendor", "store_review__user", "product_review__product", "product_review__user"
    )
