"""A store's tax shows where it is charged, as its invoices compute it, and nowhere for a
store that charges none (no "Impuesto 0,00")."""

from decimal import Decimal

import pytest
from django.test import Client

from shop.invoices.models import InvoiceSettings
from shop.invoices.services import invoice_issue
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import DeliveryZoneFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from vendors.catalogue.products import product_weight_set

pytestmark = pytest.mark.django_db


def store_product(code: str, price: str, tax_percent: str | None = None):
    partner = PartnerFactory(name=f"Tienda {code}", code=code)
    if tax_percent is not None:
        InvoiceSettings.objects.create(vendor=partner.vendor, tax_percent=Decimal(tax_percent))
    DeliveryZoneFactory(vendor=partner.vendor, price=Decimal("100.00"))
    return ProductFactory(
        title=f"Producto {code}", stockrecord__partner=partner, stockrecord__price=Decimal(price)
    )


@pytest.mark.parametrize("tax_percent", [None, "0"])
def test_a_store_that_charges_no_tax_shows_none(client, tax_percent):
    product = store_product("sin", "250.00", tax_percent)

    page = client.get(product.get_absolute_url()).content.decode()
    basket_add(client, product)
    basket = client.get("/basket/").content.decode()

    for html in (page, basket):
        assert "mpuesto" not in html and "included-tax" not in html


def test_a_store_that_charges_tax_says_it_is_included_as_its_invoice_computes_it(client):
    product = store_product("con", "1100.00", "10")
    vendor = product.stockrecords.get().partner.vendor

    page = client.get(product.get_absolute_url()).content.decode()
    assert page.count("Impuesto incluido (10 %)") == 2
    assert "<td>100,00 CUP</td>" in page  # 1100 = 1000 + 10 %
    assert "Precio (excl. impuesto)" not in page
    basket_add(client, product, 2)
    assert "Los precios incluyen un 10 % de impuesto." in client.get("/basket/").content.decode()
    review = checkout_to_review(client, {vendor: f"home-{vendor.delivery_zones.get().pk}"})
    assert "Incluye 209,09 CUP de impuesto (10 %), entrega incluida." in review.content.decode()

    order_place(client, review)

    invoice = invoice_issue(vendor_order=vendor.orders.get())
    assert (invoice.snapshot["total"], invoice.snapshot["tax"]) == ("2300.00", "209.09")


def test_the_product_page_shows_the_weight_in_kg():
    product = store_product("peso", "100.00")
    product_weight_set(product=product, weight_kg=Decimal("0.25"))

    page = Client().get(product.get_absolute_url()).content.decode()

    assert "<tr><th>Peso</th><td>0,25 kg</td></tr>" in page
