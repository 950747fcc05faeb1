"""A payment's state, derived from its append-only event log.

The derivation looks only at which outcomes exist and how much they add up to, never
at their order, so any arrival order of the same events gives the same state, and a
duplicate outcome (unique per payment, kind, phase and gateway reference) is stored
once and counted once.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction

from payments.interface import PaymentState
from payments.models import Payment, PaymentEvent, PaymentEventKind, PaymentEventPhase

K, P = PaymentEventKind, PaymentEventPhase


@dataclass(frozen=True)
class Outcome:
    kind: str
    phase: str
    amount: Decimal
    gateway_reference: str = ""


def payment_state_derive(outcomes) -> PaymentState:
    """The state a set of outcomes means (request events are ignored)."""
    seen = {
        (o.kind, o.phase, o.gateway_reference): o.amount for o in outcomes if o.phase != P.REQUEST
    }
    total = {
        kind: sum(
            (
                amount
                for (k, phase, _ref), amount in seen.items()
                if k == kind and phase == P.SUCCESS
            ),
            Decimal("0"),
        )
        for kind in K.values
    }
    failed = any(
        phase == P.FAILURE and kind in (K.CHARGE, K.AUTHORIZATION) for kind, phase, _ref in seen
    )
    captured, refunded = total[K.CHARGE], total[K.REFUND]
    if captured > 0:
        if refunded >= captured:
            return PaymentState.REFUNDED
        return PaymentState.PARTIALLY_REFUNDED if refunded > 0 else PaymentState.CAPTURED
    if any(kind == K.CANCEL and phase == P.SUCCESS for kind, phase, _ref in seen):
        return PaymentState.CANCELLED
    if any(kind == K.AUTHORIZATION and phase == P.SUCCESS for kind, phase, _ref in seen):
        return PaymentState.AUTHORIZED
    return PaymentState.FAILED if failed else PaymentState.PENDING


def payment_totals(payment: Payment) -> dict[str, Decimal]:
    """Captured and refunded amounts, each outcome counted once."""
    totals = {"captured": Decimal("0"), "refunded": Decimal("0")}
    for kind, amount in payment.events.filter(
        phase=P.SUCCESS, kind__in=[K.CHARGE, K.REFUND]
    ).values_list("kind", "amount"):
        totals["captured" if kind == K.CHARGE else "refunded"] += amount
    return totals


@transaction.atomic
def payment_request_record(
    *, payment: Payment, kind: str, amount: Decimal, attempt: int | str = 1, actor=None
) -> str:
    """Write the request before calling the gateway and return its idempotency key,
    deterministic (reference, kind, attempt): a retry after a crash sends the same key,
    so the gateway does the operation once."""
    key = f"{payment.reference}:{kind}:{attempt}"
    PaymentEvent.objects.get_or_create(
        idempotency_key=key,
        defaults={
            "payment": payment,
            "kind": kind,
            "phase": P.REQUEST,
            "amount": amount,
            "actor": actor,
        },
    )
    return key


@transaction.atomic
def payment_outcome_record(
    *,
    payment_id: int,
    kind: str,
    phase: str,
    amount: Decimal,
    gateway_reference: str = "",
    message: str = "",
    actor=None,
) -> tuple[Payment, bool]:
    """Record an outcome once and re-derive the state under the payment's lock.
    Returns the payment and whether its state changed."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    try:
        with transaction.atomic():
            PaymentEvent.objects.create(
                payment=payment,
                kind=kind,
                phase=phase,
                amount=amount,
                gateway_reference=gateway_reference,
                message=message[:255],
                actor=actor,
            )
    except IntegrityError:
        return payment, False  # already known: the same outcome reported again
    outcomes = [
        Outcome(*row)
        for row in payment.events.values_list("kind", "phase", "amount", "gateway_reference")
    ]
    state = payment_state_derive(outcomes)
    if state == payment.state:
        return payment, False
    payment.state = state
    payment.save(update_fields=["state", "updated_at"])
    return payment, True
