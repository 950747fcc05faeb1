"""Oscar's purchase counters are recorded after the purchase commits: they still count,
and two first buyers of a product no longer break each other's purchase."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.concurrency import run_in_threads
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.callcenter import purchase_place_for
from tests.factories.delivery import PickupPointFactory

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
Order = get_model("order", "Order")


def never_bought_product(stock: int):
    partner = PartnerFactory()
    PickupPointFactory(vendor=partner.vendor)
    return ProductFactory(
        stockrecord__partner=partner,
        stockrecord__price=Decimal("40.00"),
        stockrecord__num_in_stock=stock,
    )


@pytest.mark.django_db
def test_the_counters_are_recorded_once_the_purchase_commits(django_capture_on_commit_callbacks):
    product = never_bought_product(stock=5)
    buyer = UserFactory()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purchase_place_for(buyer, [(product, 2)], home=False)
    assert not ProductRecord.objects.filter(product=product).exists()

    for callback in callbacks:
        callback()

    assert ProductRecord.objects.get(product=product).num_purchases == 2
    assert UserRecord.objects.get(user=buyer).num_orders == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_first_buyers_of_a_product_both_get_their_purchase():
    product = never_bought_product(stock=4)
    buyers = [UserFactory() for _ in range(4)]

    errors = run_in_threads(4, lambda i: purchase_place_for(buyers[i], [(product, 1)], home=False))

    assert errors == []
    assert Order.objects.filter(lines__product=product).count() == 4
    assert ProductRecord.objects.get(product=product).num_purchases in range(1, 5)


@pytest.mark.django_db
def test_product_views_and_basket_additions_still_count_after_commit(
    client, django_capture_on_commit_callbacks
):
    product = never_bought_product(stock=5)

    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(product.get_absolute_url()).status_code == 200
        client.post(f"/basket/add/{product.pk}/", {"quantity": 1})

    record = ProductRecord.objects.get(product=product)
    assert (record.num_views, record.num_basket_additions) == (1, 1)
