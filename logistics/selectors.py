"""Reads for logistics: a vendor's delivery zones and pickup points, and how each part of
a purchase reaches its buyer."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from oscar.core.loading import get_model

from logistics.delivery import HOME, PICKUP
from logistics.models import (
    TERMINAL_STATUSES,
    DeliveryZone,
    Municipality,
    PickupPoint,
    Shipment,
    TrackingEvent,
    TrackingStatus,
)
from payments.interface import Capability
from payments.models import PaymentEvent
from payments.selectors import gateway_names_with
from vendors.models import VendorOrder, VendorOrderStatus


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


def shipment_timeline(*, shipment) -> list:
    """A shipment's steps in the carrier's time order, with their places."""
    return list(
        shipment.events.select_related("municipality__province").order_by("occurred_at", "id")
    )


def shipment_by_code(*, code: str):
    return get_object_or_404(
        Shipment.objects.select_related("vendor_order__vendor"), tracking_code=code.strip().upper()
    )


def shipment_destination(*, vendor_order) -> Municipality | None:
    """The municipality the part travels to, from the purchase's delivery address."""
    address = vendor_order.order.shipping_address
    if address is None:
        return None
    return (
        Municipality.objects.filter(name=address.line4, province__name=address.state)
        .select_related("province")
        .first()
    )


@dataclass(frozen=True)
class PartDelivery:
    """How one vendor part reaches its buyer, as the buyer reads it."""

    kind: str  # HOME, PICKUP, or "" when the part records no delivery option
    name: str  # the option as the part recorded it
    municipality: Municipality | None = None  # home delivery: where to
    pickup_point: PickupPoint | None = None  # pickup: where, and its hours


def purchase_deliveries(*, order, vendor_orders) -> dict[int, PartDelivery]:
    """{vendor order id: PartDelivery} for the parts of `order`, in at most two queries
    however many parts: the delivery address's municipality and the pickup points."""
    kinds = {part.pk: part.delivery_code.partition("-") for part in vendor_orders}
    point_ids = {
        int(ident) for kind, _dash, ident in kinds.values() if kind == PICKUP and ident.isdigit()
    }
    points = (
        PickupPoint.objects.filter(
            pk__in=point_ids, vendor_id__in={part.vendor_id for part in vendor_orders}
        )
        .select_related("municipality__province")
        .in_bulk()
        if point_ids
        else {}
    )
    address = order.shipping_address
    municipality = None
    if address is not None and any(kind == HOME for kind, _dash, _id in kinds.values()):
        municipality = (
            Municipality.objects.filter(name=address.line4, province__name=address.state)
            .select_related("province")
            .first()
        )
    deliveries = {}
    for part in vendor_orders:
        kind, _dash, ident = kinds[part.pk]
        if kind == HOME:
            deliveries[part.pk] = PartDelivery(
                kind=HOME, name=part.delivery_name, municipality=municipality
            )
        elif kind == PICKUP and ident.isdigit() and int(ident) in points:
            deliveries[part.pk] = PartDelivery(
                kind=PICKUP, name=part.delivery_name, pickup_point=points[int(ident)]
            )
        else:
            deliveries[part.pk] = PartDelivery(kind="", name=part.delivery_name)
    return deliveries


def vendor_shipments(*, vendor_order) -> list:
    """A vendor order's shipments, newest first, each with its timeline, in two queries."""
    return list(
        Shipment.objects.filter(vendor_order=vendor_order).prefetch_related(
            Prefetch(
                "events",
                queryset=TrackingEvent.objects.select_related("municipality__province").order_by(
                    "occurred_at", "id"
                ),
            )
        )
    )


# Delivered on cash on delivery, but the cash reported is missing or not what was owed.
CASH_UNCONFIRMED = models.Q(cash_due__isnull=False) & (
    models.Q(cash_collected__isnull=True) | ~models.Q(cash_collected=models.F("cash_due"))
)


def shipments_needing_attention(*, vendor=None) -> QuerySet:
    """Shipments (of `vendor`, or of every vendor) that someone should look at: a problem,
    a failed attempt, a delay, on their way back, no movement for SHIPMENT_STALE_DAYS, or
    delivered without the cash owed confirmed."""
    stale_before = timezone.now() - timedelta(days=settings.SHIPMENT_STALE_DAYS)
    troubled = (
        TrackingStatus.EXCEPTION,
        TrackingStatus.ATTEMPT_FAILED,
        TrackingStatus.DELAYED,
        TrackingStatus.RETURNING,
    )
    shipments = (
        Shipment.objects.all()
        if vendor is None
        else Shipment.objects.filter(vendor_order__vendor=vendor)
    )
    stuck = ~Q(status__in=TERMINAL_STATUSES) & (
        Q(status__in=troubled) | Q(last_movement__lt=stale_before)
    )
    return (
        shipments.annotate(last_movement=Coalesce("status_at", "created_at"))
        .filter(stuck | CASH_UNCONFIRMED)
        .select_related("vendor_order__vendor", "vendor_order__order")
        .order_by("last_movement", "id")
    )


def returned_paid_parts(*, vendor=None) -> list:
    """Returned parts (of `vendor`, or of every vendor) whose buyer paid in advance and is
    not refunded in full yet: the vendor or an operator refunds it."""
    Line = get_model("order", "Line")

    parts = VendorOrder.objects.filter(status=VendorOrderStatus.RETURNED)
    if vendor is not None:
        parts = parts.filter(vendor=vendor)
    # Paid in advance: money taken online (a transfer never confirmed took nothing).
    on_delivery = gateway_names_with(Capability.PAY_ON_DELIVERY)
    parts = list(
        parts.exclude(order__payments__gateway__in=on_delivery)
        .filter(order__payments__events__kind="charge", order__payments__events__phase="success")
        .distinct()
        .select_related("order", "vendor")
        .order_by("-updated_at")[:200]
    )
    if not parts:
        return []
    refunded = defaultdict(Decimal)
    for reference, amount in PaymentEvent.objects.filter(
        kind="refund", phase="success", payment__order_id__in=[part.order_id for part in parts]
    ).values_list("gateway_reference", "amount"):
        refunded[reference.split(":")[1] if reference.count(":") >= 2 else ""] += amount
    # What each part cost the buyer (its lines and delivery), in one query for all.
    goods = {
        (order_id, partner_id): total
        for order_id, partner_id, total in (
            Line.objects.filter(order_id__in=[part.order_id for part in parts])
            .values("order_id", "partner_id")
            .annotate(total=Sum("line_price_incl_tax"))
            .values_list("order_id", "partner_id", "total")
        )
    }
    return [
        part
        for part in parts
        if refunded[part.number]
        < (goods.get((part.order_id, part.vendor.partner_id)) or Decimal("0"))
        + part.delivery_charge
    ]


def shipments_search(*, query: str) -> QuerySet:
    """Shipments by tracking code, or by purchase or vendor-order number."""
    query = query.strip()[:64]
    if not query:
        return Shipment.objects.none()
    return (
        Shipment.objects.filter(
            Q(tracking_code=query.upper())
            | Q(vendor_order__number=query)
            | Q(vendor_order__order__number=query)
        )
        .select_related("vendor_order__vendor", "vendor_order__order")
        .order_by("-created_at")[:50]
    )
