"""A purchase placed without the pages (demo data, phone orders) leaves the registered
buyer's address in its address book, as the web checkout does."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.functional.checkout.flow import basket_add

pytestmark = pytest.mark.django_db


def test_the_address_goes_to_the_book_once_and_checkout_offers_it():
    (_partner, coffee), _honey = stores_create()
    buyer = UserFactory(email="carlos@example.test")

    purchase_place_for(buyer, [(coffee, 1)])
    purchase_place_for(buyer, [(coffee, 2)])

    [address] = buyer.addresses.all()
    assert (
        address.line1,
        address.line4,
        address.state,
        address.num_orders_as_shipping_address,
    ) == ("Calle 23 No. 1155", "Plaza de la Revolución", "La Habana", 2)
    client = Client()
    client.force_login(buyer)
    basket_add(client, coffee)
    page = client.get(reverse("checkout:shipping-address"))
    assert list(page.context["addresses"]) == [address]
    assert "Calle 23 No. 1155" in page.content.decode()


def test_a_guest_purchase_leaves_no_address_book():
    (_partner, coffee), _honey = stores_create()

    order = purchase_place_for(None, [(coffee, 1)])

    assert order.shipping_address.line1 == "Calle 23 No. 1155"
    assert not get_model("address", "UserAddress").objects.exists()
