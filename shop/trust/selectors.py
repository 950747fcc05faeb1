"""Reads for verification: which stores carry the badge (cached for every page that lists
stores), the operators' queue, a store's documents."""

from django.core.cache import cache
from django.db.models import QuerySet

from shop.trust.models import VendorDocument, VendorVerification, VerificationStatus

VERIFIED_VENDORS_CACHE_KEY = "trust:verified-vendor-ids"


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
