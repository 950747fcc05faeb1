"""Reads of a purchase as its buyer sees it: each vendor part with its own lines, history
and charge, in a fixed number of queries; its confirmation (what each part sends, how it
arrives, how it is paid); and the lookups that let only the buyer (or the guest holding
Oscar's signed order link) reach a part."""

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.crypto import constant_time_compare
from oscar.core.loading import get_model

from logistics.selectors import PartDelivery, purchase_deliveries
from payments.models import Payment
from payments.selectors import HowToPay, PaymentStep, payment_how_to_pay
from vendors.models import LINE_CANCELLED, VendorOrder, VendorOrderEvent, VendorOrderStatus
from vendors.orders.transitions import (
    CLOSED,
    ActorRole,
    OrderStatus,
    vendor_order_allowed_targets,
)

Order = get_model("order", "Order")


@dataclass(frozen=True)
class PurchasePart:
    """One vendor's part of a purchase: its lines only, and what it costs with delivery."""

    vendor_order: VendorOrder
    lines: list
    events: list
    currency: str
    shipments: list = field(default_factory=list)  # each with `.events` prefetched

    @property
    def open_lines(self) -> list:
        """The lines still bought (a line cancelled on the buyer's request is left out)."""
        return [line for line in self.lines if line.status != LINE_CANCELLED]

    @property
    def lines_total(self) -> Decimal:
        return sum((line.line_price_incl_tax for line in self.open_lines), Decimal("0"))

    @property
    def subtotal(self) -> Decimal:
        return self.lines_total + self.vendor_order.delivery_charge

    @property
    def estimated_delivery(self) -> date | None:
        """What the buyer may expect while the part is on its way: its latest shipment's
        date when the store gave one, else the date its delivery option promised."""
        if self.vendor_order.status in CLOSED | {VendorOrderStatus.DELIVERED}:
            return None
        dates = [shipment.estimated_delivery for shipment in self.shipments]
        dates = [day for day in dates if day]
        return dates[-1] if dates else self.vendor_order.estimated_delivery

    @property
    def buyer_can_cancel(self) -> bool:
        return VendorOrderStatus.CANCELLED in vendor_order_allowed_targets(
            status=self.vendor_order.status, actor_role=ActorRole.BUYER
        )


def purchase_parts(*, order) -> list[PurchasePart]:
    """The parts of `order` in sequence, with their invoices and credit notes, shipments
    and tracking steps, in seven queries whatever their number (the lines' attributes tell
    a line bought by measure, "2,5 t", from one counted in units)."""
    from logistics.models import Shipment, TrackingEvent

    vendor_orders = list(
        order.vendor_orders.select_related("vendor", "invoice", "consolidated_part__consolidation")
        .prefetch_related("invoice__credit_notes")
        .order_by("sequence")
    )
    lines_by_partner = defaultdict(list)
    for line in order.lines.select_related("product").prefetch_related("attributes").order_by("pk"):
        lines_by_partner[line.partner_id].append(line)
    events_by_part = defaultdict(list)
    for event in VendorOrderEvent.objects.filter(vendor_order__order=order):
        events_by_part[event.vendor_order_id].append(event)
    shipments_by_part = defaultdict(list)
    for shipment in (
        Shipment.objects.filter(vendor_order__order=order)
        .order_by("created_at", "id")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=TrackingEvent.objects.select_related("municipality__province").order_by(
                    "occurred_at", "id"
                ),
            )
        )
    ):
        shipments_by_part[shipment.vendor_order_id].append(shipment)
    return [
        PurchasePart(
            vendor_order=vendor_order,
            lines=lines_by_partner[vendor_order.vendor.partner_id],
            events=events_by_part[vendor_order.pk],
            currency=order.currency,
            shipments=shipments_by_part[vendor_order.pk],
        )
        for vendor_order in vendor_orders
    ]


class PartPayment(enum.StrEnum):
    """How one vendor part is paid, as its confirmation says it."""

    AT_THE_DOOR = "at_the_door"  # in cash when delivered or collected: have `subtotal` ready
    PAID = "paid"
    WITH_THE_PURCHASE = "with_the_purchase"  # by the purchase's one payment, still to come
    ON_ACCOUNT = "on_terms"  # owed on the store's terms to the buyer's company
    NOTHING = "nothing"  # cancelled or rejected, or the payment was called off


CLOSED_PARTS = frozenset({VendorOrderStatus.CANCELLED, VendorOrderStatus.REJECTED})
PAYMENT_OF_PART = {
    PaymentStep.PAID: PartPayment.PAID,
    PaymentStep.TRANSFER: PartPayment.WITH_THE_PURCHASE,
    PaymentStep.ONLINE: PartPayment.WITH_THE_PURCHASE,
    PaymentStep.ON_ACCOUNT: PartPayment.ON_ACCOUNT,
}


@dataclass(frozen=True)
class ConfirmedPart:
    """A vendor part as the purchase's confirmation tells it: what it sends, how it
    reaches the buyer and how it is paid."""

    part: PurchasePart
    delivery: PartDelivery
    payment: PartPayment

    @property
    def vendor_order(self) -> VendorOrder:
        return self.part.vendor_order

    @property
    def estimated_delivery(self) -> date | None:
        return self.part.estimated_delivery


@dataclass(frozen=True)
class PurchaseConfirmation:
    """What the thank-you page and the confirmation e-mail say about a purchase."""

    order: object
    parts: list[ConfirmedPart]
    payment: HowToPay | None


def purchase_confirmation(*, order) -> PurchaseConfirmation:
    """The purchase's parts with their delivery and payment, in a fixed number of queries
    (those of purchase_parts, plus the payment and at most two for the deliveries)."""
    parts = purchase_parts(order=order)
    payment = Payment.objects.filter(order=order).first()
    how = payment_how_to_pay(payment=payment) if payment is not None else None
    deliveries = purchase_deliveries(
        order=order, vendor_orders=[part.vendor_order for part in parts]
    )
    return PurchaseConfirmation(
        order=order,
        payment=how,
        parts=[
            ConfirmedPart(
                part=part,
                delivery=deliveries[part.vendor_order.pk],
                payment=_part_payment(part.vendor_order, how),
            )
            for part in parts
        ],
    )


def _part_payment(vendor_order: VendorOrder, how: HowToPay | None) -> PartPayment:
    if how is None or vendor_order.status in CLOSED_PARTS:
        return PartPayment.NOTHING
    if how.step == PaymentStep.ON_DELIVERY:
        return (
            PartPayment.PAID
            if vendor_order.status == VendorOrderStatus.DELIVERED
            else PartPayment.AT_THE_DOOR
        )
    return PAYMENT_OF_PART.get(how.step, PartPayment.NOTHING)


def purchases_with_parts(*, orders) -> list:
    """`orders` with their vendor parts and stores loaded in one query per relation."""
    orders = list(orders)
    prefetch_related_objects(
        orders,
        Prefetch(
            "vendor_orders",
            queryset=VendorOrder.objects.select_related("vendor").order_by("sequence"),
        ),
    )
    return orders


def purchase_status_label(status: str) -> str:
    """The derived status of a purchase, in words (Oscar's own statuses pass through)."""
    return OrderStatus(status).label if status in OrderStatus.values else status


def buyer_vendor_orders(*, user):
    """The vendor parts of the signed-in `user`'s purchases; none for anyone else."""
    if not user.is_authenticated:
        return VendorOrder.objects.none()
    return VendorOrder.objects.select_related("order").filter(order__user=user)


def guest_vendor_order(
    *, number: str, verification_hash: str, email: str | None
) -> VendorOrder | None:
    """A part of a guest's purchase, for whoever holds Oscar's signed order link and gave
    the order's e-mail (the check Oscar's anonymous order page makes)."""
    vendor_order = (
        VendorOrder.objects.select_related("order")
        .filter(number=number, order__user__isnull=True)
        .first()
    )
    if vendor_order is None or not email:
        return None
    order = vendor_order.order
    if not order.check_verification_hash(verification_hash):
        return None
    if not constant_time_compare(order.email or "", email):
        return None
    return vendor_order
