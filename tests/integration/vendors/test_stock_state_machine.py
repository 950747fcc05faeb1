"""Any sequence of place / cancel / deliver / restock / adjust keeps the stock sound:
0 <= promised <= in stock, and promised equals what open orders hold."""

import itertools

from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.exceptions import OutOfStock
from vendors.inventory.stock import (
    StockRequest,
    stock_adjust,
    stock_allocate,
    stock_consume,
    stock_release,
    stock_set,
)
from vendors.models import StockMovement, StockMovementReason

ORDER_NUMBERS = itertools.count(1)


class StockMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        number = next(ORDER_NUMBERS)
        partner = PartnerFactory(code=f"maquina-{number}")
        self.vendor = partner.vendor
        self.actor = UserFactory()
        self.record = ProductFactory(
            stockrecord__partner=partner, stockrecord__num_in_stock=5
        ).stockrecords.get()
        self.open_orders: dict[str, int] = {}
        self.expected_in_stock = 5

    @rule(quantity=st.integers(min_value=1, max_value=6))
    def place(self, quantity):
        number = f"{next(ORDER_NUMBERS)}-1"
        free = self.expected_in_stock - sum(self.open_orders.values())
        try:
            stock_allocate(
                requests=[StockRequest(self.record.pk, quantity)],
                order_number=number,
                actor=self.actor,
            )
        except OutOfStock as refused:
            assert quantity > free and refused.available == free
        else:
            assert quantity <= free
            self.open_orders[number] = quantity

    @precondition(lambda self: self.open_orders)
    @rule(data=st.data())
    def cancel(self, data):
        number = data.draw(st.sampled_from(sorted(self.open_orders)))
        stock_release(
            requests=[StockRequest(self.record.pk, self.open_orders.pop(number))],
            order_number=number,
        )

    @precondition(lambda self: self.open_orders)
    @rule(data=st.data())
    def deliver(self, data):
        number = data.draw(st.sampled_from(sorted(self.open_orders)))
        quantity = self.open_orders.pop(number)
        stock_consume(requests=[StockRequest(self.record.pk, quantity)], order_number=number)
        self.expected_in_stock -= quantity

    @rule(units=st.integers(min_value=1, max_value=10))
    def restock(self, units):
        stock_adjust(
            stockrecord_id=self.record.pk,
            vendor=self.vendor,
            delta=units,
            reason=StockMovementReason.ADJUSTMENT,
            note="llegó mercancía",
            actor=self.actor,
        )
        self.expected_in_stock += units

    @rule(level=st.integers(min_value=0, max_value=15))
    def adjust(self, level):
        try:
            stock_set(
                stockrecord_id=self.record.pk,
                vendor=self.vendor,
                level=level,
                reason=StockMovementReason.ADJUSTMENT,
                note="conteo",
                actor=self.actor,
            )
        except ValidationError:
            assert level < sum(self.open_orders.values())
        else:
            self.expected_in_stock = level

    @invariant()
    def stock_is_sound(self):
        self.record.refresh_from_db()
        allocated = self.record.num_allocated or 0
        assert 0 <= allocated <= self.record.num_in_stock
        assert allocated == sum(self.open_orders.values())
        assert self.record.num_in_stock == self.expected_in_stock
        last = StockMovement.objects.filter(stockrecord=self.record).order_by("-id").first()
        if last is not None:
            assert (last.level_after, last.allocated_after) == (self.record.num_in_stock, allocated)


def test_stock_stays_sound_whatever_happens(db):
    StockMachine.TestCase.settings = settings(
        max_examples=25,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    StockMachine.TestCase().runTest()
