"""Orders promise stock, give it back, or take it out: all or nothing, always recorded."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import PartnerFactory, ProductFactory
from vendors.exceptions import OutOfStock
from vendors.inventory.stock import StockRequest, stock_allocate, stock_consume, stock_release
from vendors.models import StockMovement, StockMovementReason


@pytest.fixture
def records(db):
    partner = PartnerFactory(name="Café Serrano", code="serrano")
    coffee = ProductFactory(
        title="Café molido", stockrecord__partner=partner, stockrecord__num_in_stock=10
    )
    honey = ProductFactory(title="Miel", stockrecord__partner=partner, stockrecord__num_in_stock=3)
    return coffee.stockrecords.get(), honey.stockrecords.get()


def levels(*records):
    return [
        (r.num_in_stock, r.num_allocated or 0)
        for r in (type(r).objects.get(pk=r.pk) for r in records)
    ]


def test_allocation_promises_units_and_records_each(records):
    coffee, honey = records

    stock_allocate(
        requests=[
            StockRequest(coffee.pk, 4),
            StockRequest(honey.pk, 1),
            StockRequest(coffee.pk, 2),
        ],
        order_number="100042-1",
    )

    assert levels(coffee, honey) == [(10, 6), (3, 1)]
    movements = StockMovement.objects.values_list(
        "stockrecord", "reason", "delta", "allocated_delta", "allocated_after", "order_number"
    )
    assert sorted(movements) == [
        (coffee.pk, StockMovementReason.ALLOCATION, 0, 6, 6, "100042-1"),
        (honey.pk, StockMovementReason.ALLOCATION, 0, 1, 1, "100042-1"),
    ]


def test_allocation_is_all_or_nothing(records):
    coffee, honey = records

    with pytest.raises(OutOfStock) as refused:
        stock_allocate(
            requests=[StockRequest(coffee.pk, 2), StockRequest(honey.pk, 5)],
            order_number="100043-1",
        )

    assert (refused.value.stockrecord_id, refused.value.available) == (honey.pk, 3)
    with translation.override("es"):
        assert refused.value.message == "Solo quedan 3 de Miel; usted pidió 5."
    assert levels(coffee, honey) == [(10, 0), (3, 0)]
    assert StockMovement.objects.count() == 0


def test_a_sold_out_product_says_agotado(records):
    _coffee, honey = records
    stock_allocate(requests=[StockRequest(honey.pk, 3)], order_number="1-1")

    with pytest.raises(OutOfStock) as refused:
        stock_allocate(requests=[StockRequest(honey.pk, 1)], order_number="2-1")

    assert refused.value.available == 0
    with translation.override("es"):
        assert refused.value.message == "Miel está agotado."


def test_release_and_consume(records):
    coffee, _honey = records
    stock_allocate(requests=[StockRequest(coffee.pk, 5)], order_number="100044-1")

    stock_release(requests=[StockRequest(coffee.pk, 2)], order_number="100044-1")
    stock_consume(requests=[StockRequest(coffee.pk, 3)], order_number="100044-1")

    assert levels(coffee) == [(7, 0)]
    assert list(
        StockMovement.objects.order_by("id").values_list(
            "reason", "delta", "level_after", "allocated_delta", "allocated_after"
        )
    ) == [
        (StockMovementReason.ALLOCATION, 0, 10, 5, 5),
        (StockMovementReason.RELEASE, 0, 10, -2, 3),
        (StockMovementReason.CONSUMPTION, -3, 7, -3, 0),
    ]


def test_returning_more_than_was_promised_is_refused(records):
    coffee, _honey = records
    stock_allocate(requests=[StockRequest(coffee.pk, 1)], order_number="9-1")

    with pytest.raises(ValidationError):
        stock_release(requests=[StockRequest(coffee.pk, 2)], order_number="9-1")

    assert levels(coffee) == [(10, 1)]


def test_records_that_do_not_track_stock_are_left_alone(records):
    coffee, _honey = records
    type(coffee).objects.filter(pk=coffee.pk).update(num_in_stock=None)

    assert stock_allocate(requests=[StockRequest(coffee.pk, 99)], order_number="5-1") == []


def test_the_database_refuses_promising_more_than_the_stock(records):
    coffee, _honey = records

    with pytest.raises(IntegrityError), transaction.atomic():
        type(coffee).objects.filter(pk=coffee.pk).update(num_allocated=11)

    assert levels(coffee) == [(10, 0)]
