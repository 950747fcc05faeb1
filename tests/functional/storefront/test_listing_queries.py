"""The product lists, the store page and the product page cost the same number of queries
(at most 12) however many products and stores the catalogue holds and however many lines
the visitor's basket has, right after a change to the catalogue as well as from the cache;
and what they cache follows every change at once."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from shop.demo.management.commands.bench_checkout import tasks_kept
from tests.factories import CategoryFactory, PartnerFactory, ProductFactory
from tests.functional.checkout.flow import basket_add
from tests.queries import query_count, query_count_after_change
from vendors.inventory.stock import stock_set
from vendors.models import StockMovementReason

MAX_QUERIES = 12

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    """One store's three products in a child category, the page's URLs, and a way to grow."""
    food = CategoryFactory(name="Alimentos")
    coffee = CategoryFactory(name="Café", parent=food)
    store = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    products = ProductFactory.create_batch(
        3, title="Café artesanal", categories=[coffee], stockrecord__partner=store
    )

    def grow():
        for number in range(6):
            partner = PartnerFactory()
            ProductFactory.create_batch(
                5,
                title=f"Café artesanal {number}",
                categories=[coffee],
                stockrecord__partner=partner,
            )
        ProductFactory.create_batch(10, categories=[coffee], stockrecord__partner=store)

    urls = {
        "catalogue": "/catalogue/",
        "category": coffee.get_absolute_url(),
        "search": "/search/?q=artesanal",
        "store": "/tiendas/guayabita/",
        "product": products[0].get_absolute_url(),
        "catalogue by price": "/catalogue/?sort_by=price-asc",
    }
    return urls, grow


def counts(client, urls) -> dict[str, tuple[int, int]]:
    return {
        name: (query_count_after_change(client, url), query_count(client, url))
        for name, url in urls.items()
    }


def test_pages_cost_the_same_queries_with_ten_times_the_products_and_stores(catalogue):
    urls, grow = catalogue
    client = Client()
    few = counts(client, urls)

    grow()
    many = counts(client, urls)

    assert many == few
    assert {name: after_change for name, (after_change, _cached) in many.items()} == {
        name: after_change
        for name, (after_change, _cached) in many.items()
        if after_change <= MAX_QUERIES
    }, many


def test_pages_cost_the_same_queries_with_one_basket_line_or_four(catalogue):
    urls, _grow = catalogue
    client = Client()
    basket_add(client, ProductFactory(stockrecord__partner=PartnerFactory()))
    one_line = counts(client, urls)

    for _line in range(3):
        basket_add(client, ProductFactory(stockrecord__partner=PartnerFactory()))
    four_lines = counts(client, urls)

    assert four_lines == one_line
    assert max(max(pair) for pair in four_lines.values()) <= MAX_QUERIES, four_lines


def test_a_cached_list_costs_no_query_over_the_whole_catalogue(catalogue):
    urls, grow = catalogue
    grow()
    client = Client()
    client.get(urls["catalogue"])

    with CaptureQueriesContext(connection) as queries:
        client.get(urls["catalogue"])

    assert [query["sql"] for query in queries.captured_queries] == []


def test_a_new_price_or_stock_level_keeps_the_counts_and_facets(client, catalogue):
    urls, _grow = catalogue
    client.get(urls["catalogue"])
    record = client.get(urls["catalogue"]).context["products"][0].stockrecords.all()[0]
    record.price = Decimal("321.00")
    record.save(update_fields=["price"])
    stock_set(
        stockrecord_id=record.pk,
        vendor=record.partner.vendor,
        level=3,
        reason=StockMovementReason.ADJUSTMENT,
        actor=None,
        note="Recuento",
    )

    with CaptureQueriesContext(connection) as queries:
        html = client.get(urls["catalogue"]).content.decode()

    assert "321,00 CUP" in html
    assert [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"]] == []


def test_the_lists_show_a_change_at_once(client, catalogue):
    urls, _grow = catalogue
    client.get(urls["catalogue"])  # cached
    product = ProductFactory(title="Miel de abejas nueva", stockrecord__price=Decimal("777.00"))

    html = client.get(urls["catalogue"]).content.decode()
    assert "Miel de abejas nueva" in html and "777,00 CUP" in html

    client.get(product.get_absolute_url())  # cached too
    record = product.stockrecords.get()
    record.price = Decimal("555.00")
    record.save()
    html = client.get(urls["catalogue"]).content.decode()
    assert "555,00 CUP" in html and "777,00 CUP" not in html
    html = client.get(product.get_absolute_url()).content.decode()
    assert "555,00 CUP" in html and "777,00 CUP" not in html

    vendor = record.partner.vendor
    vendor.status = "suspended"
    vendor.save()
    assert "Miel de abejas nueva" not in client.get(urls["catalogue"]).content.decode()
    assert client.get(product.get_absolute_url()).status_code == 404


def test_a_product_view_is_counted_by_a_task_not_by_the_page(
    client, catalogue, django_capture_on_commit_callbacks
):
    urls, _grow = catalogue
    client.get(urls["product"])

    with tasks_kept(run=False) as sent, CaptureQueriesContext(connection) as queries:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get(urls["product"])

    assert response.status_code == 200
    assert sent == ["analytics.record"]
    assert [q["sql"] for q in queries.captured_queries if "analytics_" in q["sql"]] == []


def test_each_visitor_gets_their_own_csrf_token_in_cached_cards(catalogue):
    urls, _grow = catalogue
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.get(urls["catalogue"])  # fills the cache

    response = second.get(urls["catalogue"])

    html = response.content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 2)[2].split('"', 1)[0]
    assert "csrf-token-of-the-visitor" not in html
    product = response.context["products"][0]
    added = second.post(f"/basket/add/{product.pk}/", {"quantity": 1, "csrfmiddlewaretoken": token})
    assert added.status_code == 302
