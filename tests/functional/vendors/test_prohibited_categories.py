"""Prohibited categories are a setting: a store is not offered them nor anything below them,
a product posted into one is refused with nothing saved, and the service refuses it too."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from tests.factories import CategoryFactory
from vendors.catalogue.products import ProductData, vendor_product_create

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


@pytest.fixture
def categories(settings):
    weapons = CategoryFactory(name="Armas", slug="armas")
    knives = CategoryFactory(name="Cuchillos", slug="cuchillos", parent=weapons)
    sweets = CategoryFactory(name="Dulces", slug="dulces")
    settings.PROHIBITED_CATEGORY_SLUGS = ("armas",)
    return weapons, knives, sweets


def product(category) -> dict:
    return {
        "title": "Producto",
        "category": category.pk,
        "price": "10.00",
        "stock": "1",
        "is_public": "on",
    }


def test_the_form_offers_only_allowed_categories_and_refuses_the_others(owner_client, categories):
    weapons, knives, sweets = categories

    page = owner_client.get("/vendedor/guayabita/productos/nuevo/")
    refused = owner_client.post("/vendedor/guayabita/productos/nuevo/", product(knives))
    accepted = owner_client.post("/vendedor/guayabita/productos/nuevo/", product(sweets))

    offered = list(page.context["form"].fields["category"].queryset)
    assert sweets in offered and weapons not in offered and knives not in offered
    assert refused.status_code == 400
    assert "Escoja una opción válida" in refused.content.decode()
    assert accepted.status_code == 302
    assert list(Product.objects.values_list("categories__slug", flat=True)) == ["dulces"]


def test_the_service_refuses_a_prohibited_category_and_keeps_nothing(vendor, categories):
    _weapons, knives, _sweets = categories
    data = ProductData(
        title="Navaja",
        description="",
        category=knives,
        price=Decimal("10"),
        sku="",
        low_stock_threshold=None,
        is_public=True,
        image=None,
        weight_kg=None,
    )

    with pytest.raises(ValidationError) as refused:
        vendor_product_create(vendor=vendor, actor=None, data=data, stock=1)

    assert refused.value.code == "prohibited_category"
    assert not Product.objects.exists()
