"""The README's "What is where" is a promise: every path it lists answers for the role it
names (the page itself, or the login page for somebody not signed in). This test reads the
table, puts real objects in the placeholders and asks for each path."""

import re
from pathlib import Path

import pytest
from django.test import Client

from logistics.courier import courier_link_token
from logistics.models import Shipment
from payments.models import Payment
from shop.invoices.services import invoice_issue
from tests.factories import UserFactory
from tests.factories.callcenter import agent_create, owner_of, purchase_place_for, stores_create
from tests.functional.callcenter.conftest import stripe_enabled  # noqa: F401  (a fixture)
from tests.functional.checkout.flow import basket_add
from tests.localstripe_server import localstripe_url  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[3] / "README.md"

# Who the "who" column names, as the clients below; an account page also sends somebody
# not signed in to the login page.
ROLES = {
    "everybody": (["anonymous"], False),
    "everybody (guests give an e-mail)": (["guest_with_basket"], False),
    "buyers": (["customer"], True),
    "the buyer who placed it": (["customer"], False),
    "the store's courier (signed link, no account)": (["anonymous"], False),
    "the store's members": (["owner"], True),
    "the store's owner": (["owner"], True),
    "operators": (["operator"], True),
    "call-center agents, operators": (["agent", "operator"], True),
}
# Paths named in the "what" column for a narrower role than their row's.
NARROWER = {
    "/atencion/registro/": (["operator"], True),
    "/atencion/conversaciones/": (["agent", "operator"], True),
}


def what_is_where() -> list[tuple[str, str]]:
    """(path template, who) for every path of the table, in the README's order."""
    text = README.read_text()
    table = text.split("## What is where", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:]
    paths = []
    for row in rows:
        page, who, what = (cell.strip() for cell in row.strip("|").split(" | "))
        paths += [(path, who) for path in re.findall(r"`(/[^`]*)`", page)]
        paths += [(path, path) for path in re.findall(r"`(/[^`?]*)`", what)]
    return paths


@pytest.fixture
def world(stripe_enabled):  # noqa: F811 - the fixture imported above
    (store, coffee), (_other, honey) = stores_create()
    customer = UserFactory(email="marta@example.test")
    part = purchase_place_for(customer, [(coffee, 1)]).vendor_orders.get()
    shipment = Shipment.objects.create(
        vendor_order=part, carrier="manual", tracking_code="ENC-TRK-0001"
    )
    card = Payment.objects.get(order=purchase_place_for(customer, [(honey, 1)], gateway="stripe"))
    guest = Client()
    basket_add(guest, coffee)
    users = {
        "customer": customer,
        "owner": owner_of(store),
        "agent": agent_create(),
        "operator": UserFactory(is_staff=True, is_superuser=True),
    }
    clients = {"anonymous": Client(), "guest_with_basket": guest}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return {
        "clients": clients,
        "placeholders": {
            "/seguimiento/<code>/": shipment.tracking_code,
            "/facturas/verificar/<code>/": invoice_issue(vendor_order=part).verification_code,
            "/mensajero/<token>/": courier_link_token(shipment=shipment),
            "/pagar/<purchase>/": card.reference,
            "<slug>": store.vendor.slug,
        },
    }


def concrete(template: str, placeholders: dict) -> str:
    if template in placeholders:
        return re.sub(r"<[^>]+>", placeholders[template], template)
    path = template.replace("<slug>", placeholders["<slug>"])
    assert "<" not in path, (
        f"README path {template} has a placeholder this test does not "
        "know: add it to the world's placeholders"
    )
    return path


def test_the_table_is_read_whole():
    paths = [path for path, _who in what_is_where()]

    assert len(paths) >= 25
    assert {
        "/",
        "/checkout/",
        "/vendedor/<slug>/entregas/zonas/",
        "/atencion/registro/",
        "/dashboard/actores/",
    } <= set(paths)


def test_every_path_in_the_readme_answers_for_its_role(world):
    answers = {}
    for template, who in what_is_where():
        assert who in ROLES or who in NARROWER, f"README role {who!r}: add it to ROLES"
        roles, needs_login = NARROWER.get(who) or ROLES[who]
        path = concrete(template, world["placeholders"])
        for role in roles:
            answers[(template, role)] = world["clients"][role].get(path).status_code
        if needs_login:
            response = world["clients"]["anonymous"].get(path)
            answers[(template, "anonymous")] = (
                "login"
                if response.status_code == 302
                and response["Location"].split("?")[0].endswith("/login/")
                else response.status_code
            )

    assert {key: answer for key, answer in answers.items() if answer not in (200, "login")} == {}
