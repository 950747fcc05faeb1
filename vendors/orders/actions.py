"""What people do to a purchase after it is placed: refund a part, cancel a part or one
of its lines, send it elsewhere or change how a part is delivered. Each is one
transaction taking its locks in the one order (vendors/orders/locks.py), used by the
vendor's dashboard and the call-center console alike; the console adds its audit entry
around them. A refusal raises ValidationError (or RefundRefused) and changes nothing."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from logistics.delivery import address_municipality, vendor_order_delivery_options
from payments.exceptions import GatewayUnavailable
from payments.interface import Capability
from payments.locks import payment_of_order_lock
from payments.selectors import gateway_can
from payments.services import payment_cancel
from shop.core.money import money_format
from vendors.error_codes import VendorErrorCode
from vendors.exceptions import RefundRefused, VendorOrderTransitionError
from vendors.inventory.stock import StockRequest, stock_release
from vendors.models import LINE_CANCELLED, VendorOrder
from vendors.models import VendorOrderStatus as S
from vendors.orders.locks import line_lock, order_lock, vendor_order_lock, vendor_orders_lock
from vendors.orders.money import money_taken, vendor_part_refund_record, vendor_part_refundable
from vendors.orders.transitions import (
    NOT_SHIPPED,
    NOT_SHIPPED_OR_UNPAID,
    ActorRole,
    delivery_option_label,
    vendor_order_transition,
)

Line = get_model("order", "Line")

ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "line1",
    "line2",
    "line4",
    "state",
    "phone_number",
    "notes",
)


@transaction.atomic
def vendor_part_refund(
    *,
    vendor_order,
    amount: Decimal,
    key: str,
    actor=None,
    actor_role: str = ActorRole.VENDOR,
    reason: str = "",
) -> bool:
    """Refund (part of) what the buyer paid for one vendor part, through its gateway.
    `key` identifies the request (the form's token): the same key refunds once however
    often it is submitted. Returns False when that refund was already made. Refunding
    a part in full before it ships cancels it, so its stock goes back on sale."""
    made, whole = vendor_part_refund_record(
        vendor_order=vendor_order, amount=amount, key=key, actor=actor, reason=reason
    )
    vendor_order.refresh_from_db(fields=["status"])
    if made and whole and vendor_order.status in NOT_SHIPPED:
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=S.CANCELLED,
            actor=actor,
            actor_role=actor_role,
            reason=reason or _("Refunded in full."),
        )
    return made


@transaction.atomic
def purchase_unpaid_close(*, order_id: int, actor, reason: str) -> None:
    """A person cancels a purchase still waiting for its money. It is one payment for
    all its parts, so they are cancelled together (stock back), and the payment at its
    gateway, so the link the buyer holds can no longer take money."""
    payment = payment_of_order_lock(order_id=order_id)
    parts = vendor_orders_lock(order_id=order_id)
    if any(part.status not in (S.PENDING_PAYMENT, S.CANCELLED, S.REJECTED) for part in parts):
        raise ValidationError(
            _(
                "Part of this purchase is already paid: cancel it part by "
                "part once the payment is settled."
            ),
            code=VendorErrorCode.MIXED,
        )
    try:
        payment_cancel(payment_id=payment.pk, actor=actor, reason=reason)
    except GatewayUnavailable as error:
        raise ValidationError(
            _(
                "The payment service did not answer: nothing was "
                "cancelled. Try again in a few minutes."
            ),
            code=VendorErrorCode.GATEWAY,
        ) from error


@transaction.atomic
def vendor_part_cancel(*, vendor_order_id: int, actor, reason: str) -> Decimal:
    """Cancel a part that has not shipped: stock back, money back if it was taken.
    A purchase still waiting for its payment is cancelled whole. Returns the amount
    refunded."""
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    if vendor_order.status == S.PENDING_PAYMENT:
        purchase_unpaid_close(order_id=vendor_order.order_id, actor=actor, reason=reason)
        return Decimal("0")
    if vendor_order.status not in NOT_SHIPPED:
        raise ValidationError(
            _("Order %(number)s is %(status)s: only orders not yet shipped can be cancelled.")
            % {"number": vendor_order.number, "status": S(vendor_order.status).label.lower()},
            code=VendorErrorCode.SHIPPED,
        )
    taken = money_taken(order_id=vendor_order.order_id)
    refundable = vendor_part_refundable(vendor_order=vendor_order) if taken else Decimal("0")
    try:
        # The transition gives back what the buyer paid for the part.
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status=S.CANCELLED,
            actor=actor,
            actor_role=ActorRole.STAFF,
            reason=reason,
        )
    except VendorOrderTransitionError as error:
        raise ValidationError(error.messages, code=VendorErrorCode.TRANSITION) from error
    if not taken:
        return Decimal("0")
    return refundable - vendor_part_refundable(vendor_order=vendor_order)


@transaction.atomic
def order_line_cancel(*, line_id: int, actor, reason: str) -> tuple:
    """Cancel one line of a vendor part that has not shipped: its units go back on
    sale, it is no longer owed at the door, or its amount is refunded through the
    gateway when the money was taken. The last open line cancels the whole part.
    Returns (line, its vendor part, amount refunded)."""
    partner_id, order_id = Line.objects.values_list("partner_id", "order_id").get(pk=line_id)
    vendor_order = vendor_order_lock(
        vendor_order_id=VendorOrder.objects.values_list("pk", flat=True).get(
            order_id=order_id, vendor__partner_id=partner_id
        )
    )
    # Locked after its part: two agents on the same line wait here, then see it cancelled.
    line = line_lock(line_id=line_id)
    if line.status == LINE_CANCELLED:
        raise ValidationError(
            _("This line is already cancelled."), code=VendorErrorCode.ALREADY_CANCELLED
        )
    if vendor_order.status == S.PENDING_PAYMENT:
        raise ValidationError(
            _(
                "This purchase is waiting for its payment: cancel it whole, "
                "or cancel the line once it is paid."
            ),
            code=VendorErrorCode.UNPAID,
        )
    if vendor_order.status not in NOT_SHIPPED:
        raise ValidationError(
            _("Order %(number)s is %(status)s: its lines can no longer be cancelled.")
            % {"number": vendor_order.number, "status": S(vendor_order.status).label.lower()},
            code=VendorErrorCode.SHIPPED,
        )
    others = vendor_order.lines.exclude(pk=line.pk).exists()
    refunded = Decimal("0")
    if not others:
        refunded = vendor_part_cancel(vendor_order_id=vendor_order.pk, actor=actor, reason=reason)
    elif money_taken(order_id=vendor_order.order_id):
        refunded = line.line_price_incl_tax
        try:
            vendor_part_refund(
                vendor_order=vendor_order,
                amount=refunded,
                key=f"line-{line.pk}",
                actor=actor,
                actor_role=ActorRole.STAFF,
                reason=reason,
            )
        except RefundRefused as refused:
            raise ValidationError(refused.message, code=VendorErrorCode.REFUND) from refused
    Line.objects.filter(pk=line.pk).update(status=LINE_CANCELLED)
    if others and line.stockrecord_id:
        stock_release(
            requests=[StockRequest(line.stockrecord_id, line.quantity)],
            order_number=vendor_order.number,
            actor=actor,
        )
    vendor_order.refresh_from_db()
    return line, vendor_order, refunded


@transaction.atomic
def delivery_address_change(*, order_id: int, address: dict):
    """Send a purchase somewhere else before any of its parts ships. Parts delivered
    home must still be deliverable there (switch them to pickup first otherwise).
    Returns the purchase's address, changed."""
    order = order_lock(order_id=order_id)
    parts = vendor_orders_lock(order_id=order_id)
    open_parts = [part for part in parts if part.status not in (S.CANCELLED, S.REJECTED)]
    if not open_parts or any(part.status not in NOT_SHIPPED_OR_UNPAID for part in open_parts):
        raise ValidationError(
            _("Part of this purchase already left the store: its address can no longer change."),
            code=VendorErrorCode.SHIPPED,
        )
    shipping = order.shipping_address
    for name in ADDRESS_FIELDS:
        setattr(shipping, name, address.get(name, "") or "")
    municipality = address_municipality(shipping)
    if municipality is None:
        raise ValidationError(
            _("Choose the province and municipality of the delivery address."),
            code=VendorErrorCode.MUNICIPALITY,
        )
    for part in open_parts:
        if part.delivery_code.startswith("home-") and part.delivery_code not in {
            option.code
            for option in vendor_order_delivery_options(
                vendor_order=part, municipality=municipality
            )
        }:
            raise ValidationError(
                _(
                    "%(store)s does not deliver to %(place)s: change order %(number)s to pickup "
                    "first."
                )
                % {
                    "store": part.vendor.trade_name,
                    "place": municipality.name,
                    "number": part.number,
                },
                code=VendorErrorCode.NOT_DELIVERED,
            )
    shipping.save()
    return shipping


@transaction.atomic
def delivery_option_change(*, vendor_order_id: int, option_code: str) -> VendorOrder:
    """Switch a part that has not shipped to another of its store's delivery options.
    A different charge is only possible when it is paid at the door."""
    vendor_order = vendor_order_lock(vendor_order_id=vendor_order_id)
    if vendor_order.status not in NOT_SHIPPED_OR_UNPAID:
        raise ValidationError(
            _("This order already left the store: its delivery can no longer change."),
            code=VendorErrorCode.SHIPPED,
        )
    municipality = address_municipality(vendor_order.order.shipping_address)
    options = (
        vendor_order_delivery_options(vendor_order=vendor_order, municipality=municipality)
        if municipality
        else ()
    )
    option = next((option for option in options if option.code == option_code), None)
    if option is None:
        raise ValidationError(
            _("Choose one of the delivery options offered."), code=VendorErrorCode.OPTION
        )
    payment = payment_of_order_lock(order_id=vendor_order.order_id)
    if option.charge != vendor_order.delivery_charge and (
        vendor_order.on_account  # its store's credit was taken for this charge
        or (payment and not gateway_can(payment.gateway, Capability.PAY_ON_DELIVERY))
    ):
        raise ValidationError(
            _("This purchase was paid online: choose an option with the same charge (%(charge)s).")
            % {"charge": money_format(vendor_order.delivery_charge, vendor_order.order.currency)},
            code=VendorErrorCode.CHARGE,
        )
    vendor_order.delivery_code = option.code
    vendor_order.delivery_name = delivery_option_label(option)[:255]
    vendor_order.delivery_charge = option.charge
    vendor_order.estimated_delivery = option.estimated_delivery
    vendor_order.save(
        update_fields=[
            "delivery_code",
            "delivery_name",
            "delivery_charge",
            "estimated_delivery",
            "updated_at",
        ]
    )
    return vendor_order
