"""Reads for logistics: a vendor's delivery zones and pickup points."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from logistics.models import DeliveryZone, Municipality, PickupPoint


def vendor_delivery_zones(*, vendor) -> QuerySet:
    """The vendor's zones with the provinces and municipalities they cover, in three
    queries however many zones there are."""
    return DeliveryZone.objects.filter(vendor=vendor).prefetch_related(
        "provinces",
        Prefetch("municipalities", queryset=Municipality.objects.select_related("province")),
    )


def vendor_delivery_zone_get(*, vendor, pk: int) -> DeliveryZone:
    """The vendor's zone `pk`, or 404: another vendor's zone does not exist here."""
    return get_object_or_404(vendor_delivery_zones(vendor=vendor), pk=pk)


def vendor_pickup_points(*, vendor) -> QuerySet:
    return PickupPoint.objects.filter(vendor=vendor).select_related("municipality__province")


def vendor_pickup_point_get(*, vendor, pk: int) -> PickupPoint:
    """The vendor's pickup point `pk`, or 404."""
    return get_object_or_404(vendor_pickup_points(vendor=vendor), pk=pk)
