"""The basket and checkout pages cost the same number of queries however many
stores and lines the basket holds."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review
from tests.queries import query_count


def basket_with(*, vendors: int, lines_per_vendor: int) -> tuple[Client, dict]:
    client, choices = Client(), {}
    for _vendor in range(vendors):
        partner = PartnerFactory()
        zone = DeliveryZoneFactory(vendor=partner.vendor, price=Decimal("120.00"))
        PickupPointFactory(vendor=partner.vendor)
        choices[partner.vendor] = f"home-{zone.pk}"
        for _line in range(lines_per_vendor):
            basket_add(
                client,
                ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=10),
                2,
            )
    return client, choices


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name", ["basket:summary", "checkout:shipping-method", "checkout:preview"]
)
def test_page_queries_do_not_grow_with_stores_and_lines(url_name):
    counts = []
    for vendors, lines in ((2, 1), (5, 3)):
        client, choices = basket_with(vendors=vendors, lines_per_vendor=lines)
        checkout_to_review(client, choices)
        counts.append(query_count(client, reverse(url_name)))

    assert counts[0] == counts[1], counts


@pytest.mark.django_db
def test_the_confirmation_page_costs_the_same_for_one_store_or_five(
    django_capture_on_commit_callbacks,
):
    from tests.functional.checkout.flow import order_place

    counts = []
    for vendors, lines in ((1, 1), (5, 3)):
        client, choices = basket_with(vendors=vendors, lines_per_vendor=lines)
        with django_capture_on_commit_callbacks(execute=True):
            placed = order_place(client, checkout_to_review(client, choices))
        counts.append(query_count(client, placed["Location"]))

    assert counts[0] == counts[1], counts
