"""A store sets its wholesale terms on a product's edit page and its order minimums on
a page of its own; bad input is refused with the reason and nothing is kept."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from vendors.models import MembershipRole
from vendors.pricing.models import ProductTerms, StoreTerms, TierPrice

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(client):
    partner = PartnerFactory(name="Panadería La Espiga", code="espiga")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=Decimal("100.00"))
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    return partner.vendor, product


def test_the_owner_sets_tiers_minimum_and_multiple_on_the_product_page(client, shop):
    vendor, product = shop
    url = reverse("vendor_dashboard:product-terms", args=[vendor.slug, product.pk])

    response = client.post(url, {"minimum": 24, "multiple": 12, "tiers": "24:95,00\n48:90"})
    page = client.get(reverse("vendor_dashboard:product-edit", args=[vendor.slug, product.pk]))

    assert response.status_code == 302
    assert ProductTerms.objects.values_list("minimum_quantity", "order_multiple").get() == (24, 12)
    assert list(TierPrice.objects.values_list("min_quantity", "price")) == [
        (24, Decimal("95.00")),
        (48, Decimal("90.00")),
    ]
    assert "24:95.00; 48:90.00" in page.content.decode()


def test_a_tier_dearer_than_fewer_units_is_refused_and_nothing_kept(client, shop):
    vendor, product = shop
    url = reverse("vendor_dashboard:product-terms", args=[vendor.slug, product.pk])

    response = client.post(url, {"minimum": 1, "multiple": 1, "tiers": "24:95; 48:99"})

    assert response.status_code == 400
    assert (
        "El precio desde 48 unidades (99) debe ser menor que el precio para menos unidades (95)."
        in response.content.decode()
    )
    assert not TierPrice.objects.exists()


def test_another_stores_product_is_not_found(client, shop):
    vendor, _product = shop
    other = ProductFactory()
    url = reverse("vendor_dashboard:product-terms", args=[vendor.slug, other.pk])

    assert client.post(url, {"minimum": 2, "multiple": 1, "tiers": ""}).status_code == 404
    assert not ProductTerms.objects.exists()


def test_the_owner_sets_the_store_minimums(client, shop):
    vendor, _product = shop
    url = reverse("vendor_dashboard:store-terms", args=[vendor.slug])

    response = client.post(url, {"first_order_minimum": "5000", "reorder_minimum": ""})
    refused = client.post(url, {"first_order_minimum": "-1", "reorder_minimum": ""})

    assert response.status_code == 302
    assert StoreTerms.objects.values_list("first_order_minimum", "reorder_minimum").get() == (
        Decimal("5000.00"),
        None,
    )
    assert refused.status_code == 400
