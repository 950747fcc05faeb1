"""Vendors say what each product weighs (form and CSV); per-kg delivery charges by it."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import ProductFactory
from tests.factories.delivery import DeliveryZoneFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review
from vendors.catalogue.products import product_weight_set

Product = get_model("catalogue", "Product")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def weights(vendor) -> dict[str, float]:
    return dict(
        ProductAttributeValue.objects.filter(
            attribute__code="weight", product__stockrecords__partner=vendor.partner
        ).values_list("product__stockrecords__partner_sku", "value_float")
    )


def new_product(owner_client, **fields):
    data = {
        "title": "Mermelada de mango, 500 g",
        "price": "300.00",
        "sku": "MM-500",
        "stock": "10",
        "is_public": "on",
        **fields,
    }
    return owner_client.post("/vendedor/guayabita/productos/nuevo/", data)


def test_a_product_made_in_the_dashboard_is_charged_per_kg_at_checkout(owner_client, vendor):
    DeliveryZoneFactory(vendor=vendor, price=Decimal("100.00"), price_per_kg=Decimal("20.00"))
    response = new_product(owner_client, weight="1,5")
    assert response.status_code == 302
    product = Product.objects.get(title="Mermelada de mango, 500 g")
    buyer = Client()
    basket_add(buyer, product, 2)

    review = checkout_to_review(buyer, {vendor: f"home-{vendor.delivery_zones.get().pk}"})

    [part] = review.context["delivery_plan"].parts
    assert (part.weight, part.chosen.charge) == (Decimal("3.0"), Decimal("160.00"))  # 100 + 20×3


def test_the_edit_form_shows_the_weight_in_the_buyers_notation_and_changes_it(owner_client, vendor):
    new_product(owner_client, weight="0.25")
    product = Product.objects.get()

    page = owner_client.get(f"/vendedor/guayabita/productos/{product.pk}/")
    assert page.context["form"].initial["weight"] == "0,25"
    owner_client.post(
        f"/vendedor/guayabita/productos/{product.pk}/",
        {
            "title": product.title,
            "price": "300.00",
            "sku": "MM-500",
            "is_public": "on",
            "weight": "",
        },
    )

    assert weights(vendor) == {}


@pytest.mark.parametrize("weight", ["0", "-2", "abc", "30001", "0,1234", "NaN"])
def test_a_bad_weight_is_refused_with_a_spanish_message_and_nothing_is_saved(
    owner_client, vendor, weight
):
    response = new_product(owner_client, weight=weight)

    assert response.status_code == 400
    assert response.context["form"].errors["weight"] == [
        "Indique el peso en kg: un número mayor que 0 y de hasta 30\u00a0000, con hasta 3 "
        "decimales (por ejemplo, 0,25)."
    ]
    assert not Product.objects.exists()


def test_the_csv_round_trip_keeps_the_weights(owner_client, vendor):
    for sku, weight in (("MIEL-1", Decimal("1.4")), ("CAFE-1", None)):
        product = ProductFactory(stockrecord__partner=vendor.partner, stockrecord__partner_sku=sku)
        if weight:
            product_weight_set(product=product, weight_kg=weight)

    exported = owner_client.get("/vendedor/guayabita/productos/exportar/").content.decode()
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [(row["sku"], row["weight"]) for row in rows] == [("MIEL-1", "1.4"), ("CAFE-1", "")]
    rows[1]["weight"] = "0,5"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": SimpleUploadedFile("productos.csv", out.getvalue().encode(), "text/csv")},
    )

    assert response.status_code == 302
    assert weights(vendor) == {"MIEL-1": 1.4, "CAFE-1": 0.5}


def test_a_new_product_from_csv_gets_its_weight(owner_client, vendor):
    text = "sku,title,price,stock,weight\nNUEVO-1,Cacao en polvo,380,5,0.2\n"
    owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": SimpleUploadedFile("productos.csv", text.encode(), "text/csv")},
    )

    assert weights(vendor) == {"NUEVO-1": 0.2}


def test_bad_weights_in_a_csv_are_reported_by_line_and_nothing_is_saved(owner_client, vendor):
    ProductFactory(
        stockrecord__partner=vendor.partner,
        stockrecord__partner_sku="MIEL-1",
        stockrecord__price=Decimal("450.00"),
    )
    text = (
        "sku,title,price,stock,weight\n"
        "MIEL-1,,500,3,2\n"
        "NUEVO-1,Cacao en polvo,380,5,-1\n"
        "NUEVO-2,Café,900,5,40000\n"
    )

    response = owner_client.post(
        "/vendedor/guayabita/productos/importar/",
        {"file": SimpleUploadedFile("productos.csv", text.encode(), "text/csv")},
    )

    assert response.status_code == 400
    assert response.context["report"].errors == [
        (
            3,
            "El peso -1 no es un número de kg mayor que 0 y de hasta 30\u00a0000, con hasta 3 "
            "decimales.",
        ),
        (
            4,
            "El peso 40000 no es un número de kg mayor que 0 y de hasta 30\u00a0000, con hasta 3 "
            "decimales.",
        ),
    ]
    assert weights(vendor) == {}
    assert StockRecord.objects.get(partner_sku="MIEL-1").price == Decimal("450.00")
    assert not Product.objects.filter(title__in=["Cacao en polvo", "Café"]).exists()
