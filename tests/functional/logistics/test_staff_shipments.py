"""Operators and call-center agents find any shipment and see what needs chasing."""

from dataclasses import replace
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from logistics.tracking import shipment_create, tracking_event_record
from tests.factories import PartnerFactory, UserFactory
from tests.factories.shipments import carrier_event, ready_part
from tests.queries import query_count

pytestmark = pytest.mark.django_db

URL = "/dashboard/envios/"


def agent_client() -> Client:
    agent = UserFactory(is_staff=True)
    agent.groups.add(Group.objects.get_or_create(name="callcenter")[0])
    client = Client()
    client.force_login(agent)
    return client


def shipped(partner, status="in_transit", days_ago=0, gateway="cash_on_delivery"):
    shipment = shipment_create(
        vendor_order=ready_part(partner=partner, gateway=gateway),
        carrier="manual",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
    )
    event = replace(
        carrier_event(shipment, status), occurred_at=timezone.now() - timedelta(days=days_ago)
    )
    tracking_event_record(shipment_id=shipment.pk, event=event)
    return shipment


def test_an_agent_finds_a_shipment_by_code_or_order_number():
    client = agent_client()
    shipment = shipped(PartnerFactory(name="Café Serrano"))
    other = shipped(PartnerFactory(name="Miel del Valle"))

    by_code = client.get(URL, {"q": shipment.tracking_code.lower()}).content.decode()
    by_number = client.get(URL, {"q": shipment.vendor_order.order.number}).content.decode()

    for html in (by_code, by_number):
        assert shipment.tracking_code in html
        assert other.tracking_code not in html


def test_problems_of_every_store_are_listed_in_a_constant_number_of_queries():
    client = agent_client()
    failed = shipped(PartnerFactory(name="Café Serrano"), "attempt_failed")
    quiet = shipped(PartnerFactory(name="Miel del Valle"), "picked_up", days_ago=10)
    moving = shipped(PartnerFactory(name="Artesanías Yumurí"), "in_transit")

    back = shipped(PartnerFactory(), "returned", gateway="dummy")  # paid in advance

    html = client.get(URL).content.decode()
    few = query_count(client, URL)
    for _ in range(3):
        shipped(PartnerFactory(), "exception")
        shipped(PartnerFactory(), "returned", gateway="dummy")
    many = query_count(client, URL)

    assert failed.tracking_code in html and quiet.tracking_code in html
    assert moving.tracking_code not in html
    assert back.vendor_order.number in html
    assert many == few
    # the returned part opens in the console, where agents and operators can refund it
    console = reverse("callcenter:purchase", kwargs={"number": back.vendor_order.order.number})
    assert f'href="{console}#part-{back.vendor_order.number}"' in html
    assert client.get(console).status_code == 200


def test_shoppers_cannot_see_it():
    client = Client()
    client.force_login(UserFactory())

    response = client.get(URL)

    assert response.status_code == 302 and "login" in response["Location"]


def test_the_console_menu_leads_agents_to_it():
    client = agent_client()

    html = client.get(reverse("callcenter:search")).content.decode()

    assert f'href="{URL}"' in html


@pytest.mark.parametrize(
    ("gateway", "cash", "listed"),
    [
        ("cash_on_delivery", "320.00", False),
        ("cash_on_delivery", "300.00", True),
        ("cash_on_delivery", None, True),
        ("dummy", None, False),
    ],
)
def test_a_delivery_without_the_cash_owed_needs_attention(gateway, cash, listed):
    from decimal import Decimal

    from logistics.selectors import shipments_needing_attention

    client = agent_client()
    part = ready_part(gateway=gateway, quantity=2, price="160.00")
    shipment = shipment_create(
        vendor_order=part, carrier="webhook", parcels=1, weight_kg=None, estimated_delivery=None
    )
    tracking_event_record(
        shipment_id=shipment.pk,
        event=carrier_event(shipment, "delivered", cash=Decimal(cash) if cash else None),
    )

    html = client.get(URL).content.decode()

    assert (shipment in shipments_needing_attention()) is listed
    assert (shipment.tracking_code in html) is listed
    shipment.refresh_from_db()
    assert shipment.cash_due == (Decimal("320.00") if gateway == "cash_on_delivery" else None)
