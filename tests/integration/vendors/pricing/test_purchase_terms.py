"""Every way of buying applies a store's wholesale terms through the one pricing path:
the web basket, the placement's re-check, a phone order and an accepted offer."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_class, get_model

from shop.apps.checkout.exceptions import PurchaseRefused
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set, store_terms_set

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")

BOX_OF_24 = QuantityTerms(
    multiple=24, tiers=(Tier(48, Decimal("270.00")), Tier(96, Decimal("250.00")))
)


@pytest.fixture
def wholesale_coffee():
    (partner, coffee), (other, honey) = stores_create(stock=500)
    product_terms_set(stockrecord=coffee.stockrecords.get(), terms=BOX_OF_24)
    return coffee, honey


def basket_for(user, items):
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for product, quantity in items:
        basket.add_product(product, quantity=quantity)
    basket = Basket.objects.get(pk=basket.pk)
    basket.strategy = Selector().strategy(user=user)
    return basket


def test_the_basket_refuses_50_of_a_24_multiple_and_says_why(wholesale_coffee):
    coffee, _honey = wholesale_coffee
    client = Client()

    response = client.post(
        reverse("basket:add", kwargs={"pk": coffee.pk}), {"quantity": 50}, follow=True
    )

    assert [str(message) for message in response.context["messages"]] == [
        "Esta tienda vende este producto en múltiplos de 24: puede pedir 48 o 72."
    ]
    assert not Basket.objects.filter(lines__isnull=False).exists()


def test_a_line_costs_the_tier_its_quantity_reaches(wholesale_coffee):
    coffee, honey = wholesale_coffee
    basket = basket_for(None, [(coffee, 48), (honey, 1)])

    lines = {line.product_id: line for line in basket.all_lines()}

    assert lines[coffee.pk].unit_price_excl_tax == Decimal("270.00")
    assert lines[coffee.pk].line_price_excl_tax == Decimal("12960.00")
    assert lines[coffee.pk].purchase_info.price.quote.next_tier == Tier(96, Decimal("250.00"))
    assert lines[coffee.pk].get_warning() is None
    assert lines[honey.pk].unit_price_excl_tax == Decimal("500.00")


def test_the_placement_refuses_a_quantity_the_terms_no_longer_allow(wholesale_coffee):
    coffee, _honey = wholesale_coffee
    buyer = UserFactory()
    stockrecord = coffee.stockrecords.get()
    product_terms_set(stockrecord=stockrecord, terms=QuantityTerms())
    basket = basket_for(buyer, [(coffee, 30)])
    product_terms_set(stockrecord=stockrecord, terms=BOX_OF_24)  # the store changed its terms

    with translation.override("es"), pytest.raises(PurchaseRefused) as refused:
        purchase_place_for(buyer, [(coffee, 30)])

    assert refused.value.message == (
        f"{coffee.title}: Esta tienda vende este producto en múltiplos de 24: puede pedir 24 o 48."
    )
    assert refused.value.code == "not_a_multiple"
    assert not get_model("order", "Order").objects.exists()
    assert basket.num_lines == 1


def test_the_placement_charges_todays_tier_price(wholesale_coffee):
    coffee, _honey = wholesale_coffee

    order = purchase_place_for(UserFactory(), [(coffee, 96)])

    [line] = order.lines.all()
    assert (line.quantity, line.unit_price_excl_tax) == (96, Decimal("250.00"))


def test_a_first_order_under_the_store_minimum_is_refused_and_a_reorder_has_its_own(
    wholesale_coffee,
):
    _coffee, honey = wholesale_coffee
    vendor = honey.stockrecords.get().partner.vendor
    store_terms_set(
        vendor=vendor, first_order_minimum=Decimal("2000.00"), reorder_minimum=Decimal("1000.00")
    )
    buyer = UserFactory()

    with translation.override("es"), pytest.raises(PurchaseRefused) as refused:
        purchase_place_for(buyer, [(honey, 2)])
    first = purchase_place_for(buyer, [(honey, 4)])
    first.vendor_orders.update(status="delivered")
    reorder = purchase_place_for(buyer, [(honey, 2)])

    assert refused.value.message == (
        "Miel del Valle pide al menos 2.000,00 CUP en un primer pedido: añada 1.000,00 CUP "
        "más de esta tienda."
    )
    assert reorder.total_excl_tax > 0


def test_a_phone_order_is_priced_and_checked_by_the_same_terms(wholesale_coffee):
    from shop.callcenter.exceptions import ConsoleRefused
    from shop.callcenter.phone_orders import phone_basket_add

    coffee, _honey = wholesale_coffee
    customer = UserFactory()
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy(user=customer)
    stockrecord = coffee.stockrecords.get()

    with translation.override("es"), pytest.raises(ConsoleRefused) as refused:
        phone_basket_add(basket=basket, stockrecord_id=stockrecord.pk, quantity=50)
    phone_basket_add(basket=basket, stockrecord_id=stockrecord.pk, quantity=48)

    assert refused.value.message == (
        "Esta tienda vende este producto en múltiplos de 24: puede pedir 48 o 72."
    )
    [line] = Basket.objects.get(pk=basket.pk).all_lines()
    line.basket.strategy = basket.strategy
    assert (line.quantity, line.unit_price_excl_tax) == (48, Decimal("270.00"))


def test_bought_as_a_company_a_first_order_is_the_companys_first_with_the_store(
    wholesale_coffee,
):
    from shop.companies.approvals import company_account
    from tests.factories.companies import company_world

    _coffee, honey = wholesale_coffee
    vendor = honey.stockrecords.get().partner.vendor
    company, members = company_world(limit="100000")
    earlier = purchase_place_for(
        members["approver"],
        [(honey, 4)],
        account=company_account(company_id=company.pk, user=members["approver"]),
    )
    earlier.vendor_orders.update(status="delivered")
    store_terms_set(
        vendor=vendor, first_order_minimum=Decimal("2000.00"), reorder_minimum=Decimal("1000.00")
    )

    with translation.override("es"), pytest.raises(PurchaseRefused) as refused:
        purchase_place_for(members["approver"], [(honey, 2)])
    reorder = purchase_place_for(
        members["buyer"],
        [(honey, 2)],
        account=company_account(company_id=company.pk, user=members["buyer"]),
    )

    assert "en un primer pedido" in refused.value.message
    assert reorder.total_excl_tax == Decimal("1200.00")  # 1.000 of honey, 200 of delivery
