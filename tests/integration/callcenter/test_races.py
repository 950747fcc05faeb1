"""Agents acting at the same moment, on PostgreSQL with real threads: nothing is
released, refunded or sold twice."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from shop.callcenter import services
from shop.callcenter.models import AuditEntry, LineCancellation
from shop.callcenter.phone_orders import PhoneOrder, phone_basket_add, phone_order_place
from tests.concurrency import run_in_threads
from tests.factories import ProductFactory, UserFactory
from tests.factories.callcenter import (
    ADDRESS,
    agent_create,
    purchase_place_for,
    stores_create,
)
from vendors.exceptions import OutOfStock
from vendors.models import StockMovement

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def world():
    (partner_a, coffee), (partner_b, honey) = stores_create()
    sugar = ProductFactory(
        title="Azúcar",
        stockrecord__partner=partner_a,
        stockrecord__price=Decimal("100.00"),
        stockrecord__num_in_stock=10,
    )
    customer = UserFactory(email="marta@example.test")
    order = purchase_place_for(customer, [(coffee, 2), (sugar, 3), (honey, 1)])
    return {
        "order": order,
        "coffee": coffee,
        "sugar": sugar,
        "honey": honey,
        "agents": [agent_create(), agent_create()],
        "customer": customer,
        "partners": (partner_a, partner_b),
    }


def allocated(product) -> int:
    return StockRecord.objects.get(product=product).num_allocated


def test_two_agents_cancelling_the_same_line_release_its_units_once(world):
    line = world["order"].lines.get(product=world["sugar"])

    errors = run_in_threads(
        2,
        lambda i: services.order_line_cancel(
            agent=world["agents"][i], line_id=line.pk, reason=f"Agente {i}"
        ),
    )

    assert [type(error) for error in errors] == [ValidationError]
    assert allocated(world["sugar"]) == 0
    assert allocated(world["coffee"]) == 2
    assert LineCancellation.objects.count() == 1
    assert AuditEntry.objects.count() == 1
    assert (
        StockMovement.objects.filter(stockrecord__product=world["sugar"], reason="release").count()
        == 1
    )


def test_cancelling_a_part_while_another_agent_cancels_one_of_its_lines(world):
    part = world["order"].vendor_orders.get(sequence=1)
    line = world["order"].lines.get(product=world["sugar"])
    work = [
        lambda: services.vendor_order_cancel(
            agent=world["agents"][0], vendor_order_id=part.pk, reason="Todo"
        ),
        lambda: services.order_line_cancel(
            agent=world["agents"][1], line_id=line.pk, reason="Azúcar"
        ),
    ]

    errors = run_in_threads(2, lambda i: work[i]())

    part.refresh_from_db()
    assert part.status == "cancelled"
    assert (allocated(world["coffee"]), allocated(world["sugar"])) == (0, 0)
    record = StockRecord.objects.get(product=world["sugar"])
    assert record.num_in_stock == 10
    assert AuditEntry.objects.count() == 2 - len(errors)


def test_a_phone_order_and_a_web_order_race_for_the_last_unit(world):
    last = ProductFactory(
        title="Último",
        stockrecord__partner=world["partners"][1],
        stockrecord__price=Decimal("50.00"),
        stockrecord__num_in_stock=1,
    )
    # Never bought nor viewed: both purchases would create its analytics counter row
    # (shop/apps/order/receivers.py keeps that out of the purchase's transaction).
    walk_in = services.customer_create(
        agent=world["agents"][0], first_name="Pedro", last_name="Gómez", phone="52349876"
    )
    basket = Basket.objects.create()
    from oscar.core.loading import get_class

    basket.strategy = get_class("partner.strategy", "Selector")().strategy(user=walk_in)
    phone_basket_add(basket=basket, stockrecord_id=last.stockrecords.get().pk, quantity=1)
    pickup = world["partners"][1].vendor.pickup_points.get()
    web_buyer = UserFactory()

    def take(index):
        if index == 0:
            phone_order_place(
                agent=world["agents"][0],
                customer=walk_in,
                basket=basket,
                order=PhoneOrder(
                    address=ADDRESS,
                    channel="phone",
                    payment_method="cash_on_delivery",
                    choices={str(pickup.vendor_id): f"pickup-{pickup.pk}"},
                ),
            )
        else:
            purchase_place_for(web_buyer, [(last, 1)], home=False)

    errors = run_in_threads(2, take)

    assert len(errors) == 1
    assert isinstance(errors[0], ValidationError | OutOfStock)
    record = last.stockrecords.get()
    assert (record.num_in_stock, record.num_allocated) == (1, 1)
    assert Order.objects.filter(lines__product=last).count() == 1
