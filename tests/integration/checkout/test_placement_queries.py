"""Placing a purchase costs a fixed number of queries plus a constant per line, however
many stores the lines come from."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model

from payments.selectors import payment_method_default
from shop.apps.checkout.placement import purchase_place
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.callcenter import ADDRESS, cuba
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
ShippingAddress = get_model("order", "ShippingAddress")
Selector = get_class("partner.strategy", "Selector")


def products_from(*, stores: int, lines_per_store: int) -> tuple[list, dict]:
    """`lines_per_store` products from each of `stores` new stores delivering home to La
    Habana, and the buyer's choice for each store (home delivery)."""
    products, choices = [], {}
    for _store in range(stores):
        partner = PartnerFactory()
        zone = DeliveryZoneFactory(vendor=partner.vendor, price=Decimal("150.00"))
        PickupPointFactory(vendor=partner.vendor)
        choices[str(partner.vendor.pk)] = f"home-{zone.pk}"
        products += [
            ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=10)
            for _line in range(lines_per_store)
        ]
    return products, choices


def placement_queries(*, stores: int, lines_per_store: int) -> int:
    """Queries of purchase_place for a guest's basket (built beforehand, not counted)."""
    products, choices = products_from(stores=stores, lines_per_store=lines_per_store)
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product in products:
        basket.add_product(product, quantity=2)
    address = ShippingAddress(country=cuba(), **ADDRESS)
    with CaptureQueriesContext(connection) as queries:
        order = purchase_place(
            basket=basket,
            shipping_address=address,
            choices=choices,
            email="ana@example.test",
            payment_method=payment_method_default(),
        ).order
    assert order.vendor_orders.count() == stores
    assert order.lines.count() == stores * lines_per_store
    return len(queries.captured_queries)


def test_the_cost_of_placing_grows_with_the_lines_never_with_the_stores():
    placement_queries(stores=1, lines_per_store=1)  # first placement: caches, not counted

    one_store_one_line = placement_queries(stores=1, lines_per_store=1)
    one_store_two_lines = placement_queries(stores=1, lines_per_store=2)
    per_line = one_store_two_lines - one_store_one_line
    three_stores_one_line_each = placement_queries(stores=3, lines_per_store=1)
    three_stores_two_lines_each = placement_queries(stores=3, lines_per_store=2)

    assert per_line == 3  # the order line, its price, the stock it promises
    assert three_stores_one_line_each == one_store_one_line + 2 * per_line
    assert three_stores_two_lines_each == one_store_one_line + 5 * per_line
