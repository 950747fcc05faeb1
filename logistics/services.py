"""Writes for logistics: a vendor's delivery zones and pickup points."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from logistics.error_codes import LogisticsErrorCode
from logistics.models import DeliveryZone, Municipality, PickupPoint, Province
from shop.core.errors import DomainError


@dataclass(frozen=True)
class DeliveryZoneData:
    name: str
    provinces: tuple[Province, ...]
    municipalities: tuple[Municipality, ...]
    price: Decimal
    price_per_kg: Decimal
    minimum_order: Decimal
    is_active: bool


@dataclass(frozen=True)
class PickupPointData:
    name: str
    municipality: Municipality
    address: str
    hours: str
    is_active: bool


@transaction.atomic
def delivery_zone_save(
    *, vendor, data: DeliveryZoneData, zone: DeliveryZone | None = None
) -> DeliveryZone:
    """Create a zone for `vendor`, or update `zone` (one of the vendor's, as the
    caller found it with `vendor_delivery_zone_get`)."""
    if zone is None:
        zone = DeliveryZone(vendor=vendor)
    elif zone.vendor_id != vendor.pk:
        raise ValueError("the zone belongs to another vendor")
    zone.name = data.name
    zone.price = data.price
    zone.price_per_kg = data.price_per_kg
    zone.minimum_order = data.minimum_order
    zone.is_active = data.is_active
    zone.save()
    zone.provinces.set(data.provinces)
    zone.municipalities.set(data.municipalities)
    return zone


def pickup_point_save(
    *, vendor, data: PickupPointData, point: PickupPoint | None = None
) -> PickupPoint:
    """Create a pickup point for `vendor`, or update `point` (one of the vendor's)."""
    if point is None:
        point = PickupPoint(vendor=vendor)
    elif point.vendor_id != vendor.pk:
        raise ValueError("the pickup point belongs to another vendor")
    point.name = data.name
    point.municipality = data.municipality
    point.address = data.address
    point.hours = data.hours
    point.is_active = data.is_active
    point.save()
    return point


def delivery_place_activate(*, place: DeliveryZone | PickupPoint, is_active: bool) -> None:
    """Offer a zone or pickup point to buyers again, or stop offering it."""
    type(place).objects.filter(pk=place.pk).update(is_active=is_active)


def delivery_place_delete(*, place: DeliveryZone | PickupPoint) -> None:
    """Delete a zone or pickup point; one that something still refers to can only
    be deactivated."""
    try:
        place.delete()
    except (ProtectedError, RestrictedError) as error:
        raise DomainError(
            _("%(name)s is still in use, so it cannot be deleted: deactivate it instead.")
            % {"name": place.name},
            code=LogisticsErrorCode.IN_USE,
        ) from error
