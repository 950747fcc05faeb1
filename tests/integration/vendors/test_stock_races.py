"""Concurrent stock changes on PostgreSQL: none is lost, none is doubled, none deadlocks."""

import threading

import pytest
from django.db import connection, transaction

from tests.concurrency import run_in_threads
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.exceptions import OutOfStock
from vendors.inventory.stock import StockRequest, stock_adjust, stock_allocate, stock_set
from vendors.models import StockMovement, StockMovementReason

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def honey():
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=100)
    return partner.vendor, product.stockrecords.get(), UserFactory()


def test_twenty_concurrent_adjustments_all_count(honey):
    vendor, stockrecord, actor = honey

    errors = run_in_threads(
        20,
        lambda i: stock_adjust(
            stockrecord_id=stockrecord.pk,
            vendor=vendor,
            delta=-3,
            actor=actor,
            reason=StockMovementReason.ADJUSTMENT,
            note=f"venta en tienda {i}",
        ),
    )

    stockrecord.refresh_from_db()
    assert errors == []
    assert stockrecord.num_in_stock == 40
    levels = sorted(StockMovement.objects.values_list("level_after", flat=True))
    assert levels == list(range(40, 100, 3))


def test_concurrent_withdrawals_never_take_stock_below_zero(honey):
    vendor, stockrecord, actor = honey

    errors = run_in_threads(
        12,
        lambda i: stock_adjust(
            stockrecord_id=stockrecord.pk,
            vendor=vendor,
            delta=-10,
            actor=actor,
            reason=StockMovementReason.ADJUSTMENT,
            note="salida",
        ),
    )

    stockrecord.refresh_from_db()
    assert stockrecord.num_in_stock == 0
    assert len(errors) == 2
    assert StockMovement.objects.count() == 10


def test_concurrent_set_to_the_same_level_moves_once(honey):
    vendor, stockrecord, actor = honey

    errors = run_in_threads(
        10,
        lambda i: stock_set(
            stockrecord_id=stockrecord.pk,
            vendor=vendor,
            level=60,
            actor=actor,
            reason=StockMovementReason.ADJUSTMENT,
            note="conteo",
        ),
    )

    stockrecord.refresh_from_db()
    assert errors == []
    assert stockrecord.num_in_stock == 60
    assert list(StockMovement.objects.values_list("delta", flat=True)) == [-40]


def run_pool(tasks: int, workers: int, work) -> tuple[list, list]:
    """`tasks` calls of work(i) from `workers` threads, each with its own connection
    (PostgreSQL's default limit is 100 connections)."""
    import queue

    pending: queue.Queue = queue.Queue()
    for index in range(tasks):
        pending.put(index)
    results, errors = [], []
    start = threading.Barrier(workers)

    def worker():
        start.wait()
        try:
            while True:
                try:
                    index = pending.get_nowait()
                except queue.Empty:
                    return
                try:
                    results.append(work(index))
                except Exception as error:  # collected and asserted on below
                    errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a worker hung (deadlock?)"
    return results, errors


def test_two_hundred_buyers_for_the_last_ten_units():
    partner = PartnerFactory(name="Café Serrano", code="serrano")
    product = ProductFactory(
        title="Café de altura", stockrecord__partner=partner, stockrecord__num_in_stock=10
    )
    stockrecord = product.stockrecords.get()

    def buy(index):
        with transaction.atomic():
            stock_allocate(
                requests=[StockRequest(stockrecord.pk, 1)], order_number=f"{100000 + index}-1"
            )
        return index

    bought, refused = run_pool(200, 40, buy)

    stockrecord.refresh_from_db()
    assert len(bought) == 10
    assert len(refused) == 190
    assert all(isinstance(error, OutOfStock) and error.available == 0 for error in refused)
    assert (stockrecord.num_in_stock, stockrecord.num_allocated) == (10, 10)
    assert StockMovement.objects.filter(reason=StockMovementReason.ALLOCATION).count() == 10


def test_fifty_baskets_with_the_same_products_in_shuffled_order_do_not_deadlock():
    import random

    partner = PartnerFactory(name="Textiles Trinidad", code="trinidad")
    records = [
        ProductFactory(
            stockrecord__partner=partner, stockrecord__num_in_stock=1000
        ).stockrecords.get()
        for _ in range(5)
    ]
    rng = random.Random(7)
    baskets = []
    for _ in range(50):
        chosen = rng.sample(records, rng.randint(2, 5))
        rng.shuffle(chosen)
        baskets.append([StockRequest(record.pk, rng.randint(1, 3)) for record in chosen])

    def buy(index):
        with transaction.atomic():
            stock_allocate(requests=baskets[index], order_number=f"{200000 + index}-1")

    _done, errors = run_pool(50, 25, buy)

    assert errors == []
    for record in records:
        record.refresh_from_db()
        expected = sum(
            r.quantity for basket in baskets for r in basket if r.stockrecord_id == record.pk
        )
        assert record.num_allocated == expected
