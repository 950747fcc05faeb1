"""The basket page shows the tier each line reaches and the next break, refuses a
quantity the store does not sell with its reason, and costs the same queries however
many tiered lines it holds."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PartnerFactory, ProductFactory
from tests.functional.checkout.flow import basket_add
from tests.queries import query_count
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set, store_terms_set

pytestmark = pytest.mark.django_db


def tiered_product(**terms):
    product = ProductFactory(
        stockrecord__partner=PartnerFactory(),
        stockrecord__price=Decimal("100.00"),
        stockrecord__num_in_stock=1000,
    )
    product_terms_set(
        stockrecord=product.stockrecords.get(),
        terms=QuantityTerms(
            tiers=(Tier(24, Decimal("90.00")), Tier(72, Decimal("80.00"))), **terms
        ),
    )
    return product


def test_the_basket_shows_the_tier_that_applies_and_the_next_break():
    product = tiered_product(multiple=24)
    client = Client()
    basket_add(client, product, 48)

    html = client.get(reverse("basket:summary")).content.decode()

    assert "Precio por volumen desde 24 unidades: 90,00 CUP cada una." in html
    assert "Desde 72 unidades: 80,00 CUP cada una." in html
    assert "Se vende en múltiplos de 24." in html
    assert "4.320,00 CUP" in html  # 48 × 90


def test_changing_a_line_to_50_of_a_24_multiple_is_refused_with_the_reason():
    product = tiered_product(multiple=24)
    client = Client()
    basket_add(client, product, 48)
    page = client.get(reverse("basket:summary"))
    line = page.context["formset"].forms[0].instance

    response = client.post(
        reverse("basket:summary"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-MIN_NUM_FORMS": 0,
            "form-MAX_NUM_FORMS": 1000,
            "form-0-id": line.pk,
            "form-0-quantity": 50,
        },
        follow=True,
    )

    assert response.status_code == 200
    assert (
        "Esta tienda vende este producto en múltiplos de 24: puede pedir 48 o 72."
        in response.content.decode()
    )
    line.refresh_from_db()
    assert line.quantity == 48


def test_a_part_under_the_store_minimum_says_what_is_missing_and_checkout_waits():
    product = tiered_product()
    vendor = product.stockrecords.get().partner.vendor
    store_terms_set(vendor=vendor, first_order_minimum=Decimal("5000.00"), reorder_minimum=None)
    client = Client()
    basket_add(client, product, 24)  # 24 × 90 = 2.160

    html = client.get(reverse("basket:summary")).content.decode()
    checkout = client.get(reverse("checkout:index"))

    message = (
        f"{vendor.trade_name} pide al menos 5.000,00 CUP en un primer pedido: añada "
        "2.840,00 CUP más de esta tienda."
    )
    assert message in html
    assert checkout.status_code == 302 and checkout.url == reverse("basket:summary")


def test_the_basket_costs_the_same_queries_with_one_tiered_line_or_five():
    client = Client()
    basket_add(client, tiered_product(), 24)
    one = query_count(client, reverse("basket:summary"))

    for _ in range(4):
        basket_add(client, tiered_product(multiple=12), 36)
    five = query_count(client, reverse("basket:summary"))

    assert five == one
