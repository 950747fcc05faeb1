"""Reads for the national carriers: the operators' list, a store's choices, the points
near a store, and which carrier a placed part chose."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from logistics.models import Shipment, TrackingStatus
from logistics.national.models import (
    ConsolidatedPart,
    NationalCarrier,
    NationalPoint,
    PointKind,
    StoreCarrier,
)
from logistics.national.offers import national_carrier_names
from vendors.models import VendorOrder

# How a part's delivery code names a national carrier: home-nat<id> or home-natc<id>, or
# one of its points: pickup-natp<point id>.
CODE_PREFIXES = ("home-natc", "home-nat")
POINT_PREFIX = "pickup-natp"


def national_carriers_overview():
    """Every carrier with its table's size, its points and its stores, in one query."""
    return NationalCarrier.objects.annotate(
        rate_count=Count("rates", distinct=True),
        point_count=Count("points", distinct=True),
        store_count=Count("stores", filter=Q(stores__is_active=True), distinct=True),
    ).order_by("name", "id")


def national_carrier_get(*, pk: int) -> NationalCarrier:
    return get_object_or_404(NationalCarrier, pk=pk)


def store_carrier_choices(*, vendor) -> list:
    """The active, connected carriers, each marked with whether the store sends
    through it (`chosen`)."""
    return list(
        NationalCarrier.objects.filter(is_active=True, code__in=national_carrier_names())
        .annotate(
            chosen=Exists(
                StoreCarrier.objects.filter(vendor=vendor, carrier=OuterRef("pk"), is_active=True)
            )
        )
        .order_by("name", "id")
    )


def drop_off_points_near(*, vendor, carrier_ids) -> dict[int, list[NationalPoint]]:
    """{carrier id: its drop-off points in the store's province}."""
    points = {}
    for point in (
        NationalPoint.objects.filter(
            carrier_id__in=carrier_ids,
            is_active=True,
            kind__in=(PointKind.DROP_OFF, PointKind.BOTH),
            municipality__province_id=vendor.province_id,
        )
        .select_related("municipality")
        .order_by("name", "id")
    ):
        points.setdefault(point.carrier_id, []).append(point)
    return points


def part_national_carrier(*, vendor_order) -> NationalCarrier | None:
    """The national carrier a placed part chose at checkout, if it chose one."""
    code = vendor_order.delivery_code
    if code.startswith(POINT_PREFIX) and code[len(POINT_PREFIX) :].isdigit():
        point = (
            NationalPoint.objects.filter(pk=int(code[len(POINT_PREFIX) :]))
            .select_related("carrier")
            .first()
        )
        return point.carrier if point else None
    for prefix in CODE_PREFIXES:
        if code.startswith(prefix) and code[len(prefix) :].isdigit():
            return NationalCarrier.objects.filter(pk=int(code[len(prefix) :])).first()
    return None


def consolidated_shipment_ids(*, carrier: str, codes) -> dict[str, list[int]]:
    """{combined shipment code: the ids of its parts' shipments by `carrier` that are not
    cancelled}, for those of `codes` that name a combined shipment with a shipment."""
    found = defaultdict(list)
    for code, shipment_id in (
        Shipment.objects.filter(
            carrier=carrier,
            vendor_order__consolidated_part__consolidation__code__in=codes,
            vendor_order__consolidated_part__consolidation__carrier__code=carrier,
        )
        .exclude(status=TrackingStatus.CANCELLED)
        .order_by("vendor_order__sequence", "id")
        .values_list("vendor_order__consolidated_part__consolidation__code", "pk")
    ):
        found[code].append(shipment_id)
    return dict(found)


def part_combined_code(*, vendor_order, carrier: str) -> str | None:
    """The code of the combined shipment a part travels in by `carrier`, if it does."""
    return (
        ConsolidatedPart.objects.filter(
            vendor_order=vendor_order, consolidation__carrier__code=carrier
        )
        .values_list("consolidation__code", flat=True)
        .first()
    )


def consolidated_parts_without_shipment(*, carrier: str, codes, statuses) -> list:
    """The parts (vendor orders) in one of `statuses`, travelling in a combined shipment
    by `carrier` named in `codes`, that have no shipment by it which is not cancelled:
    the carrier's step for the code is the first it hears of them."""
    live = Shipment.objects.filter(vendor_order=OuterRef("pk"), carrier=carrier).exclude(
        status=TrackingStatus.CANCELLED
    )
    return list(
        VendorOrder.objects.filter(
            consolidated_part__consolidation__code__in=codes,
            consolidated_part__consolidation__carrier__code=carrier,
            status__in=statuses,
        )
        .exclude(Exists(live))
        .order_by("order_id", "sequence")
    )


def part_consolidation(*, vendor_order) -> dict | None:
    """The combined shipment a part travels in: its code, its carrier and how many other
    stores' parts travel with it (no more about them: they are other stores' orders)."""
    link = (
        ConsolidatedPart.objects.filter(vendor_order=vendor_order)
        .select_related("consolidation__carrier")
        .annotate(size=Count("consolidation__parts"))
        .first()
    )
    if link is None:
        return None
    return {
        "code": link.consolidation.code,
        "carrier": link.consolidation.carrier,
        "others": link.size - 1,
    }
