import itertools
from decimal import Decimal

import pytest

from payments.interface import PaymentState
from payments.ledger import Outcome, payment_outcome_record, payment_request_record
from payments.models import Payment, PaymentEvent

D = Decimal
# A payment's life: authorized, captured in two charges, partly refunded, a late failure
# report of an earlier attempt.
LIFECYCLE = [
    Outcome("authorization", "success", D("100.00"), "pi_1"),
    Outcome("charge", "success", D("60.00"), "ch_1"),
    Outcome("charge", "success", D("40.00"), "ch_2"),
    Outcome("refund", "success", D("25.00"), "re_1"),
    Outcome("charge", "failure", D("100.00"), "ch_0"),
]


def new_payment(reference: str) -> Payment:
    return Payment.objects.create(
        reference=reference, gateway="dummy", amount=D("100.00"), currency="CUP"
    )


def replay(payment: Payment, outcomes) -> Payment:
    for outcome in outcomes:
        payment_outcome_record(
            payment_id=payment.pk,
            kind=outcome.kind,
            phase=outcome.phase,
            amount=outcome.amount,
            gateway_reference=outcome.gateway_reference,
        )
    payment.refresh_from_db()
    return payment


@pytest.mark.django_db
def test_every_ordering_of_the_lifecycle_ends_in_the_same_state():
    finals = set()
    for number, order in enumerate(itertools.permutations(LIFECYCLE)):
        finals.add(replay(new_payment(f"P{number}"), order).state)

    assert finals == {PaymentState.PARTIALLY_REFUNDED}


@pytest.mark.django_db
def test_a_duplicate_outcome_is_stored_and_counted_once():
    payment = replay(new_payment("P1"), LIFECYCLE + LIFECYCLE + [LIFECYCLE[3]])

    assert PaymentEvent.objects.filter(payment=payment).count() == len(LIFECYCLE)
    assert payment.state == PaymentState.PARTIALLY_REFUNDED


@pytest.mark.django_db
def test_refunding_everything_captured_ends_refunded_and_a_late_capture_report_is_harmless():
    payment = replay(
        new_payment("P1"),
        [
            Outcome("charge", "success", D("100.00"), "ch_1"),
            Outcome("refund", "success", D("100.00"), "re_1"),
            Outcome("charge", "success", D("100.00"), "ch_1"),  # the capture webhook, late
        ],
    )

    assert payment.state == PaymentState.REFUNDED


@pytest.mark.django_db
def test_the_state_says_whether_it_changed():
    payment = new_payment("P1")

    _payment, first = payment_outcome_record(
        payment_id=payment.pk,
        kind="charge",
        phase="success",
        amount=D("100.00"),
        gateway_reference="ch_1",
    )
    _payment, again = payment_outcome_record(
        payment_id=payment.pk,
        kind="charge",
        phase="success",
        amount=D("100.00"),
        gateway_reference="ch_1",
    )

    assert (first, again) == (True, False)


@pytest.mark.django_db
def test_request_keys_are_deterministic_and_written_once():
    payment = new_payment("100001")

    keys = {
        payment_request_record(payment=payment, kind="charge", amount=D("100.00")) for _ in range(3)
    }

    assert keys == {"100001:charge:1"}
    assert PaymentEvent.objects.filter(phase="request").count() == 1
