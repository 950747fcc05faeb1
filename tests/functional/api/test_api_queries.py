"""The API's lists cost the same number of queries however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.api.models import STORE_SCOPES
from shop.api.services import personal_api_key_create, store_api_key_create
from shop.invoices.services import invoice_issue
from shop.sourcing.services import offer_save
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from tests.factories.sourcing import flour_request, offer_terms
from tests.functional.api.conftest import api_client
from vendors.inventory.stock import stock_set
from vendors.models import MembershipRole

LISTS = [
    "/api/v1/catalogue/products/",
    "/api/v1/stores/",
    "/api/v1/requests/",
    "/api/v1/stores/{slug}/products/",
    "/api/v1/stores/{slug}/stock-movements/",
    "/api/v1/stores/{slug}/orders/",
    "/api/v1/stores/{slug}/invoices/",
    "/api/v1/stores/{slug}/offers/",
    "/api/v1/me/purchases/",
]


def grow(partner, buyer, owner, count: int) -> None:
    """`count` more rows in every list: products, stores, requests, stock movements,
    the store's orders with their invoices, its offers, the buyer's purchases."""
    for _ in range(count):
        number = ProductFactory._meta.model.objects.count()
        product = ProductFactory(stockrecord__partner=partner, stockrecord__num_in_stock=9)
        PartnerFactory(name=f"Otra tienda {partner.pk}-{number}")
        order = purchase({partner: [(product, 1)]}, user=buyer)
        invoice_issue(vendor_order=order.vendor_orders.get())
        request = flour_request(buyer, title=f"Harina de trigo {number}")
        offer_save(request_id=request.pk, vendor=partner.vendor, terms=offer_terms())
        stock_set(
            stockrecord_id=product.stockrecords.get().pk,
            vendor=partner.vendor,
            level=20,
            reason="adjustment",
            actor=owner,
            note="Conteo",
        )


def queries(client, url: str, *, rows: int) -> int:
    """The queries of the list's page, which shows `rows` rows (the store's own lists
    and the buyer's; the public ones may show the world's other rows too)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) >= rows, url
    return len(captured.captured_queries)


@pytest.mark.parametrize("path", LISTS)
def test_a_list_costs_the_same_with_more_rows(db, path):
    partner = PartnerFactory(name="Tienda A", code="tienda-a")
    owner, buyer = UserFactory(), UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    store_key = store_api_key_create(
        vendor=partner.vendor, user=owner, name="k", scopes=STORE_SCOPES
    ).secret
    personal_key = personal_api_key_create(user=buyer, name="k").secret
    client = api_client(personal_key if "/me/" in path else store_key)
    url = path.format(slug=partner.vendor.slug)

    grow(partner, buyer, owner, 2)
    few = queries(client, url, rows=2)
    grow(partner, buyer, owner, 4)
    many = queries(client, url, rows=6)

    assert many == few
