"""A member chooses "Buy as <company>" in the basket, without scripts: the basket shows
the company's prices from then on, the checkout starts from the choice, and a company
the member does not buy for is refused with nothing changed."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories.callcenter import agent_create
from tests.factories.companies import coffee_list_world, company_world
from tests.functional.checkout.flow import basket_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    _cafe, coffee, company, members = coffee_list_world()
    client = Client()
    client.force_login(members["buyer"])
    basket_add(client, coffee, 2)
    return {"company": company, "client": client}


def unit_price(client) -> Decimal:
    basket = client.get(reverse("basket:summary")).context["basket"]
    return basket.all_lines()[0].unit_price_incl_tax


def test_buying_as_the_company_from_the_basket_shows_its_price_and_the_checkout_keeps_it(world):
    client, company = world["client"], world["company"]
    page = client.get(reverse("basket:summary")).content.decode()
    assert 'action="/cuenta/empresa/comprar-como/"' in page
    assert unit_price(client) == Decimal("300.00")

    response = client.post(reverse("companies:buy-as"), {"company": company.pk}, follow=True)

    assert [str(m) for m in response.context["messages"]][-1] == (
        "Compra como Panadería La Espiga S.R.L.: la cesta muestra sus precios y condiciones."
    )
    assert response.context["basket"].all_lines()[0].unit_price_incl_tax == Decimal("250.00")
    # The checkout's "Buy as" starts from it, and the purchase is placed with it.
    assert client.session["checkout_data"]["payment"]["company_id"] == company.pk

    client.post(reverse("companies:buy-as"), {"company": ""})
    assert unit_price(client) == Decimal("300.00")


def test_a_company_the_member_does_not_buy_for_is_refused(world):
    client = world["client"]
    other, _members = company_world(nit="40087654321", name="Otra S.A.")

    response = client.post(reverse("companies:buy-as"), {"company": other.pk}, follow=True)

    assert [str(m) for m in response.context["messages"]][-1] == (
        "Elija una de las empresas para las que compra."
    )
    assert unit_price(client) == Decimal("300.00")


def test_the_console_shows_an_agent_the_companys_prices_once_chosen():
    _cafe, coffee, company, members = coffee_list_world()
    agent = Client()
    agent.force_login(agent_create())
    url = reverse("callcenter:phone-order", kwargs={"pk": members["buyer"].pk})
    record = coffee.stockrecords.get()
    agent.post(url, {"action": "add", "stockrecord": record.pk, "quantity": 2})

    public = agent.post(url, {"action": "options"})
    for_company = agent.post(url, {"action": "options", "buy_as": company.pk})
    other = agent.post(url, {"action": "options", "buy_as": company.pk + 1})

    def line_price(response):
        return response.context["basket"].all_lines()[0].unit_price_incl_tax

    assert for_company.context["place_form"].fields["buy_as"].choices[1] == (
        company.pk,
        "Panadería La Espiga S.R.L.",
    )
    assert (line_price(public), line_price(for_company), line_price(other)) == (
        Decimal("300.00"),
        Decimal("250.00"),
        Decimal("300.00"),
    )
