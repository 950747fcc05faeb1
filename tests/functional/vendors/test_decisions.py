"""The operator approves, rejects and suspends; suspension hides a store at once."""

import pytest
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from tests.factories import PartnerFactory, ProductFactory, UserFactory, VendorFactory
from vendors.models import Vendor, VendorStatus

Basket = get_model("basket", "Basket")


def decide(client, vendor, to_status, reason=""):
    return client.post(
        f"/dashboard/actores/{vendor.pk}/", {"to_status": to_status, "reason": reason}
    )


def test_operator_approves_an_application_and_the_vendor_is_told(client, operator):
    vendor = VendorFactory(status=VendorStatus.APPLIED, trade_name="Huerto Verde")
    client.force_login(operator)

    response = decide(client, vendor, VendorStatus.APPROVED)

    vendor.refresh_from_db()
    assert response.status_code == 302
    assert vendor.status == VendorStatus.APPROVED
    assert list(vendor.status_changes.values_list("from_status", "to_status", "actor")) == [
        (VendorStatus.APPLIED, VendorStatus.APPROVED, operator.pk)
    ]
    assert [m.subject for m in mail.outbox] == [
        "Huerto Verde está aprobada: su tienda está abierta"
    ]
    assert mail.outbox[0].to == [vendor.email]


def test_rejecting_needs_a_reason_which_the_vendor_reads(client, operator):
    vendor = VendorFactory(status=VendorStatus.APPLIED, trade_name="Huerto Verde")
    client.force_login(operator)

    refused = decide(client, vendor, VendorStatus.REJECTED)
    vendor.refresh_from_db()
    assert refused.status_code == 400
    assert "Indique el motivo: el vendedor lo leerá." in refused.content.decode()
    assert vendor.status == VendorStatus.APPLIED
    assert mail.outbox == []

    decide(client, vendor, VendorStatus.REJECTED, reason="El NIT no coincide con el registro.")
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.REJECTED
    assert vendor.status_reason == "El NIT no coincide con el registro."
    assert "El NIT no coincide con el registro." in mail.outbox[0].body


def test_an_impossible_transition_is_refused_and_changes_nothing(client, operator):
    vendor = VendorFactory(status=VendorStatus.APPLIED)
    client.force_login(operator)

    response = decide(client, vendor, VendorStatus.SUSPENDED, reason="Prueba")

    vendor.refresh_from_db()
    assert response.status_code == 400
    assert "no puede pasar a" in response.content.decode()
    assert vendor.status == VendorStatus.APPLIED
    assert vendor.status_changes.count() == 0


@pytest.mark.parametrize("role", ["anonymous", "shopper", "agent", "vendor_owner"])
def test_only_operators_reach_the_vendor_administration(client, role, agent):
    vendor = VendorFactory(status=VendorStatus.APPLIED)
    users = {
        "anonymous": None,
        "shopper": UserFactory(),
        "agent": agent,
        "vendor_owner": vendor.memberships.create(user=UserFactory(), role="owner").user,
    }
    if users[role]:
        client.force_login(users[role])

    listing = client.get("/dashboard/actores/")
    decision = decide(client, vendor, VendorStatus.APPROVED)

    assert listing.status_code == 302 and "/login/" in listing["Location"]
    assert decision.status_code == 302 and "/login/" in decision["Location"]
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.APPLIED


def test_operator_lists_applications_waiting(client, operator):
    VendorFactory(status=VendorStatus.APPLIED, trade_name="Huerto Verde")
    VendorFactory(status=VendorStatus.APPROVED, trade_name="Café Serrano")
    client.force_login(operator)

    html = client.get("/dashboard/actores/").content.decode()

    assert "Huerto Verde" in html
    assert "Café Serrano" not in html


@pytest.fixture
def suspended_after_listing(client, operator):
    """A coffee sold by a vendor that the operator then suspends."""
    partner = PartnerFactory(name="Café Serrano", code="serrano")
    coffee = ProductFactory(title="Café de altura", stockrecord__partner=partner)
    client.post(f"/basket/add/{coffee.pk}/", {"quantity": 1})
    assert client.get("/catalogue/").context["products"][0] == coffee
    operator_client = Client()
    operator_client.force_login(operator)
    decide(operator_client, partner.vendor, VendorStatus.SUSPENDED, reason="Documentos vencidos.")
    return coffee


def test_suspension_hides_the_store_and_its_products_immediately(client, suspended_after_listing):
    coffee = suspended_after_listing

    assert list(client.get("/catalogue/").context["products"]) == []
    assert list(client.get("/search/", {"q": "café"}).context["products"]) == []
    assert client.get("/tiendas/serrano/").status_code == 404
    assert client.get(coffee.get_absolute_url()).status_code == 404
    assert "Café Serrano" not in client.get("/actores/").content.decode()
    assert "Café Serrano" not in client.get("/").content.decode()


def test_suspension_keeps_its_products_out_of_baskets(client, suspended_after_listing):
    coffee = suspended_after_listing
    lines_before = Basket.objects.get().lines.count()

    client.post(f"/basket/add/{coffee.pk}/", {"quantity": 1})

    assert Basket.objects.get().lines.get().quantity == 1  # not added again
    assert lines_before == 1
    basket_page = client.get("/basket/")
    line = basket_page.context["basket"].all_lines()[0]
    assert not line.purchase_info.availability.is_available_to_buy


def test_reinstating_a_suspended_vendor_shows_it_again(client, operator, suspended_after_listing):
    operator_client = Client()
    operator_client.force_login(operator)
    decide(operator_client, Vendor.objects.get(slug="serrano"), VendorStatus.APPROVED)

    assert [p.title for p in client.get("/catalogue/").context["products"]] == ["Café de altura"]


def test_the_dashboard_menu_links_operators_to_the_vendor_administration(client, operator, agent):
    client.force_login(operator)
    operator_menu = client.get("/dashboard/").content.decode()
    client.force_login(agent)
    agent_menu = client.get("/dashboard/").content.decode()

    assert 'href="/dashboard/actores/"' in operator_menu
    assert 'href="/dashboard/actores/"' not in agent_menu
