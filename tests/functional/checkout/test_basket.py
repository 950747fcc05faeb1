from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import PartnerFactory, ProductFactory
from tests.functional.checkout.flow import basket_add


@pytest.fixture
def honey(db):
    partner = PartnerFactory(name="Miel del Valle")
    return ProductFactory(
        title="Miel de abejas",
        stockrecord__partner=partner,
        stockrecord__num_in_stock=3,
        stockrecord__price=Decimal("450.00"),
    )


def basket_quantities(client) -> list[int]:
    response = client.get(reverse("basket:summary"))
    return [form.instance.quantity for form in response.context["formset"]]


def test_more_than_the_stock_is_refused_with_the_number_available(client, honey):
    response = basket_add(client, honey, 5)

    page = client.get(response["Location"]).content.decode()
    assert "un máximo de 3" in page
    assert basket_quantities(client) == []


def test_raising_a_line_above_the_stock_is_refused_too(client, honey):
    basket_add(client, honey, 2)
    formset = client.get(reverse("basket:summary")).context["formset"]

    response = client.post(
        reverse("basket:summary"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": formset.forms[0].instance.pk,
            "form-0-quantity": "4",
        },
        follow=True,
    )

    assert "un máximo de 3" in response.content.decode()
    assert basket_quantities(client) == [2]


def test_a_suspended_vendors_product_cannot_be_added(client, honey):
    vendor = honey.stockrecords.get().partner.vendor
    vendor.status = "suspended"
    vendor.save()

    basket_add(client, honey, 1)

    assert basket_quantities(client) == []


def test_the_basket_is_grouped_by_store_with_subtotals(client, honey):
    other = ProductFactory(
        title="Café molido",
        stockrecord__partner=PartnerFactory(name="Café Serrano"),
        stockrecord__price=Decimal("320.00"),
    )
    basket_add(client, honey, 2)
    basket_add(client, other, 1)

    html = client.get(reverse("basket:summary")).content.decode()

    assert html.count('class="basket-vendor-part') == 2
    assert "Subtotal Miel del Valle: 900,00" in html
    assert "Subtotal Café Serrano: 320,00" in html
