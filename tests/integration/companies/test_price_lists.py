"""A price list a store grants to a company prices the company's baskets and purchases
through the one pricing path, before the store's public tiers; another company, or the
same buyer buying for themselves, pays the public prices. A bad list saves nothing."""

from decimal import Decimal

import pytest
from django.utils import translation

from shop.apps.partner.strategy import Selector
from shop.companies.exceptions import CompanyRefused
from shop.companies.models import PriceList, PriceListPrice
from shop.companies.price_lists import company_prices, price_list_save
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.factories.companies import company_world, place_as_company
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    (cafe, coffee), (miel, honey) = stores_create(stock=100)
    record = coffee.stockrecords.get()
    record.partner_sku = "CAF-01"
    record.save()
    # Public: 300 a unit, 250 from 10 units on.
    product_terms_set(stockrecord=record, terms=QuantityTerms(tiers=(Tier(10, Decimal("250")),)))
    company, members = company_world()
    other, other_members = company_world(nit="40087654321", name="Cafetería El Portal")
    price_list_save(
        vendor=cafe.vendor, name="Panaderías", nits=company.nit, prices="CAF-01 1:280; 10:200"
    )
    return {
        "cafe": cafe,
        "coffee": coffee,
        "honey": honey,
        "record": record,
        "company": company,
        "buyer": members["buyer"],
        "other": other,
        "other_buyer": other_members["owner"],
    }


def basket_price(world, company, user, quantity):
    from oscar.core.loading import get_model

    basket = get_model("basket", "Basket").objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user, company_id=company.pk if company else None)
    basket.add_product(world["coffee"], quantity=quantity)
    return basket.all_lines()[0].unit_price_incl_tax


def test_the_company_basket_costs_the_list_price_before_the_public_tiers(world):
    assert basket_price(world, world["company"], world["buyer"], 1) == Decimal("280.00")
    assert basket_price(world, world["company"], world["buyer"], 10) == Decimal("200.00")


def test_another_company_and_the_buyer_alone_pay_the_public_prices(world):
    assert basket_price(world, world["other"], world["other_buyer"], 10) == Decimal("250.00")
    assert basket_price(world, None, world["buyer"], 1) == Decimal("300.00")


def test_the_placement_charges_the_list_price_to_a_purchase_made_as_the_company(world):
    # The basket is filled with public prices; buying as the company prices it again.
    order = place_as_company(world["company"], world["buyer"], [(world["coffee"], 2)]).order

    line = order.lines.get()
    assert line.unit_price_incl_tax == Decimal("280.00")
    assert order.total_incl_tax == Decimal("760.00")  # 2 × 280 + 200 delivery


def test_another_company_is_charged_the_public_price(world):
    order = place_as_company(world["other"], world["other_buyer"], [(world["coffee"], 10)]).order

    assert order.lines.get().unit_price_incl_tax == Decimal("250.00")


def test_the_same_buyer_buying_for_themselves_pays_the_public_price(world):
    order = purchase_place_for(world["buyer"], [(world["coffee"], 1)])

    assert order.lines.get().unit_price_incl_tax == Decimal("300.00")


def test_two_lists_pricing_the_same_quantity_give_the_lower_price(world):
    price_list_save(
        vendor=world["cafe"].vendor, name="Otra", nits=world["company"].nit, prices="CAF-01 1:270"
    )

    assert company_prices(company_id=world["company"].pk) == {
        world["record"].pk: (Tier(1, Decimal("270.00")), Tier(10, Decimal("200.00")))
    }


@pytest.mark.parametrize(
    ("prices", "nits", "message"),
    [
        ("MIEL-9 1:10", "40012345678", "Su tienda no vende ningún producto con el SKU MIEL-9."),
        ("CAF-01 uno:10", "40012345678", "CAF-01: "),
        ("CAF-01 1:10", "40099999999", "Ninguna empresa con el NIT 40099999999"),
        ("CAF-01", "40012345678", "Escriba cada línea como SKU y precios"),
    ],
)
def test_a_bad_list_is_refused_with_its_reason_and_nothing_changes(world, prices, nits, message):
    price_list = PriceList.objects.get()
    with translation.override("es"), pytest.raises(CompanyRefused) as refused:
        price_list_save(
            vendor=world["cafe"].vendor,
            name="Panaderías",
            nits=nits,
            prices=prices,
            price_list=price_list,
        )

    assert message in refused.value.message
    assert sorted(PriceListPrice.objects.values_list("min_quantity", "price")) == [
        (1, Decimal("280.00")),
        (10, Decimal("200.00")),
    ]


def test_a_store_cannot_list_another_stores_product(world):
    honey = world["honey"].stockrecords.get()
    honey.partner_sku = "MIEL-9"
    honey.save()

    with pytest.raises(CompanyRefused):
        price_list_save(
            vendor=world["cafe"].vendor, name="Miel", nits=world["company"].nit, prices="MIEL-9 1:1"
        )
