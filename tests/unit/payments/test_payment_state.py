"""The payment's state derived from its outcomes: arrival order and duplicates never
change it (payments/ledger.py)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from payments.interface import PaymentState
from payments.ledger import Outcome, payment_state_derive
from payments.models import PaymentEventKind as K
from payments.models import PaymentEventPhase as P

outcomes = st.lists(
    st.builds(
        Outcome,
        kind=st.sampled_from(K.values),
        phase=st.sampled_from(P.values),
        amount=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2),
        gateway_reference=st.sampled_from(["a", "b", "c"]),
    ),
    max_size=8,
    # The ledger stores one outcome per (kind, phase, reference) (a unique constraint).
    unique_by=lambda outcome: (outcome.kind, outcome.phase, outcome.gateway_reference),
)


@given(outcomes, st.randoms())
def test_the_order_of_arrival_does_not_change_the_state(events, random):
    shuffled = list(events)
    random.shuffle(shuffled)

    assert payment_state_derive(shuffled) == payment_state_derive(events)


@given(outcomes)
def test_an_outcome_reported_twice_counts_once(events):
    # The ledger stores an outcome once per (kind, phase, reference): the same report
    # again carries the same amount.
    assert payment_state_derive(events + events) == payment_state_derive(events)


def test_refunding_what_was_charged_refunds_the_payment():
    charged = Outcome(K.CHARGE, P.SUCCESS, Decimal("100.00"), "ch")

    assert payment_state_derive([charged]) == PaymentState.CAPTURED
    assert (
        payment_state_derive([charged, Outcome(K.REFUND, P.SUCCESS, Decimal("40.00"), "r1")])
        == PaymentState.PARTIALLY_REFUNDED
    )
    assert (
        payment_state_derive(
            [
                charged,
                Outcome(K.REFUND, P.SUCCESS, Decimal("40.00"), "r1"),
                Outcome(K.REFUND, P.SUCCESS, Decimal("60.00"), "r2"),
            ]
        )
        == PaymentState.REFUNDED
    )


def test_requests_alone_leave_it_pending_and_a_failure_fails_it():
    request = Outcome(K.CHARGE, P.REQUEST, Decimal("100.00"))

    assert payment_state_derive([request]) == PaymentState.PENDING
    assert (
        payment_state_derive([request, Outcome(K.CHARGE, P.FAILURE, Decimal("100.00"))])
        == PaymentState.FAILED
    )
    assert (
        payment_state_derive([Outcome(K.CANCEL, P.SUCCESS, Decimal("100.00"))])
        == PaymentState.CANCELLED
    )
