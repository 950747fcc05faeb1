"""The public tracking page shows statuses and places, never who or what; the buyer's
"My purchases" shows the same timeline per vendor part."""

from decimal import Decimal

import pytest
from django.test import Client
from django.utils import translation

from logistics.tracking import shipment_create, tracking_event_record
from shop.customers.models import CustomerPreferences
from tests.factories import UserFactory
from tests.factories.shipments import carrier_event, ready_part
from tests.queries import query_count

pytestmark = pytest.mark.django_db


def shipped_part(user=None):
    part = ready_part(user=user, price="123.45")
    shipment = shipment_create(
        vendor_order=part,
        carrier="manual",
        parcels=2,
        weight_kg=Decimal("1.5"),
        estimated_delivery=None,
    )
    for minutes, status, note in (
        (1, "picked_up", ""),
        (2, "attempt_failed", "Lucía no estaba; volver mañana"),
    ):
        tracking_event_record(
            shipment_id=shipment.pk,
            event=carrier_event(shipment, status, minutes=minutes, municipality="2301", note=note),
        )
    return part, shipment


def test_the_public_page_shows_the_timeline_without_personal_data(client):
    part, shipment = shipped_part()

    response = client.get(f"/seguimiento/{shipment.tracking_code.lower()}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="shipment-step"') == 2
    assert 'data-status="attempt_failed"' in html and "Playa" in html
    assert part.vendor.trade_name in html
    for private in (
        "Lucía",
        "Fernández",
        "Calle 23",
        "5352345678",
        "ana@example.test",
        "123,45",
        "123.45",
        "246",
        part.number,
        "no estaba",
    ):
        assert private not in html, private


def test_an_unknown_code_is_a_404(client):
    assert client.get("/seguimiento/NOEXISTE/").status_code == 404


def test_the_lookup_form_leads_to_the_page(client):
    _part, shipment = shipped_part()

    response = client.get("/seguimiento/", {"code": f" {shipment.tracking_code.lower()} "})

    assert response.status_code == 302
    assert response["Location"] == f"/seguimiento/{shipment.tracking_code}/"


def test_my_purchases_shows_each_parts_timeline_in_a_constant_number_of_queries():
    buyer = UserFactory()
    client = Client()
    client.force_login(buyer)
    part, shipment = shipped_part(user=buyer)
    url = f"/accounts/orders/{part.order.number}/"

    html = client.get(url).content.decode()
    few = query_count(client, url)
    for minutes in range(3, 9):
        tracking_event_record(
            shipment_id=shipment.pk,
            event=carrier_event(shipment, "in_transit", minutes=minutes, municipality="2301"),
        )
    shipment_create(
        vendor_order=part, carrier="manual", parcels=1, weight_kg=None, estimated_delivery=None
    )
    many = query_count(client, url)

    assert shipment.tracking_code in html
    assert 'data-status="attempt_failed"' in html
    assert "volver mañana" in html  # the buyer reads the courier's note
    assert f'href="/seguimiento/{shipment.tracking_code}/"' in html
    assert many == few


def test_the_buyer_chooses_text_messages_and_language():
    buyer = UserFactory()
    client = Client()
    client.force_login(buyer)

    page = client.get("/accounts/avisos/")
    saved = client.post("/accounts/avisos/", {"sms_notifications": "on", "language": "en"})
    refused = client.post("/accounts/avisos/", {"language": "klingon"})

    assert page.status_code == 200
    assert saved.status_code == 302
    assert refused.status_code == 400
    preferences = CustomerPreferences.objects.get(user=buyer)
    assert (preferences.sms_notifications, preferences.language) == (True, "en")


def test_the_preferences_page_needs_an_account(client):
    with translation.override("es"):
        response = client.get("/accounts/avisos/")

    assert response.status_code == 302 and "/login/" in response["Location"]
