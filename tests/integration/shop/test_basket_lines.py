"""The basket reads its lines once, with what its pages and the order need; what is read
is still what is there: the options chosen for a line, the vouchers added."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Option = get_model("catalogue", "Option")
Voucher = get_model("voucher", "Voucher")
Selector = get_class("partner.strategy", "Selector")


def basket_of(*products_and_options) -> Basket:
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, options in products_and_options:
        basket.add_product(product, options=options)
    return Basket.objects.get(pk=basket.pk)  # as a new request reads it


def test_a_line_keeps_the_options_chosen_for_it_and_the_others_cost_no_query():
    engraving = Option.objects.create(name="Dedicatoria", code="dedicatoria")
    mug, coffee = ProductFactory(), ProductFactory()
    mug.product_options.add(engraving)
    basket = basket_of((mug, [{"option": engraving, "value": "Para Ana"}]), (coffee, []))

    lines = list(basket.all_lines())
    with CaptureQueriesContext(connection) as queries:
        chosen = [
            [(attribute.option.code, attribute.value) for attribute in line.attributes.all()]
            for line in lines
        ]
        stores = [line.stockrecord.partner.vendor.trade_name for line in lines]
        classes = [line.product.get_product_class().requires_shipping for line in lines]

    assert chosen == [[("dedicatoria", "Para Ana")], []]
    assert stores == [line.stockrecord.partner.name for line in lines]
    assert classes == [True, True]
    assert len(queries.captured_queries) == 1  # the option of the one attribute


def test_a_voucher_added_to_a_basket_read_without_any_is_seen_at_once():
    basket = basket_of((ProductFactory(), []))
    basket.all_lines()
    assert list(basket.vouchers.all()) == []
    voucher = Voucher.objects.create(
        name="Bienvenida",
        code="BIENVENIDA",
        start_datetime=timezone.now(),
        end_datetime=timezone.now() + datetime.timedelta(days=1),
    )

    basket.vouchers.add(voucher)

    assert list(basket.vouchers.all()) == [voucher]
