"""A vendor ships its part from the order page, records steps, copies the courier link,
and sees which shipments need attention."""

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from logistics.models import Shipment, TrackingEvent
from logistics.tracking import shipment_create, tracking_event_record
from tests.factories import PartnerFactory, UserFactory
from tests.factories.shipments import carrier_event, ready_part
from tests.queries import query_count
from vendors.models import MembershipRole, VendorOrderStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def store():
    partner = PartnerFactory(name="Café Serrano", code="cafe-serrano")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client = Client()
    client.force_login(owner)
    return partner, client


def order_url(part, suffix=""):
    return f"/vendedor/{part.vendor.slug}/pedidos/{part.number}/{suffix}"


def test_the_vendor_ships_with_the_manual_carrier_and_gets_a_courier_link(store):
    partner, client = store
    part = ready_part(partner=partner)

    response = client.post(
        order_url(part, "envios/"),
        {
            "carrier": "manual",
            "parcels": "2",
            "weight_kg": "1.250",
            "estimated_delivery": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "tracking_code": "",
        },
    )

    assert response.status_code == 302
    shipment = Shipment.objects.get(vendor_order=part)
    assert (shipment.parcels, str(shipment.weight_kg), shipment.carrier) == (2, "1.250", "manual")
    part.refresh_from_db()
    assert part.status == VendorOrderStatus.SHIPPED
    html = client.get(f"/en{order_url(part)}").content.decode()
    assert shipment.tracking_code in html
    assert f"http://testserver/mensajero/{shipment.pk}.0:" in html
    assert "Add another shipment" in html


def test_a_bad_shipping_form_changes_nothing(store):
    partner, client = store
    part = ready_part(partner=partner)

    for data in (
        {"carrier": "manual", "parcels": "0"},
        {"carrier": "teleport", "parcels": "1"},
        {"carrier": "manual", "parcels": "1", "tracking_code": "con espacios"},
        {
            "carrier": "manual",
            "parcels": "1",
            "estimated_delivery": (timezone.localdate() - timedelta(days=1)).isoformat(),
        },
        {"carrier": "manual", "parcels": "1", "weight_kg": "-1"},
    ):
        response = client.post(order_url(part, "envios/"), data)
        assert response.status_code == 400, data

    part.refresh_from_db()
    assert part.status == VendorOrderStatus.READY
    assert Shipment.objects.count() == 0


def test_the_vendor_records_steps_of_its_own_delivery(store):
    partner, client = store
    part = ready_part(partner=partner, gateway="dummy")
    shipment = shipment_create(
        vendor_order=part, carrier="manual", parcels=1, weight_kg=None, estimated_delivery=None
    )
    url = f"/vendedor/{partner.vendor.slug}/envios/{shipment.pk}/paso/"

    client.post(url, {"status": "picked_up", "key": "a"})
    client.post(url, {"status": "out_for_delivery", "key": "b"})
    client.post(url, {"status": "delivered", "key": "c"})

    shipment.refresh_from_db()
    part.refresh_from_db()
    assert list(shipment.events.values_list("status", "source")) == [
        ("picked_up", "vendor"),
        ("out_for_delivery", "vendor"),
        ("delivered", "vendor"),
    ]
    assert part.status == VendorOrderStatus.DELIVERED
    assert client.post(url, {"status": "picked_up", "key": "d"}).status_code == 400
    assert TrackingEvent.objects.count() == 3


def test_the_attention_list_has_problems_and_quiet_shipments_only(store, settings):
    settings.SHIPMENT_STALE_DAYS = 3
    partner, client = store
    moving, failed, quiet, delivered = (
        shipment_create(
            vendor_order=ready_part(partner=partner),
            carrier="manual",
            parcels=1,
            weight_kg=None,
            estimated_delivery=None,
        )
        for _ in range(4)
    )
    now = timezone.now()
    for shipment, status, age in (
        (moving, "in_transit", 1),
        (failed, "attempt_failed", 0),
        (quiet, "picked_up", 5),
        (delivered, "delivered", 9),
    ):
        cash = Decimal("200.00") if status == "delivered" else None  # what was owed
        event = replace(
            carrier_event(shipment, status, cash=cash), occurred_at=now - timedelta(days=age)
        )
        tracking_event_record(shipment_id=shipment.pk, event=event)
    returned_part = ready_part(partner=partner, gateway="dummy")
    back = shipment_create(
        vendor_order=returned_part,
        carrier="manual",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
    )
    tracking_event_record(shipment_id=back.pk, event=carrier_event(back, "returned"))

    html = client.get(f"/vendedor/{partner.vendor.slug}/envios/").content.decode()

    assert failed.tracking_code in html and quiet.tracking_code in html
    assert moving.tracking_code not in html and delivered.tracking_code not in html
    assert returned_part.number in html


def test_the_order_page_costs_the_same_queries_however_many_shipments(store):
    partner, client = store
    part = ready_part(partner=partner)

    def add_shipment():
        shipment = shipment_create(
            vendor_order=part, carrier="manual", parcels=1, weight_kg=None, estimated_delivery=None
        )
        for minutes in range(3):
            tracking_event_record(
                shipment_id=shipment.pk,
                event=carrier_event(shipment, "in_transit", minutes=minutes, municipality="2301"),
            )

    # Two open shipments or four: no single delivery completes the part, no cash is due.
    add_shipment()
    add_shipment()
    few = query_count(client, order_url(part))
    add_shipment()
    add_shipment()
    many = query_count(client, order_url(part))

    assert many == few


def test_shipping_several_orders_at_once_hands_each_to_the_store_courier(store):
    partner, client = store
    parts = [ready_part(partner=partner) for _ in range(2)]

    response = client.post(
        f"/vendedor/{partner.vendor.slug}/pedidos/acciones/",
        {"to_status": "shipped", "number": [part.number for part in parts]},
    )

    assert response.status_code == 302
    for part in parts:
        part.refresh_from_db()
        shipment = Shipment.objects.get(vendor_order=part)
        assert (part.status, shipment.carrier, shipment.parcels) == ("shipped", "manual", 1)
        assert shipment.tracking_code


def test_several_orders_cannot_be_marked_delivered_at_once(store):
    partner, client = store
    part = ready_part(partner=partner)
    client.post(
        f"/vendedor/{partner.vendor.slug}/pedidos/acciones/",
        {"to_status": "shipped", "number": [part.number]},
    )

    client.post(
        f"/vendedor/{partner.vendor.slug}/pedidos/acciones/",
        {"to_status": "delivered", "number": [part.number]},
    )

    part.refresh_from_db()
    assert part.status == "shipped"
