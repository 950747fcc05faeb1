"""The company's lists cost the same number of queries with one purchase or part on
account as with six."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from shop.companies.credit import terms_grant
from shop.invoices.services import invoice_issue
from tests.factories.callcenter import stores_create
from tests.factories.companies import company_world, place_as_company
from tests.queries import query_count

pytestmark = pytest.mark.django_db

PAGES = ("companies:purchases", "companies:documents", "companies:statement")


def buy(world, times: int) -> None:
    for _ in range(times):
        placed = place_as_company(
            world["company"], world["owner"], [(world["coffee"], 1)], gateway="on_account"
        )
        invoice_issue(vendor_order=placed.order.vendor_orders.get())


def test_company_pages_cost_the_same_with_more_purchases():
    (cafe, coffee), _honey = stores_create(stock=50)
    company, members = company_world()
    terms_grant(vendor=cafe.vendor, company=company, days=15, credit_limit=Decimal("100000"))
    world = {"company": company, "owner": members["owner"], "coffee": coffee}
    client = Client()
    client.force_login(members["owner"])
    buy(world, 1)
    few = {name: query_count(client, reverse(name)) for name in PAGES}

    buy(world, 5)
    many = {name: query_count(client, reverse(name)) for name in PAGES}

    assert many == few
    assert max(few.values()) <= 20, few
