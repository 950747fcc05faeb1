"""Buyers racing through the real checkout pages on PostgreSQL."""

from decimal import Decimal

import pytest
from django.test import Client
from oscar.core.loading import get_model

from tests.concurrency import run_in_threads
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


def test_eight_buyers_at_the_review_for_the_last_three_units():
    partner = PartnerFactory()
    point = PickupPointFactory(vendor=partner.vendor)
    product = ProductFactory(
        stockrecord__partner=partner,
        stockrecord__num_in_stock=3,
        stockrecord__price=Decimal("500.00"),
    )
    buyers = []
    for _index in range(8):
        client = Client()
        basket_add(client, product)
        buyers.append((client, checkout_to_review(client, {partner.vendor: f"pickup-{point.pk}"})))
    answers = [None] * len(buyers)

    def place(index):
        client, review = buyers[index]
        answers[index] = order_place(client, review)

    errors = run_in_threads(len(buyers), place)

    assert errors == []
    placed = [
        answer
        for answer in answers
        if answer.status_code == 302 and "thank-you" in answer["Location"]
    ]
    refused = [answer for answer in answers if answer.status_code == 200]
    assert len(placed) == 3
    assert len(refused) == 5
    assert all("agotado" in answer.content.decode() for answer in refused)
    assert Order.objects.count() == VendorOrder.objects.count() == 3
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (3, 3)
