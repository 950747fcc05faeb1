"""A buyer keeps named lists at /accounts/listas/ and reorders one in one click across
stores: each line is priced with today's terms, and a line that cannot be added says
why (sold out, a multiple the store changed) while the others go in."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.requisitions.models import RequisitionLine, RequisitionList
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.functional.checkout.flow import basket_add
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")


@pytest.fixture
def buyer(client):
    user = UserFactory()
    client.force_login(user)
    return user


@pytest.fixture
def bakery_supplies():
    flour = ProductFactory(
        title="Harina de trigo, saco de 1 kg",
        stockrecord__partner=PartnerFactory(name="Molino del Sur"),
        stockrecord__price=Decimal("100.00"),
        stockrecord__num_in_stock=500,
    )
    product_terms_set(
        stockrecord=flour.stockrecords.get(),
        terms=QuantityTerms(tiers=(Tier(20, Decimal("90.00")),)),
    )
    yeast = ProductFactory(
        title="Levadura seca, 500 g",
        stockrecord__partner=PartnerFactory(name="Insumos Habana"),
        stockrecord__price=Decimal("300.00"),
        stockrecord__num_in_stock=50,
    )
    sugar = ProductFactory(
        title="Azúcar refino, 1 kg",
        stockrecord__partner=PartnerFactory(name="Dulcera Central"),
        stockrecord__num_in_stock=100,
    )
    return flour, yeast, sugar


def test_a_list_is_made_from_a_product_page_and_reordered_at_todays_terms(
    client, buyer, bakery_supplies
):
    flour, yeast, sugar = bakery_supplies
    add = reverse("requisitions:add")
    client.post(
        add,
        {
            "stockrecord": flour.stockrecords.get().pk,
            "quantity": 20,
            "new_list": "Pedido semanal de la panadería",
        },
    )
    weekly = RequisitionList.objects.get(user=buyer)
    for product, quantity in ((yeast, 2), (sugar, 30)):
        client.post(
            add,
            {
                "stockrecord": product.stockrecords.get().pk,
                "quantity": quantity,
                "requisition_list": weekly.pk,
            },
        )
    # Since the list was made: the yeast sold out, the sugar is sold by the box of 24.
    yeast.stockrecords.update(num_in_stock=0)
    product_terms_set(stockrecord=sugar.stockrecords.get(), terms=QuantityTerms(multiple=24))

    response = client.post(reverse("requisitions:reorder", args=[weekly.pk]), follow=True)

    assert [str(message) for message in response.context["messages"]][-3:] == [
        "1 producto de Pedido semanal de la panadería está en su carrito, con los precios y "
        "condiciones de hoy.",
        "Levadura seca, 500 g está agotado hoy: no se añadió.",
        "Azúcar refino, 1 kg no se añadió: Esta tienda vende este producto en múltiplos de "
        "24: puede pedir 24 o 48.",
    ]
    [line] = response.context["basket"].all_lines()
    assert (line.product, line.quantity, line.unit_price_excl_tax) == (
        flour,
        20,
        Decimal("90.00"),
    )


def test_the_basket_is_saved_as_a_list(client, buyer, bakery_supplies):
    flour, yeast, _sugar = bakery_supplies
    basket_add(client, flour, 20)
    basket_add(client, yeast, 1)

    response = client.post(reverse("requisitions:from-basket"), {"name": "Reposición"})

    saved = RequisitionList.objects.get(user=buyer, name="Reposición")
    assert response.url == reverse("requisitions:detail", args=[saved.pk])
    assert sorted(saved.lines.values_list("product__title", "quantity")) == [
        ("Harina de trigo, saco de 1 kg", 20),
        ("Levadura seca, 500 g", 1),
    ]


def test_quantities_are_changed_and_zero_removes_a_line(client, buyer, bakery_supplies):
    flour, yeast, _sugar = bakery_supplies
    weekly = RequisitionList.objects.create(user=buyer, name="Semanal")
    kept = RequisitionLine.objects.create(
        requisition_list=weekly, product=flour, stockrecord=flour.stockrecords.get(), quantity=5
    )
    gone = RequisitionLine.objects.create(
        requisition_list=weekly, product=yeast, stockrecord=yeast.stockrecords.get(), quantity=1
    )

    client.post(
        reverse("requisitions:detail", args=[weekly.pk]),
        {f"line-{kept.pk}": 40, f"line-{gone.pk}": 0},
    )

    assert list(weekly.lines.values_list("product_id", "quantity")) == [(flour.pk, 40)]


def test_another_buyers_list_does_not_exist_here(client, buyer):
    theirs = RequisitionList.objects.create(user=UserFactory(), name="Ajena")

    assert client.get(reverse("requisitions:detail", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("requisitions:reorder", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("requisitions:delete", args=[theirs.pk])).status_code == 404
    assert RequisitionList.objects.filter(pk=theirs.pk).exists()


def test_a_second_list_with_the_same_name_is_refused(client, buyer):
    client.post(reverse("requisitions:index"), {"name": "Semanal"})
    response = client.post(reverse("requisitions:index"), {"name": "Semanal"})

    assert response.status_code == 400
    assert "Ya tiene una lista llamada Semanal." in response.content.decode()
    assert RequisitionList.objects.filter(user=buyer).count() == 1


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("requisitions:index"))

    assert response.status_code == 302 and "login" in response.url
