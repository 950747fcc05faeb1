"""The one lock order (vendors/orders/locks.py), on PostgreSQL with real threads: an
agent cancels a purchase still waiting for its transfer while the payment's webhook is
processed and an operator confirms the transfer, all released together, round after
round. Nobody deadlocks, and each round ends in one state with money and stock
consistent: either the purchase is cancelled and any money taken went back, or it is
paid and the part the agent cancelled was refunded."""

import os
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from payments.exceptions import PaymentClosed
from payments.interface import Money, PaymentState, PaymentStatus
from payments.ledger import payment_totals
from payments.models import Payment
from payments.services import bank_transfer_confirm, payment_status_apply
from shop.callcenter import services
from tests.concurrency import run_in_threads
from tests.factories import UserFactory
from tests.factories.accounts import operator_create
from tests.factories.callcenter import agent_create, purchase_place_for, stores_create
from vendors.models import (
    LedgerEntryKind,
    StockMovement,
    StockMovementReason,
    VendorLedgerEntry,
    VendorOrder,
)
from vendors.models import VendorOrderStatus as S
from vendors.orders.money import vendor_part_total

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
StockRecord = get_model("partner", "StockRecord")
# `LOCK_ORDER_ROUNDS=20 make test PYTEST_ARGS=-k lock_order` repeats it more.
ROUNDS = int(os.environ.get("LOCK_ORDER_ROUNDS", "3"))


def test_cancel_webhook_and_transfer_confirmation_at_once_never_deadlock():
    (_partner_a, coffee), (_partner_b, honey) = stores_create(stock=10 * ROUNDS)
    agent, operator = agent_create(), operator_create()
    for round_number in range(ROUNDS):
        order = purchase_place_for(
            UserFactory(), [(coffee, 2), (honey, 1)], gateway="bank_transfer"
        )

        errors = _all_at_once(order=order, agent=agent, operator=operator, first=round_number % 3)

        assert all(isinstance(error, (ValidationError, PaymentClosed)) for error in errors), (
            round_number,
            errors,
        )
        _assert_consistent(order)


def _all_at_once(*, order, agent, operator, first: int) -> list:
    """The three writers released together (which one starts first rotates)."""
    payment = Payment.objects.get(order=order)
    part = order.vendor_orders.order_by("sequence").first()
    webhook = PaymentStatus(
        gateway_reference=payment.gateway_reference,
        state=PaymentState.CAPTURED,
        amount_captured=Money(payment.amount, payment.currency),
    )
    actions = [
        lambda: services.vendor_order_cancel(
            agent=agent, vendor_order_id=part.pk, reason="El cliente ya no lo quiere"
        ),
        lambda: payment_status_apply(payment_id=payment.pk, status=webhook),
        lambda: bank_transfer_confirm(payment_id=payment.pk, actor=operator),
    ]
    return run_in_threads(3, lambda i: actions[(i + first) % 3]())


def _assert_consistent(order):
    payment = Payment.objects.get(order=order)
    parts = list(VendorOrder.objects.filter(order=order).order_by("sequence"))
    open_parts = [part for part in parts if part.status not in (S.CANCELLED, S.REJECTED)]
    totals = payment_totals(payment)
    held = totals["captured"] - totals["refunded"]
    # Money: the platform holds exactly what the open parts cost (nothing when all closed).
    assert held == sum((vendor_part_total(part) for part in open_parts), Decimal("0"))
    if not open_parts:
        assert payment.state in (PaymentState.CANCELLED, PaymentState.REFUNDED)
    else:
        # Paid: every open part went to its store, and each store is owed its sale once.
        assert {part.status for part in open_parts} == {S.PLACED}
        for part in open_parts:
            sales = VendorLedgerEntry.objects.filter(vendor_order=part, kind=LedgerEntryKind.SALE)
            assert sales.count() == 1
    # Stock: only the open parts' units stay promised.
    for line in order.lines.all():
        part = next(part for part in parts if part.vendor.partner_id == line.partner_id)
        promised = line.quantity if part in open_parts else 0
        assert _promised(line.stockrecord_id, order) == promised


def _promised(stockrecord_id: int, order) -> int:
    return sum(
        StockMovement.objects.filter(
            stockrecord_id=stockrecord_id,
            order_number__startswith=order.number,
            reason__in=(StockMovementReason.ALLOCATION, StockMovementReason.RELEASE),
        ).values_list("allocated_delta", flat=True)
    )
