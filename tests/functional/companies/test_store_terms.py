"""A store grants a company terms from its dashboard and confirms its own parts' transfers;
another store's team can do neither for it (404, nothing changed)."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from shop.companies.models import CreditCharge, CreditTerms
from tests.factories.callcenter import owner_of, stores_create
from tests.factories.companies import company_world, place_as_company
from tests.factories.orders import vendor_order_deliver

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_store_grants_terms_and_confirms_only_its_own_transfers():
    (cafe, coffee), (miel, _honey) = stores_create(stock=10)
    company, members = company_world()
    cafe_owner, miel_owner = owner_of(cafe), owner_of(miel)
    terms_url = reverse("companies_store:terms", kwargs={"vendor_slug": cafe.vendor.slug})

    bad = signed_in(cafe_owner).post(
        terms_url, {"nit": "123", "days": "30", "credit_limit": "500", "is_active": "on"}
    )
    assert bad.status_code == 400
    assert "11 dígitos" in bad.content.decode()
    signed_in(cafe_owner).post(
        terms_url, {"nit": company.nit, "days": "30", "credit_limit": "5000", "is_active": "on"}
    )
    terms = CreditTerms.objects.get(vendor=cafe.vendor, company=company)
    assert (terms.days, terms.credit_limit) == (30, Decimal("5000.00"))
    assert signed_in(miel_owner).get(terms_url).status_code == 404

    part = place_as_company(company, members["owner"], [(coffee, 1)], gateway="on_account")
    part = part.order.vendor_orders.get()
    vendor_order_deliver(part)
    charge = CreditCharge.objects.get()
    assert part.number in signed_in(cafe_owner).get(terms_url).content.decode()
    for owner in (miel_owner, cafe_owner):
        url = reverse(
            "companies_store:confirm", kwargs={"vendor_slug": miel.vendor.slug, "pk": charge.pk}
        )
        assert signed_in(owner).post(url).status_code == 404
    assert CreditCharge.objects.get().paid_at is None

    signed_in(cafe_owner).post(
        reverse(
            "companies_store:confirm", kwargs={"vendor_slug": cafe.vendor.slug, "pk": charge.pk}
        )
    )
    assert CreditCharge.objects.get().paid_at is not None
