"""Payments of purchases: created at checkout, brought up to date from the gateway,
and what a confirmed payment does to the purchase."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from payments.alerts import gateway_refusals_reported
from payments.interface import (
    Money,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
)
from payments.ledger import payment_outcome_record, payment_request_record
from payments.models import Payment, PaymentEventKind, PaymentEventPhase
from payments.registry import gateway_get
from shop.core.money import money_format

K, P = PaymentEventKind, PaymentEventPhase
# States in which the buyer's money is secured: the purchase goes to the vendors.
SECURED = {PaymentState.AUTHORIZED, PaymentState.CAPTURED}


def payment_deadline():
    hours = getattr(settings, "PAYMENT_DEADLINE_HOURS", 48)
    return timezone.now() + timedelta(hours=hours)


@transaction.atomic
def payment_prepare(*, order, gateway_name: str) -> Payment:
    """The purchase's payment and its charge request, written with the order (in its
    transaction) before any gateway is called. From the moment they are committed, a
    crash anywhere later leaves something reconciliation can finish."""
    gateway_get(gateway_name)  # an unknown gateway fails here, before anything is kept
    payment = Payment.objects.create(
        reference=order.number, order=order, gateway=gateway_name,
        amount=order.total_incl_tax, currency=order.currency, deadline=payment_deadline())
    payment_request_record(payment=payment, kind=K.CHARGE, amount=payment.amount)
    return payment


def payment_charge(*, payment_id: int, email: str = "",
                   return_url: str = "") -> tuple[Payment, PaymentStart]:
    """Start (or, after a crash, start again: the idempotency key is the same, so the
    gateway charges once) the payment at its gateway and record what it answered."""
    payment = Payment.objects.get(pk=payment_id)
    key = payment.events.filter(kind=K.CHARGE, phase=P.REQUEST).values_list(
        "idempotency_key", flat=True).first()
    gateway = gateway_get(payment.gateway)
    with gateway_refusals_reported(gateway_name=payment.gateway):
        started = gateway.start(PaymentRequest(
            reference=payment.reference, amount=Money(payment.amount, payment.currency),
            idempotency_key=key, buyer_email=email, return_url=return_url,
            metadata=(("order", payment.reference),)))
    with transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(
            gateway_reference=started.gateway_reference, instructions=started.instructions,
            updated_at=timezone.now())
        payment_status_apply(payment_id=payment.pk, status=PaymentStatus(
            gateway_reference=started.gateway_reference, state=started.state,
            amount_captured=Money(payment.amount, payment.currency)
            if started.state == PaymentState.CAPTURED else None))
    payment.refresh_from_db()
    return payment, started


@transaction.atomic
def purchase_abandon(*, payment_id: int, message: str) -> None:
    """The gateway refused the payment: the waiting parts are cancelled (their stock
    goes back on sale) and the refusal is recorded."""
    from vendors.models import VendorOrder, VendorOrderStatus
    from vendors.orders import ActorRole, vendor_order_transition

    payment = Payment.objects.select_for_update().get(pk=payment_id)
    payment_outcome_record(payment_id=payment.pk, kind=K.CHARGE, phase=P.FAILURE,
                           amount=payment.amount, gateway_reference=payment.gateway_reference,
                           message=message)
    for vendor_order_id in VendorOrder.objects.filter(
            order_id=payment.order_id, status=VendorOrderStatus.PENDING_PAYMENT,
    ).values_list("pk", flat=True):
        vendor_order_transition(vendor_order_id=vendor_order_id,
                                to_status=VendorOrderStatus.CANCELLED, actor=None,
                                actor_role=ActorRole.SYSTEM, reason=message)


def payment_sync(*, payment_id: int) -> bool:
    """Ask the gateway for the payment's current state and record what is new."""
    payment = Payment.objects.get(pk=payment_id)
    status = gateway_get(payment.gateway).fetch(gateway_reference=payment.gateway_reference)
    return payment_status_apply(payment_id=payment_id, status=status)


@transaction.atomic
def payment_status_apply(*, payment_id: int, status: PaymentStatus) -> bool:
    """Turn a gateway's answer into outcomes (each recorded once) and, when the money
    became secured, hand the purchase to its vendors. Returns whether the state changed."""
    outcomes = {
        PaymentState.AUTHORIZED: [(K.AUTHORIZATION, P.SUCCESS)],
        PaymentState.CAPTURED: [(K.CHARGE, P.SUCCESS)],
        PaymentState.PARTIALLY_REFUNDED: [(K.CHARGE, P.SUCCESS)],
        PaymentState.REFUNDED: [(K.CHARGE, P.SUCCESS)],
        PaymentState.CANCELLED: [(K.CANCEL, P.SUCCESS)],
        PaymentState.FAILED: [(K.CHARGE, P.FAILURE)],
    }.get(status.state, [])
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    before = payment.state
    for kind, phase in outcomes:
        amount = (status.amount_captured.amount if status.amount_captured and kind == K.CHARGE
                  else payment.amount)
        payment, _changed = payment_outcome_record(
            payment_id=payment.pk, kind=kind, phase=phase, amount=amount,
            gateway_reference=status.gateway_reference)
    _secured_hand_over(payment=payment, before=before)
    return payment.state != before


def _secured_hand_over(*, payment: Payment, before: str) -> None:
    """When the money just became secured, the purchase goes to its vendors (once)."""
    if payment.state in SECURED and before not in SECURED and payment.order_id:
        purchase_payment_secured(order_id=payment.order_id)


def purchase_payment_secured(*, order_id: int) -> None:
    """The buyer's money is secured: parts waiting for it go to their vendors, who are
    told once (after commit)."""
    from shop.invoices.services import invoice_issue_on_commit
    from vendors.ledger import vendor_sale_record
    from vendors.models import VendorOrder, VendorOrderStatus
    from vendors.notifications import purchase_placed_notify_on_commit
    from vendors.orders import ActorRole, vendor_order_transition

    waiting = VendorOrder.objects.filter(order_id=order_id,
                                         status=VendorOrderStatus.PENDING_PAYMENT)
    for vendor_order_id in waiting.values_list("pk", flat=True):
        vendor_order = vendor_order_transition(
            vendor_order_id=vendor_order_id, to_status=VendorOrderStatus.PLACED, actor=None,
            actor_role=ActorRole.SYSTEM)
        # The platform holds the buyer's money: the vendor is owed its sale, less commission.
        vendor_sale_record(vendor_order=vendor_order)
        # Paid: the vendor invoices its part (after commit, in its own transaction).
        invoice_issue_on_commit(vendor_order_id=vendor_order.pk)
    purchase_placed_notify_on_commit(order_id=order_id)


def payment_amount(payment: Payment) -> Money:
    return Money(Decimal(payment.amount), payment.currency)


@transaction.atomic
def bank_transfer_confirm(*, payment_id: int, actor) -> bool:
    """An operator saw the transfer arrive: the money is captured and the purchase goes
    to its vendors. Confirming twice changes nothing the second time."""
    payment = Payment.objects.select_for_update().get(pk=payment_id, gateway="bank_transfer")
    before = payment.state
    payment, _changed = payment_outcome_record(
        payment_id=payment.pk, kind=K.CHARGE, phase=P.SUCCESS, amount=payment.amount,
        gateway_reference=payment.gateway_reference, message="confirmed by an operator",
        actor=actor)
    _secured_hand_over(payment=payment, before=before)
    return payment.state != before


def vendor_part_total(vendor_order) -> Decimal:
    """What the buyer pays for one vendor part: its lines and its delivery."""
    from vendors.ledger import vendor_order_amounts

    return vendor_order_amounts(vendor_order=vendor_order).total


@transaction.atomic
def vendor_part_delivered(*, vendor_order, actor=None) -> None:
    """A delivered part of a cash-on-delivery purchase was paid in cash to its vendor:
    the payment records that cash (once per part)."""
    payment = Payment.objects.filter(order_id=vendor_order.order_id,
                                     gateway="cash_on_delivery").first()
    if payment is None:
        return
    from shop.invoices.services import invoice_issue_on_commit
    from vendors.ledger import vendor_cash_collected_record

    amount = vendor_part_total(vendor_order)
    payment_outcome_record(payment_id=payment.pk, kind=K.CHARGE, phase=P.SUCCESS,
                           amount=amount, gateway_reference=f"cash:{vendor_order.number}",
                           message="cash collected on delivery", actor=actor)
    # The vendor holds the cash: its ledger records the sale and the commission it owes.
    vendor_cash_collected_record(vendor_order=vendor_order, amount=amount, actor=actor)
    # The cash is the payment: the vendor invoices its part now.
    invoice_issue_on_commit(vendor_order_id=vendor_order.pk)


def _part_refunded(*, payment: Payment, vendor_order) -> Decimal:
    return sum(payment.events.filter(
        kind=K.REFUND, phase=P.SUCCESS,
        gateway_reference__startswith=f"refund:{vendor_order.number}:",
    ).values_list("amount", flat=True), Decimal("0"))


def _part_collected(*, payment: Payment, vendor_order) -> bool:
    charges = payment.events.filter(kind=K.CHARGE, phase=P.SUCCESS)
    if payment.gateway == "cash_on_delivery":  # each part's cash is collected on its own
        charges = charges.filter(gateway_reference=f"cash:{vendor_order.number}")
    return charges.exists()


def _part_paid(*, payment: Payment, vendor_order) -> Decimal:
    """What the buyer paid for one part. Online, that includes lines cancelled after
    paying (their refunds count against it); at the door only what is still owed."""
    paid = vendor_part_total(vendor_order)
    if payment.gateway == "cash_on_delivery":
        return paid
    from oscar.core.loading import get_model

    from vendors.models import LINE_CANCELLED

    cancelled = get_model("order", "Line").objects.filter(
        order_id=vendor_order.order_id, partner_id=vendor_order.vendor.partner_id,
        status=LINE_CANCELLED).values_list("line_price_incl_tax", flat=True)
    return paid + sum(cancelled, Decimal("0"))


def vendor_part_refundable(*, vendor_order) -> Decimal:
    """What can still be refunded of one part (0 without a payment)."""
    payment = Payment.objects.filter(order_id=vendor_order.order_id).first()
    if payment is None:
        return Decimal("0")
    return (_part_paid(payment=payment, vendor_order=vendor_order)
            - _part_refunded(payment=payment, vendor_order=vendor_order))


class RefundRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def vendor_part_refund(*, vendor_order, amount: Decimal, key: str, actor=None,
                       actor_role: str = "vendor", reason: str = "") -> bool:
    """Refund (part of) what the buyer paid for one vendor part, through its gateway.
    `key` identifies the request (the form's token): the same key refunds once however
    often it is submitted. Returns False when that refund was already made. Refunding
    a part in full before it ships cancels it, so its stock goes back on sale."""
    from django.utils.translation import gettext as _

    payment = (Payment.objects.select_for_update()
               .filter(order_id=vendor_order.order_id).first())
    if payment is None:
        raise RefundRefused(_("This purchase has no payment to refund."))
    reference = f"{payment.reference}:refund:{vendor_order.number}:{key}"[:128]
    if payment.events.filter(idempotency_key=reference).exists():
        return False
    refunded = _part_refunded(payment=payment, vendor_order=vendor_order)
    paid_for_part = _part_paid(payment=payment, vendor_order=vendor_order)
    if amount <= 0:
        raise RefundRefused(_("Enter an amount greater than zero."))
    if not _part_collected(payment=payment, vendor_order=vendor_order):
        raise RefundRefused(_("Nothing has been paid for this purchase yet: cancel the "
                              "order instead."))
    if refunded + amount > paid_for_part:
        raise RefundRefused(_("At most %(left)s can still be refunded for this order.")
                            % {"left": money_format(paid_for_part - refunded, payment.currency)})
    payment_request_record(payment=payment, kind=K.REFUND, amount=amount, actor=actor,
                           attempt=f"{vendor_order.number}:{key}")
    gateway = gateway_get(payment.gateway)
    if gateway.capabilities.supported & {"refund", "partial_refund"}:
        gateway.refund(gateway_reference=payment.gateway_reference,
                       amount=Money(amount, payment.currency), idempotency_key=reference)
    # Cash on delivery and transfers: the vendor or an operator returns the money by hand;
    # the refund is recorded all the same.
    payment_outcome_record(payment_id=payment.pk, kind=K.REFUND, phase=P.SUCCESS,
                           amount=amount, gateway_reference=f"refund:{vendor_order.number}:{key}",
                           actor=actor)
    from shop.invoices.services import credit_note_issue_on_commit
    from vendors.ledger import vendor_refund_record

    vendor_refund_record(vendor_order=vendor_order, amount=amount, key=key, actor=actor)
    # Money went back after the part was invoiced: its vendor issues a credit note.
    credit_note_issue_on_commit(vendor_order_id=vendor_order.pk, amount=amount,
                                key=f"refund:{vendor_order.number}:{key}", reason=reason)
    if refunded + amount == paid_for_part and vendor_order.status in ("placed", "accepted",
                                                                       "ready"):
        from vendors.orders import vendor_order_transition

        vendor_order_transition(vendor_order_id=vendor_order.pk, to_status="cancelled",
                                actor=actor, actor_role=actor_role,
                                reason=reason or _("Refunded in full."))
    return True


@transaction.atomic
def vendor_part_cancelled(*, vendor_order, actor=None, actor_role: str = "vendor",
                          reason: str = "") -> None:
    """A part cancelled or rejected after its money was taken gives that money back:
    what is still unrefunded goes back through the gateway (once: the refund's key is
    the cancellation), and the vendor's credit note follows. Raises GatewayUnavailable
    when the gateway cannot refund now; then the cancellation must not happen either."""
    payment = (Payment.objects.select_for_update()
               .filter(order_id=vendor_order.order_id).first())
    if payment is None or not _part_collected(payment=payment, vendor_order=vendor_order):
        return
    remaining = (_part_paid(payment=payment, vendor_order=vendor_order)
                 - _part_refunded(payment=payment, vendor_order=vendor_order))
    if remaining > 0:
        vendor_part_refund(vendor_order=vendor_order, amount=remaining, key="cancelled",
                           actor=actor, actor_role=actor_role, reason=reason)
