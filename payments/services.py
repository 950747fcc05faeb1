"""Payments of purchases: written with the purchase, started at the gateway once the
purchase is committed, brought up to date, and money moved (refunds, cash recorded).
What an outcome does to the purchase is decided by the outcome handler (payments/hooks.py):
this app imports no domain."""

from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from payments.alerts import gateway_refusals_reported
from payments.exceptions import PaymentClosed
from payments.hooks import outcome_handler
from payments.interface import (
    Capability,
    Money,
    PaymentRequest,
    PaymentStart,
    PaymentState,
    PaymentStatus,
)
from payments.ledger import payment_outcome_record, payment_request_record
from payments.locks import payment_lock
from payments.models import Payment, PaymentEventKind, PaymentEventPhase
from payments.registry import gateway_get
from payments.selectors import gateway_names_with

K, P = PaymentEventKind, PaymentEventPhase
# States in which the buyer's money is secured: the purchase goes to the vendors.
SECURED = {PaymentState.AUTHORIZED, PaymentState.CAPTURED}
GATEWAY_CLOSED = {PaymentState.FAILED, PaymentState.CANCELLED}


def payment_deadline():
    hours = getattr(settings, "PAYMENT_DEADLINE_HOURS", 48)
    return timezone.now() + timedelta(hours=hours)


@transaction.atomic
def payment_prepare(
    *, order, gateway_name: str, merchant_id: str = "", amount: Decimal | None = None
) -> Payment:
    """The purchase's payment and its charge request, written with the order (in its
    transaction) before any gateway is called. From the moment they are committed, a
    crash anywhere later leaves something reconciliation can finish. `merchant_id` is
    the store's own business account the money goes to, if not the platform's. `amount`
    is what it takes when that is less than the order's total (parts paid otherwise)."""
    gateway_get(gateway_name)  # an unknown gateway fails here, before anything is kept
    payment = Payment.objects.create(
        reference=order.number,
        order=order,
        gateway=gateway_name,
        amount=order.total_incl_tax if amount is None else amount,
        currency=order.currency,
        deadline=payment_deadline(),
        merchant_id=merchant_id,
    )
    payment_request_record(payment=payment, kind=K.CHARGE, amount=payment.amount)
    return payment


def payment_charge(
    *, payment_id: int, email: str = "", return_url: str = ""
) -> tuple[Payment, PaymentStart]:
    """Start (or, after a crash, start again: the idempotency key is the same, so the
    gateway charges once) the payment at its gateway and record what it answered."""
    payment = Payment.objects.get(pk=payment_id)
    key = (
        payment.events.filter(kind=K.CHARGE, phase=P.REQUEST)
        .values_list("idempotency_key", flat=True)
        .first()
    )
    gateway = gateway_get(payment.gateway)
    with gateway_refusals_reported(gateway_name=payment.gateway):
        started = gateway.start(
            PaymentRequest(
                reference=payment.reference,
                amount=Money(payment.amount, payment.currency),
                idempotency_key=key,
                buyer_email=email,
                return_url=return_url,
                metadata=(("order", payment.reference),),
                merchant_id=payment.merchant_id,
            )
        )
    with transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(
            gateway_reference=started.gateway_reference,
            instructions=started.instructions,
            updated_at=timezone.now(),
        )
        payment_status_apply(
            payment_id=payment.pk,
            status=PaymentStatus(
                gateway_reference=started.gateway_reference,
                state=started.state,
                amount_captured=Money(payment.amount, payment.currency)
                if started.state == PaymentState.CAPTURED
                else None,
            ),
        )
        if started.state == PaymentState.PENDING:
            from payments.polling import payment_needs_polling, payment_poll_schedule

            if payment_needs_polling(payment.gateway):
                payment_poll_schedule(payment_id=payment.pk)
    payment.refresh_from_db()
    return payment, started


def _payment_close(
    *, payment: Payment, kind: str, phase: str, message: str, reason: str, actor=None
) -> None:
    """Record how a payment that took no money ended, and close what waited for it (the
    purchase's parts, their stock back on sale)."""
    payment_outcome_record(
        payment_id=payment.pk,
        kind=kind,
        phase=phase,
        amount=payment.amount,
        gateway_reference=payment.gateway_reference,
        message=message,
        actor=actor,
    )
    outcome_handler().payment_closed(payment=payment, reason=reason, actor=actor)


@transaction.atomic
def payment_refused(*, payment_id: int, message: str) -> None:
    """The gateway refused to start the payment."""
    _payment_close(
        payment=payment_lock(payment_id=payment_id),
        kind=K.CHARGE,
        phase=P.FAILURE,
        message=message,
        reason=message,
    )


@transaction.atomic
def payment_expire(*, payment_id: int, reason: str) -> None:
    """A payment still pending past its deadline is cancelled."""
    payment = payment_lock(payment_id=payment_id)
    if payment.state == PaymentState.PENDING:
        _payment_close(
            payment=payment, kind=K.CANCEL, phase=P.SUCCESS, message="expired unpaid", reason=reason
        )


@transaction.atomic
def payment_cancel(*, payment_id: int, actor, reason: str) -> None:
    """A person cancels a payment that took no money yet: it is cancelled at its gateway
    when the gateway can void (so the link the buyer holds can no longer take money).
    Raises GatewayUnavailable, and changes nothing, when the gateway cannot be reached."""
    payment = payment_lock(payment_id=payment_id)
    gateway = gateway_get(payment.gateway)
    if Capability.VOID in gateway.capabilities and payment.gateway_reference:
        gateway.cancel(
            gateway_reference=payment.gateway_reference,
            idempotency_key=f"{payment.reference}:cancel",
        )
    _payment_close(
        payment=payment,
        kind=K.CANCEL,
        phase=P.SUCCESS,
        message="cancelled by staff",
        reason=reason,
        actor=actor,
    )


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
        amount = (
            status.amount_captured.amount
            if status.amount_captured and kind == K.CHARGE
            else payment.amount
        )
        payment, _changed = payment_outcome_record(
            payment_id=payment.pk,
            kind=kind,
            phase=phase,
            amount=amount,
            gateway_reference=status.gateway_reference,
        )
    _secured_hand_over(payment=payment, before=before)
    if payment.state in GATEWAY_CLOSED and before not in GATEWAY_CLOSED and payment.order_id:
        # Refused or cancelled at the gateway (the buyer rejected it in the app): what
        # waited for it is closed, its stock back on sale.
        outcome_handler().payment_closed(
            payment=payment, reason=_("The payment was refused or cancelled at the gateway.")
        )
    return payment.state != before


def _secured_hand_over(*, payment: Payment, before: str) -> None:
    """When the money just became secured, the purchase goes to its vendors (once)."""
    if payment.state in SECURED and before not in SECURED and payment.order_id:
        outcome_handler().payment_secured(payment=payment)


def payment_amount(payment: Payment) -> Money:
    return Money(Decimal(payment.amount), payment.currency)


@transaction.atomic
def bank_transfer_confirm(*, payment_id: int, actor) -> bool:
    """An operator saw the transfer arrive: the money is captured and the purchase goes
    to its vendors. Confirming twice changes nothing the second time. Raises
    PaymentClosed for a payment cancelled meanwhile (its purchase is closed: the money
    must go back to the buyer by hand, not into a purchase nobody will deliver)."""
    payment = payment_lock(
        payment_id=payment_id, gateway__in=gateway_names_with(Capability.MANUAL_CONFIRMATION)
    )
    if payment.state in (PaymentState.CANCELLED, PaymentState.FAILED):
        raise PaymentClosed(
            _(
                "Payment %(reference)s was cancelled: it can no longer be "
                "confirmed. Return the transfer to the buyer."
            )
            % {"reference": payment.reference}
        )
    before = payment.state
    payment, _changed = payment_outcome_record(
        payment_id=payment.pk,
        kind=K.CHARGE,
        phase=P.SUCCESS,
        amount=payment.amount,
        gateway_reference=payment.gateway_reference,
        message="confirmed by an operator",
        actor=actor,
    )
    _secured_hand_over(payment=payment, before=before)
    return payment.state != before


@transaction.atomic
def payment_cash_record(
    *,
    payment_id: int,
    amount: Decimal,
    reference: str,
    actor=None,
    message: str = "cash collected on delivery",
) -> None:
    """Money paid outside the site for (part of) a payment (cash at the door, a transfer
    for a part on account), recorded once per `reference`."""
    payment_outcome_record(
        payment_id=payment_id,
        kind=K.CHARGE,
        phase=P.SUCCESS,
        amount=amount,
        gateway_reference=reference,
        message=message,
        actor=actor,
    )


@transaction.atomic
def payment_refund(
    *,
    payment_id: int,
    amount: Decimal,
    attempt: str,
    reference: str,
    actor=None,
    by_hand: bool = False,
) -> bool:
    """Give `amount` back through the payment's gateway, once per `attempt` (the
    request's idempotency key is built from it): False when that refund was already
    made. Gateways that cannot refund (cash, transfers) have the money returned by hand,
    as is money the gateway did not take (`by_hand`: a transfer recorded in the payment);
    the refund is recorded all the same, as `reference`."""
    payment = payment_lock(payment_id=payment_id)
    key = f"{payment.reference}:refund:{attempt}"[:128]
    if payment.events.filter(idempotency_key=key).exists():
        return False
    payment_request_record(
        payment=payment, kind=K.REFUND, amount=amount, actor=actor, attempt=attempt
    )
    gateway = gateway_get(payment.gateway)
    if not by_hand and gateway.capabilities.supported & {
        Capability.REFUND,
        Capability.PARTIAL_REFUND,
    }:
        gateway.refund(
            gateway_reference=payment.gateway_reference,
            amount=Money(amount, payment.currency),
            idempotency_key=key,
        )
    payment_outcome_record(
        payment_id=payment.pk,
        kind=K.REFUND,
        phase=P.SUCCESS,
        amount=amount,
        gateway_reference=reference,
        actor=actor,
    )
    return True
