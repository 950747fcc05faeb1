"""What money does to one vendor part: what the buyer paid for it, what can still be
refunded, a refund (with its ledger entry and credit note), and cash collected at the
door (with the vendor's ledger entry and invoice). The money itself moves through the
payments interface; nothing here changes a part's status (see transitions and actions)."""

from decimal import Decimal

import django.dispatch
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from payments.interface import Capability
from payments.locks import payment_of_order_lock
from payments.models import Payment, PaymentEventKind, PaymentEventPhase
from payments.selectors import PAID, gateway_can
from payments.services import payment_cash_record, payment_refund
from shop.core.money import money_format
from shop.invoices.services import credit_note_issue_on_commit, invoice_issue_on_commit
from vendors.exceptions import RefundRefused
from vendors.ledger.entries import (
    vendor_cash_collected_record,
    vendor_order_amounts,
    vendor_refund_record,
    vendor_sale_record,
)
from vendors.models import LINE_CANCELLED, VendorOrder

Line = get_model("order", "Line")
K, P = PaymentEventKind, PaymentEventPhase

# Sent inside the refund's transaction, once money went back for a part, with
# `vendor_order`. Whoever counts what a part is worth listens here (shop/linkages).
vendor_part_refunded = django.dispatch.Signal()


def vendor_part_total(vendor_order: VendorOrder) -> Decimal:
    """What the buyer pays for one vendor part: its lines and its delivery."""
    return vendor_order_amounts(vendor_order=vendor_order).total


def _paid_on_delivery(payment: Payment) -> bool:
    return gateway_can(payment.gateway, Capability.PAY_ON_DELIVERY)


def _part_refunded(*, payment: Payment, vendor_order: VendorOrder) -> Decimal:
    return sum(
        payment.events.filter(
            kind=K.REFUND,
            phase=P.SUCCESS,
            gateway_reference__startswith=f"refund:{vendor_order.number}:",
        ).values_list("amount", flat=True),
        Decimal("0"),
    )


def _part_collected(*, payment: Payment, vendor_order: VendorOrder) -> bool:
    charges = payment.events.filter(kind=K.CHARGE, phase=P.SUCCESS)
    if vendor_order.on_account:  # its own transfer, once due
        charges = charges.filter(gateway_reference=account_reference(vendor_order))
    elif _paid_on_delivery(payment):  # each part's cash is collected on its own
        charges = charges.filter(gateway_reference=_cash_reference(vendor_order))
    return charges.exists()


def _part_paid(*, payment: Payment, vendor_order: VendorOrder) -> Decimal:
    """What the buyer paid for one part. Online, that includes lines cancelled after
    paying (their refunds count against it); at the door only what is still owed."""
    paid = vendor_part_total(vendor_order)
    if vendor_order.on_account or _paid_on_delivery(payment):
        return paid
    cancelled = Line.objects.filter(
        order_id=vendor_order.order_id,
        partner_id=vendor_order.vendor.partner_id,
        status=LINE_CANCELLED,
    ).values_list("line_price_incl_tax", flat=True)
    return paid + sum(cancelled, Decimal("0"))


def _cash_reference(vendor_order: VendorOrder) -> str:
    return f"cash:{vendor_order.number}"


def account_reference(vendor_order: VendorOrder) -> str:
    """How the transfer that pays a part on account is recorded in the payment."""
    return f"account:{vendor_order.number}"


def purchase_amount_to_pay(*, order) -> Decimal:
    """What the purchase's payment takes: the whole purchase but its parts on account,
    each paid by its own transfer on its store's terms."""
    on_account = VendorOrder.objects.filter(order=order, on_account=True)
    return order.total_incl_tax - sum(map(vendor_part_total, on_account), Decimal("0"))


def vendor_part_refundable(*, vendor_order: VendorOrder) -> Decimal:
    """What can still be refunded of one part (0 without a payment)."""
    payment = Payment.objects.filter(order_id=vendor_order.order_id).first()
    if payment is None:
        return Decimal("0")
    return _part_paid(payment=payment, vendor_order=vendor_order) - _part_refunded(
        payment=payment, vendor_order=vendor_order
    )


def money_taken(*, order_id: int) -> bool:
    """The platform holds the buyer's money for this purchase (paid online, or a
    confirmed transfer): undoing something owes a refund. Money paid at the door is
    not held by the platform."""
    payment = Payment.objects.filter(order_id=order_id).first()
    return bool(payment and not _paid_on_delivery(payment) and payment.state in PAID)


@transaction.atomic
def vendor_part_refund_record(
    *, vendor_order: VendorOrder, amount: Decimal, key: str, actor=None, reason: str = ""
) -> tuple[bool, bool]:
    """Refund (part of) what the buyer paid for one vendor part, through its gateway.
    `key` identifies the request: the same key refunds once however often it is sent.
    Returns (made, whole): whether the refund was made now, and whether nothing of the
    part is left to refund. Raises RefundRefused."""
    payment = payment_of_order_lock(order_id=vendor_order.order_id)
    if payment is None:
        raise RefundRefused(_("This purchase has no payment to refund."))
    refunded = _part_refunded(payment=payment, vendor_order=vendor_order)
    paid_for_part = _part_paid(payment=payment, vendor_order=vendor_order)
    attempt = f"{vendor_order.number}:{key}"
    if payment.events.filter(
        idempotency_key=f"{payment.reference}:refund:{attempt}"[:128]
    ).exists():
        return False, refunded >= paid_for_part
    if amount <= 0:
        raise RefundRefused(_("Enter an amount greater than zero."))
    if not _part_collected(payment=payment, vendor_order=vendor_order):
        raise RefundRefused(
            _("Nothing has been paid for this purchase yet: cancel the order instead.")
        )
    if refunded + amount > paid_for_part:
        raise RefundRefused(
            _("At most %(left)s can still be refunded for this order.")
            % {"left": money_format(paid_for_part - refunded, payment.currency)}
        )
    payment_refund(
        payment_id=payment.pk,
        amount=amount,
        attempt=attempt,
        reference=f"refund:{vendor_order.number}:{key}",
        actor=actor,
        # A part on account was paid by transfer, not through the payment's gateway.
        by_hand=vendor_order.on_account,
    )
    vendor_refund_record(vendor_order=vendor_order, amount=amount, key=key, actor=actor)
    # Money went back after the part was invoiced: its vendor issues a credit note.
    credit_note_issue_on_commit(
        vendor_order_id=vendor_order.pk,
        amount=amount,
        key=f"refund:{vendor_order.number}:{key}",
        reason=reason,
    )
    vendor_part_refunded.send(sender=VendorOrder, vendor_order=vendor_order)
    return True, refunded + amount == paid_for_part


@transaction.atomic
def vendor_part_money_back(*, vendor_order: VendorOrder, actor=None, reason: str = "") -> None:
    """A part cancelled or rejected after its money was taken gives that money back:
    what is still unrefunded goes back through the gateway (once: the refund's key is
    the cancellation), and the vendor's credit note follows. Raises GatewayUnavailable
    when the gateway cannot refund now; then the cancellation must not happen either."""
    payment = payment_of_order_lock(order_id=vendor_order.order_id)
    if payment is None or not _part_collected(payment=payment, vendor_order=vendor_order):
        return
    remaining = _part_paid(payment=payment, vendor_order=vendor_order) - _part_refunded(
        payment=payment, vendor_order=vendor_order
    )
    if remaining > 0:
        vendor_part_refund_record(
            vendor_order=vendor_order, amount=remaining, key="cancelled", actor=actor, reason=reason
        )


@transaction.atomic
def vendor_part_cash_collected(*, vendor_order: VendorOrder, actor=None) -> None:
    """A delivered part of a purchase paid on delivery was paid in cash to its vendor:
    the payment records that cash (once per part), the vendor's ledger the sale and
    the commission it owes, and the vendor invoices its part."""
    payment = payment_of_order_lock(order_id=vendor_order.order_id)
    if payment is None or not _paid_on_delivery(payment) or vendor_order.on_account:
        return
    amount = vendor_part_total(vendor_order)
    payment_cash_record(
        payment_id=payment.pk, amount=amount, reference=_cash_reference(vendor_order), actor=actor
    )
    vendor_cash_collected_record(vendor_order=vendor_order, amount=amount, actor=actor)
    invoice_issue_on_commit(vendor_order_id=vendor_order.pk)


def vendor_part_paid_online(*, vendor_order: VendorOrder, received_by_store: bool = False) -> None:
    """The platform holds the buyer's money for a part now going to its vendor: the
    vendor is owed its sale, less commission, and invoices its part (after commit).
    `received_by_store`: the money went into the store's own business account instead,
    so, as with cash it collects, the platform owes it that much less (the store then
    owes the commission)."""
    vendor_sale_record(vendor_order=vendor_order)
    if received_by_store:
        vendor_cash_collected_record(
            vendor_order=vendor_order,
            amount=vendor_order_amounts(vendor_order=vendor_order).total,
            actor=None,
        )
    invoice_issue_on_commit(vendor_order_id=vendor_order.pk)
