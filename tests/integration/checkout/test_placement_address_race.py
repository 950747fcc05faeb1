"""One buyer placing two purchases to the same address at the same moment (two tabs, a
phone order while they buy on the web): both are placed, and the address is in their
book once."""

import pytest

from tests.concurrency import run_in_threads
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_purchases_to_a_new_address_at_once_both_place():
    (_partner, coffee), _honey = stores_create()
    buyer = UserFactory(email="lazaro@example.test")

    errors = run_in_threads(2, lambda _index: purchase_place_for(buyer, [(coffee, 1)]))

    assert errors == []
    assert buyer.orders.count() == 2
    [address] = buyer.addresses.all()
    assert address.num_orders_as_shipping_address == 2
