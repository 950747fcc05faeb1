"""Vendor orders move through one pipeline; stock and the purchase follow."""

import pytest

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.exceptions import VendorOrderTransitionError
from vendors.models import StockMovementReason, VendorOrderStatus
from vendors.orders.transitions import (
    ActorRole,
    OrderStatus,
    order_status_derive,
    vendor_order_allowed_targets,
    vendor_order_transition,
)

S = VendorOrderStatus


@pytest.fixture
def mixed_purchase(db):
    coffee_shop = PartnerFactory(name="Café Serrano", code="serrano")
    bakery = PartnerFactory(name="La Espiga", code="espiga")
    coffee = ProductFactory(
        title="Café", stockrecord__partner=coffee_shop, stockrecord__num_in_stock=10
    )
    bread = ProductFactory(title="Pan", stockrecord__partner=bakery, stockrecord__num_in_stock=20)
    order = purchase({coffee_shop: [(coffee, 2)], bakery: [(bread, 5)]})
    part_coffee, part_bread = order.vendor_orders.order_by("sequence")
    return order, part_coffee, part_bread, coffee.stockrecords.get(), bread.stockrecords.get()


def move(part, to, role=ActorRole.VENDOR, reason=""):
    return vendor_order_transition(
        vendor_order_id=part.pk, to_status=to, actor=UserFactory(), actor_role=role, reason=reason
    )


def stock(record):
    record.refresh_from_db()
    return record.num_in_stock, record.num_allocated


def test_parts_are_numbered_after_the_purchase(mixed_purchase):
    order, part_coffee, part_bread, *_ = mixed_purchase

    assert (part_coffee.number, part_bread.number) == (f"{order.number}-1", f"{order.number}-2")
    assert [line.title for line in part_coffee.lines] == ["Café"]
    assert [line.title for line in part_bread.lines] == ["Pan"]


def test_the_full_pipeline_consumes_stock_on_delivery(mixed_purchase):
    order, part_coffee, _part_bread, coffee_stock, _ = mixed_purchase

    for status in (S.ACCEPTED, S.READY, S.SHIPPED, S.DELIVERED):
        move(part_coffee, status)

    assert stock(coffee_stock) == (8, 0)
    assert list(part_coffee.events.values_list("from_status", "to_status")) == [
        (S.PLACED, S.ACCEPTED),
        (S.ACCEPTED, S.READY),
        (S.READY, S.SHIPPED),
        (S.SHIPPED, S.DELIVERED),
    ]
    order.refresh_from_db()
    assert order.status == OrderStatus.PARTIALLY_DELIVERED
    assert coffee_stock.movements.order_by("-id").first().reason == StockMovementReason.CONSUMPTION


def test_cancelling_gives_the_stock_back_and_the_purchase_follows(mixed_purchase):
    order, part_coffee, part_bread, coffee_stock, bread_stock = mixed_purchase

    move(part_coffee, S.CANCELLED, role=ActorRole.BUYER)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    move(part_bread, S.REJECTED, reason="Sin harina esta semana.")

    assert stock(coffee_stock) == (10, 0)
    assert stock(bread_stock) == (20, 0)
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED


@pytest.mark.parametrize(
    "origin_steps, to, role",
    [
        ([S.ACCEPTED], S.CANCELLED, ActorRole.BUYER),  # the buyer cannot cancel once accepted
        ([], S.SHIPPED, ActorRole.VENDOR),  # no skipping steps
        ([], S.ACCEPTED, ActorRole.BUYER),  # buyers do not accept
        ([S.ACCEPTED, S.READY, S.SHIPPED, S.DELIVERED], S.CANCELLED, ActorRole.STAFF),  # terminal
    ],
)
def test_forbidden_moves_change_nothing(mixed_purchase, origin_steps, to, role):
    _order, part_coffee, _bread, coffee_stock, _ = mixed_purchase
    for step in origin_steps:
        move(part_coffee, step)
    before = (part_coffee.events.count(), stock(coffee_stock))
    part_coffee.refresh_from_db()
    status_before = part_coffee.status

    with pytest.raises(VendorOrderTransitionError):
        move(part_coffee, to, role=role, reason="porque sí")

    part_coffee.refresh_from_db()
    assert part_coffee.status == status_before
    assert (part_coffee.events.count(), stock(coffee_stock)) == before


def test_a_vendor_must_say_why_it_rejects_or_cancels(mixed_purchase):
    _order, part_coffee, *_ = mixed_purchase

    with pytest.raises(VendorOrderTransitionError, match="reason|motivo"):
        move(part_coffee, S.REJECTED)


def test_allowed_targets_per_role():
    assert vendor_order_allowed_targets(status=S.PLACED, actor_role=ActorRole.VENDOR) == [
        S.ACCEPTED,
        S.REJECTED,
        S.CANCELLED,
    ]
    assert vendor_order_allowed_targets(status=S.PLACED, actor_role=ActorRole.BUYER) == [
        S.CANCELLED
    ]
    assert vendor_order_allowed_targets(status=S.DELIVERED, actor_role=ActorRole.STAFF) == []


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([S.PENDING_PAYMENT, S.PENDING_PAYMENT], OrderStatus.PENDING_PAYMENT),
        ([S.PLACED, S.CANCELLED], OrderStatus.PLACED),
        ([S.PLACED, S.ACCEPTED], OrderStatus.IN_PROGRESS),
        ([S.DELIVERED, S.SHIPPED], OrderStatus.PARTIALLY_DELIVERED),
        ([S.DELIVERED, S.REJECTED], OrderStatus.COMPLETED),
        ([S.CANCELLED, S.REJECTED], OrderStatus.CANCELLED),
    ],
)
def test_the_purchase_status_is_derived_from_its_parts(statuses, expected):
    assert order_status_derive(statuses) == expected
