"""Concurrent stock changes on PostgreSQL: none is lost, none is doubled."""

import threading

import pytest
from django.db import connection

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.inventory import stock_adjust, stock_set
from vendors.models import StockMovement, StockMovementReason

pytestmark = [pytest.mark.postgres,
              pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def run_in_threads(count: int, work) -> list:
    barrier = threading.Barrier(count)
    errors: list = []

    def worker(index):
        try:
            barrier.wait()
            work(index)
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def honey():
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=100)
    return partner.vendor, product.stockrecords.get(), UserFactory()


def test_twenty_concurrent_adjustments_all_count(honey):
    vendor, stockrecord, actor = honey

    errors = run_in_threads(20, lambda i: stock_adjust(
        stockrecord_id=stockrecord.pk, vendor=vendor, delta=-3, actor=actor,
        reason=StockMovementReason.ADJUSTMENT, note=f"venta en tienda {i}"))

    stockrecord.refresh_from_db()
    assert errors == []
    assert stockrecord.num_in_stock == 40
    levels = sorted(StockMovement.objects.values_list("level_after", flat=True))
    assert levels == list(range(40, 100, 3))


def test_concurrent_withdrawals_never_take_stock_below_zero(honey):
    vendor, stockrecord, actor = honey

    errors = run_in_threads(12, lambda i: stock_adjust(
        stockrecord_id=stockrecord.pk, vendor=vendor, delta=-10, actor=actor,
        reason=StockMovementReason.ADJUSTMENT, note="salida"))

    stockrecord.refresh_from_db()
    assert stockrecord.num_in_stock == 0
    assert len(errors) == 2
    assert StockMovement.objects.count() == 10


def test_concurrent_set_to_the_same_level_moves_once(honey):
    vendor, stockrecord, actor = honey

    errors = run_in_threads(10, lambda i: stock_set(
        stockrecord_id=stockrecord.pk, vendor=vendor, level=60, actor=actor,
        reason=StockMovementReason.ADJUSTMENT, note="conteo"))

    stockrecord.refresh_from_db()
    assert errors == []
    assert stockrecord.num_in_stock == 60
    assert list(StockMovement.objects.values_list("delta", flat=True)) == [-40]
