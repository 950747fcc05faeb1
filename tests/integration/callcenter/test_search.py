"""The console's search finds each kind of key, and its queries do not grow with the
data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from logistics.models import Shipment
from shop.callcenter.search import console_search
from shop.callcenter.services import customer_create
from shop.invoices.services import invoice_issue
from tests.factories import UserFactory
from tests.factories.callcenter import ADDRESS, agent_create, purchase_place_for, stores_create

pytestmark = pytest.mark.django_db
UserAddress = get_model("address", "UserAddress")


@pytest.fixture
def world(db):
    (partner_a, coffee), (partner_b, honey) = stores_create(stock=500)
    marta = UserFactory(email="marta@example.test", first_name="Marta", last_name="Díaz")
    other = UserFactory(email="otro@example.test", first_name="Ramón", last_name="Pérez")
    order = purchase_place_for(marta, [(coffee, 1), (honey, 1)])
    other_order = purchase_place_for(
        other,
        [(coffee, 1)],
        address={
            **ADDRESS,
            "first_name": "Ramón",
            "last_name": "Pérez",
            "phone_number": "+5358887766",
        },
    )
    part_a, part_b = order.vendor_orders.order_by("sequence")
    invoice = invoice_issue(vendor_order=part_a)
    Shipment.objects.create(vendor_order=part_b, carrier="manual", tracking_code="CU123456789")
    walk_in = customer_create(
        agent=agent_create(), first_name="Pedro", last_name="Gómez", phone="+53 5 234 9876"
    )
    return {
        "marta": marta,
        "other": other,
        "order": order,
        "other_order": other_order,
        "part_b": part_b,
        "invoice": invoice,
        "walk_in": walk_in,
        "products": (coffee, honey),
    }


def numbers(results) -> list[str]:
    return [order.number for order in results.purchases]


@pytest.mark.parametrize(
    "typed", ["+53 5 234 5678", "53 52345678", "5234 5678", "0053-5234-5678", "+5352345678"]
)
def test_a_phone_in_any_common_format_finds_the_purchase_and_its_buyer(world, typed):
    results = console_search(query=typed)

    assert numbers(results) == [world["order"].number]
    assert [customer.pk for customer in results.customers] == [world["marta"].pk]


def test_a_phone_on_a_saved_address_finds_the_customer(world):
    UserAddress.objects.create(
        user=world["marta"],
        first_name="Marta",
        last_name="Díaz",
        line1="Calle 23",
        line4="Playa",
        state="La Habana",
        country_id="CU",
        phone_number="+5352345678",
    )

    results = console_search(query="5234-5678")

    assert [customer.pk for customer in results.customers] == [world["marta"].pk]
    assert numbers(results) == [world["order"].number]


def test_a_phone_given_to_the_call_center_finds_that_customer(world):
    results = console_search(query="52349876")

    assert [customer.pk for customer in results.customers] == [world["walk_in"].pk]


def test_an_email_finds_the_customer_and_their_purchases(world):
    results = console_search(query="MARTA@example.test")

    assert [customer.pk for customer in results.customers] == [world["marta"].pk]
    assert numbers(results) == [world["order"].number]


def test_a_name_finds_customers_and_purchases_by_name(world):
    results = console_search(query="marta díaz")

    assert [customer.pk for customer in results.customers] == [world["marta"].pk]
    assert numbers(results) == [world["order"].number]


def test_a_purchase_number_a_vendor_order_number_an_invoice_and_a_tracking_code(world):
    assert numbers(console_search(query=world["order"].number)) == [world["order"].number]
    assert numbers(console_search(query=world["part_b"].number)) == [world["order"].number]
    assert numbers(console_search(query=world["invoice"].display_number)) == [world["order"].number]
    assert numbers(console_search(query="cu123456789")) == [world["order"].number]


def test_nothing_matches_nothing(world):
    results = console_search(query="zzzz-no-existe")

    assert (results.customers, results.purchases) == ([], [])


def search_queries(query: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        console_search(query=query)
    return len(queries.captured_queries)


@pytest.mark.parametrize("query", ["+53 5 234 5678", "marta@example.test", "Marta", "CU123456789"])
def test_the_search_queries_stay_the_same_as_customers_and_purchases_grow(world, query):
    coffee, honey = world["products"]
    before = search_queries(query)

    for index in range(6):
        buyer = UserFactory(
            first_name="Marta", last_name=f"Ruiz {index}", email=f"marta{index}@example.test"
        )
        purchase_place_for(buyer, [(coffee, 1), (honey, 1)])
        purchase_place_for(world["marta"], [(coffee, 1), (honey, 1)])

    assert search_queries(query) == before
    assert before <= 4
