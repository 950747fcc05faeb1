"""A vendor order's lifecycle: every transition is checked here, recorded, and moves
stock (a cancelled, rejected or returned part gives its units back; a delivered one
takes them out of stock). The purchase's status is derived from its parts."""

import django.dispatch
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from payments.exceptions import PaymentError
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import VendorOrderTransitionError, VendorUnavailable
from vendors.inventory.stock import StockRequest, stock_allocate, stock_consume, stock_release
from vendors.models import Vendor, VendorOrder, VendorOrderEvent, VendorStatus
from vendors.models import VendorOrderStatus as S
from vendors.orders.locks import vendor_order_lock
from vendors.orders.money import vendor_part_cash_collected, vendor_part_money_back

Order = get_model("order", "Order")

# Sent inside the transition's transaction, after its stock moved, with `vendor_order`,
# `from_status` and `to_status`. Whoever keeps something about a part's fate listens here
# (an accepted offer's award lapses when its purchase is cancelled: shop/sourcing).
vendor_order_changed = django.dispatch.Signal()


class ActorRole(models.TextChoices):
    BUYER = "buyer", gettext_lazy("Buyer")
    VENDOR = "vendor", gettext_lazy("Vendor")
    STAFF = "staff", gettext_lazy("Staff")
    SYSTEM = "system", gettext_lazy("System")


class OrderStatus(models.TextChoices):
    """The whole purchase, derived from its vendor parts."""

    PENDING_PAYMENT = "pending_payment", gettext_lazy("Pending payment")
    PLACED = "placed", gettext_lazy("Placed")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    PARTIALLY_DELIVERED = "partially_delivered", gettext_lazy("Partially delivered")
    COMPLETED = "completed", gettext_lazy("Completed")
    CANCELLED = "cancelled", gettext_lazy("Cancelled")


B, V, T, Y = ActorRole.BUYER, ActorRole.VENDOR, ActorRole.STAFF, ActorRole.SYSTEM

# (from, to) -> who may make that move
TRANSITIONS = {
    (S.PENDING_PAYMENT, S.PLACED): {Y, T},
    (S.PENDING_PAYMENT, S.CANCELLED): {B, T, Y},
    (S.PLACED, S.ACCEPTED): {V, T},
    (S.PLACED, S.REJECTED): {V},
    (S.PLACED, S.CANCELLED): {B, V, T},
    # The system ships a part when its carrier reports the combined shipment it is in.
    (S.ACCEPTED, S.READY): {V, T, Y},
    (S.ACCEPTED, S.CANCELLED): {V, T},
    (S.READY, S.SHIPPED): {V, T, Y},
    (S.READY, S.CANCELLED): {V, T},
    (S.SHIPPED, S.DELIVERED): {V, T, Y},
    # The carrier brought it back (refused, nobody home, wrong address).
    (S.SHIPPED, S.RETURNED): {V, T, Y},
}
# A vendor or staff cancelling, and a vendor rejecting, owe the buyer a reason.
REASON_REQUIRED = {(S.CANCELLED, V), (S.CANCELLED, T), (S.REJECTED, V)}
# A returned part's units are back on the vendor's shelf: its allocation is released.
GIVES_STOCK_BACK = {S.CANCELLED, S.REJECTED, S.RETURNED}
# A part the buyer paid for and will not get: the money goes back at once. A returned
# part is not among them: staff decide (the delivery may be owed), see logistics.
GIVES_MONEY_BACK = {S.CANCELLED, S.REJECTED}
CLOSED = {S.CANCELLED, S.REJECTED, S.RETURNED}
# Placed and not handed to a carrier yet: its delivery can still change.
NOT_SHIPPED = frozenset({S.PLACED, S.ACCEPTED, S.READY})
# The same, or still waiting for its payment.
NOT_SHIPPED_OR_UNPAID = NOT_SHIPPED | {S.PENDING_PAYMENT}


def vendor_order_allowed_targets(*, status: str, actor_role: str) -> list[str]:
    return [
        to
        for (origin, to), roles in TRANSITIONS.items()
        if origin == status and actor_role in roles
    ]


@transaction.atomic
def vendor_order_transition(
    *, vendor_order_id: int, to_status: str, actor, actor_role: str, reason: str = ""
) -> VendorOrder:
    """Move one vendor order, or raise VendorOrderTransitionError and change nothing."""
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    origin = vendor_order.status
    reason = reason.strip()
    if actor_role not in TRANSITIONS.get((origin, to_status), set()):
        raise VendorOrderTransitionError(
            _("Order %(number)s is %(current)s: it cannot become %(new)s now.")
            % {
                "number": vendor_order.number,
                "current": S(origin).label.lower(),
                "new": S(to_status).label.lower(),
            },
            code=VendorErrorCode.INVALID_TRANSITION,
        )
    if (to_status, actor_role) in REASON_REQUIRED and not reason:
        raise VendorOrderTransitionError(
            _("Give a reason: the buyer will read it."), code=VendorErrorCode.REASON_REQUIRED
        )
    vendor_order.status = to_status
    vendor_order.save(update_fields=["status", "updated_at"])
    if to_status in GIVES_MONEY_BACK:
        _money_given_back(vendor_order=vendor_order, actor=actor, reason=reason)
    VendorOrderEvent.objects.create(
        vendor_order=vendor_order,
        from_status=origin,
        to_status=to_status,
        actor=actor,
        actor_role=actor_role,
        reason=reason,
    )
    requests = [
        StockRequest(line.stockrecord_id, line.quantity)
        for line in vendor_order.lines
        if line.stockrecord_id
    ]
    if requests and to_status in GIVES_STOCK_BACK:
        stock_release(requests=requests, order_number=vendor_order.number, actor=actor)
    elif requests and to_status == S.DELIVERED:
        stock_consume(requests=requests, order_number=vendor_order.number, actor=actor)
    if to_status == S.DELIVERED:
        vendor_part_cash_collected(vendor_order=vendor_order, actor=actor)
    order_status_refresh(order_id=vendor_order.order_id)
    vendor_order_changed.send(
        sender=VendorOrder, vendor_order=vendor_order, from_status=origin, to_status=to_status
    )
    return vendor_order


def _money_given_back(*, vendor_order, actor, reason: str) -> None:
    try:
        vendor_part_money_back(vendor_order=vendor_order, actor=actor, reason=reason)
    except PaymentError as error:
        raise VendorOrderTransitionError(
            _(
                "The buyer's money could not be given back now (%(reason)s), so order "
                "%(number)s was not cancelled: try again in a few minutes."
            )
            % {"reason": error.message, "number": vendor_order.number},
            code=VendorErrorCode.REFUND_FAILED,
        ) from error


@transaction.atomic
def vendor_orders_create(*, order, parts, actor=None, status: str = S.PLACED) -> list[VendorOrder]:
    """Split a just-created Order into one VendorOrder per vendor part (numbered
    `<order>-<n>` in the parts' order, with the delivery chosen for it) and promise
    the units of every line in one guarded allocation, rows locked in id order.
    Raises VendorUnavailable or OutOfStock, and then the caller's transaction must
    not commit: nothing of the purchase may remain."""
    actor = actor if getattr(actor, "is_authenticated", False) else None  # guests: no user
    vendor_ids = [part.vendor.pk for part in parts]
    closed = Vendor.objects.filter(pk__in=vendor_ids).exclude(status=VendorStatus.APPROVED)
    for vendor in closed:
        raise VendorUnavailable(
            _("%(store)s is not selling right now: remove its products to go on.")
            % {"store": vendor.trade_name},
            code=VendorErrorCode.VENDOR_UNAVAILABLE,
        )
    vendor_orders = VendorOrder.objects.bulk_create(
        [
            VendorOrder(
                order=order,
                vendor=part.vendor,
                sequence=sequence,
                number=f"{order.number}-{sequence}",
                status=status,
                delivery_code=part.chosen.code if part.chosen else "",
                delivery_name=delivery_option_label(part.chosen)[:255],
                delivery_charge=part.chosen.charge if part.chosen else 0,
                estimated_delivery=part.chosen.estimated_delivery if part.chosen else None,
            )
            for sequence, part in enumerate(parts, start=1)
        ]
    )
    numbers = {
        vendor_order.vendor.partner_id: vendor_order.number for vendor_order in vendor_orders
    }
    requests = [
        StockRequest(line.stockrecord_id, line.quantity, numbers[line.partner_id])
        for line in order.lines.all()
        if line.stockrecord_id
    ]
    stock_allocate(requests=requests, actor=actor)
    VendorOrderEvent.objects.bulk_create(
        [
            VendorOrderEvent(
                vendor_order=vendor_order,
                from_status=status,
                to_status=status,
                actor=actor,
                actor_role=ActorRole.BUYER,
            )
            for vendor_order in vendor_orders
        ]
    )
    order_status_refresh(order_id=order.pk)
    return vendor_orders


def delivery_option_label(option) -> str:
    """How a vendor order names its delivery: the option, and its detail if any."""
    if option is None:
        return ""
    return f"{option.name}: {option.detail}" if option.detail else option.name


def order_status_derive(statuses: list[str]) -> str:
    open_parts = [status for status in statuses if status not in CLOSED]
    if not open_parts:
        return OrderStatus.CANCELLED
    if all(status == S.PENDING_PAYMENT for status in open_parts):
        return OrderStatus.PENDING_PAYMENT
    if all(status == S.DELIVERED for status in open_parts):
        return OrderStatus.COMPLETED
    if any(status == S.DELIVERED for status in open_parts):
        return OrderStatus.PARTIALLY_DELIVERED
    if all(status == S.PLACED for status in open_parts):
        return OrderStatus.PLACED
    return OrderStatus.IN_PROGRESS


def order_status_refresh(*, order_id: int) -> str:
    statuses = list(VendorOrder.objects.filter(order_id=order_id).values_list("status", flat=True))
    status = order_status_derive(statuses)
    Order.objects.filter(pk=order_id).exclude(status=status).update(status=status)
    return status
