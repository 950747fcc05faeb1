"""A part sent by the national carrier: a code in the carrier's series, signed steps by
that code, and a repeated or late step that changes nothing twice."""

import json
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from logistics.carriers.webhook import SIGNATURE_HEADER, webhook_signature
from logistics.exceptions import ShipmentError
from logistics.models import Municipality, Shipment, ShipmentNotice, TrackingEvent
from logistics.national.models import NationalPoint, PointKind
from logistics.tracking import ManualStep, manual_step_record, shipment_create, shipment_next_steps
from tests.factories import UserFactory
from tests.factories.national import NationalCarrierFactory
from tests.factories.shipments import carrier_time, ready_part
from vendors.models import MembershipRole, VendorOrder, VendorOrderStatus

pytestmark = pytest.mark.django_db

SECRET = "test-national-carrier-secret"
URL = "/logistics/webhooks/nacional/"


@pytest.fixture
def shipment():
    return shipment_create(
        vendor_order=ready_part(),
        carrier="nacional",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
    )


def step(shipment, status: str, *, event_id: str, hour: int) -> dict:
    return {
        "id": event_id,
        "tracking_code": shipment.tracking_code.lower(),
        "status": status,
        "occurred_at": carrier_time(hour=hour),
        "municipality": "2301",
    }


def post(client, events: list, *, secret: str = SECRET, url: str = URL):
    raw = json.dumps({"events": events}).encode()
    return client.post(
        url,
        raw,
        content_type="application/json",
        headers={SIGNATURE_HEADER: webhook_signature(secret=secret, body=raw)},
    )


def written() -> tuple:
    return (
        TrackingEvent.objects.count(),
        ShipmentNotice.objects.count(),
        list(Shipment.objects.values_list("status", flat=True)),
    )


def test_a_national_shipment_gets_a_code_in_the_carriers_series(shipment):
    assert shipment.tracking_code.startswith("PN") and len(shipment.tracking_code) == 12
    assert VendorOrder.objects.get().status == VendorOrderStatus.SHIPPED


def test_signed_steps_move_the_part_to_delivered_once_whatever_repeats_or_arrives_late(
    client, shipment, django_capture_on_commit_callbacks
):
    journey = [
        step(shipment, "picked_up", event_id="pn-1", hour=8),
        step(shipment, "in_transit", event_id="pn-2", hour=9),
        step(shipment, "out_for_delivery", event_id="pn-3", hour=11),
        step(shipment, "delivered", event_id="pn-4", hour=12),
    ]

    with django_capture_on_commit_callbacks(execute=True):
        # Delivered first, the rest late and out of order, then the whole lot again.
        answers = [
            post(client, [journey[3]]),
            post(client, [journey[1], journey[0]]),
            post(client, [journey[2]]),
            post(client, journey),
            post(client, [journey[3]]),
        ]

    assert [answer.json()["recorded"] for answer in answers] == [1, 2, 1, 0, 0]
    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert VendorOrder.objects.get().status == VendorOrderStatus.DELIVERED
    assert TrackingEvent.objects.count() == 4
    assert sorted(ShipmentNotice.objects.values_list("status", flat=True)) == ["delivered"]
    assert len(mail.outbox) == 1


def test_a_step_signed_with_another_secret_writes_nothing(client, shipment):
    before = written()

    response = post(
        client, [step(shipment, "delivered", event_id="pn-9", hour=12)], secret="otro secreto"
    )

    assert response.status_code == 400
    assert written() == before


def test_another_carrier_cannot_move_a_national_shipment(client, shipment):
    before = written()

    response = post(
        client,
        [step(shipment, "delivered", event_id="pn-9", hour=12)],
        secret="test-shipping-webhook-secret",
        url="/logistics/webhooks/webhook/",
    )

    assert response.status_code == 422
    assert written() == before


def test_a_national_carrier_without_a_secret_takes_no_webhooks(client, shipment):
    response = post(client, [], url="/logistics/webhooks/nacional-sin-firma/")

    assert response.status_code == 404


def test_the_store_ships_a_national_part_from_its_order_page_at_a_drop_off_point(client):
    carrier = NationalCarrierFactory()
    part = ready_part()
    part.delivery_code = f"home-nat{carrier.pk}"
    part.save(update_fields=["delivery_code"])
    NationalPoint.objects.create(
        carrier=carrier,
        kind=PointKind.BOTH,
        name="Oficina Centro Habana",
        municipality=Municipality.objects.get(name="Centro Habana"),
        address="Calle Reina No. 358",
        hours="8:00 a 17:00",
    )
    owner = UserFactory()
    part.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    url = reverse("vendor_dashboard:order-detail", args=[part.vendor.slug, part.number])

    page = client.get(url).content.decode()

    assert "Oficina Centro Habana: Calle Reina No. 358" in page
    assert '<option value="nacional" selected>' in page
    response = client.post(
        reverse("vendor_dashboard:order-ship", args=[part.vendor.slug, part.number]),
        {"carrier": "nacional", "parcels": 1, "tracking_code": ""},
    )
    assert response.status_code == 302
    assert Shipment.objects.get().tracking_code.startswith("PN")


def test_without_a_secret_the_store_records_the_carriers_steps_and_the_cash_it_collected():
    part = ready_part()  # cash on delivery: 2 × 100.00
    shipment = shipment_create(
        vendor_order=part,
        carrier="nacional-sin-firma",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
        tracking_code="ps-4471",
    )
    assert shipment.tracking_code == "PS-4471"
    assert "picked_up" in shipment_next_steps(shipment=shipment)

    for status in ("picked_up", "out_for_delivery"):
        manual_step_record(shipment=shipment, step=ManualStep(status=status, key=status))
        shipment.refresh_from_db()
    with pytest.raises(ShipmentError):
        manual_step_record(shipment=shipment, step=ManualStep(status="delivered", key="d1"))
    manual_step_record(
        shipment=shipment,
        step=ManualStep(status="delivered", key="d2", cash_collected=Decimal("200.00")),
    )

    shipment.refresh_from_db()
    assert (shipment.status, shipment.cash_collected) == ("delivered", Decimal("200.00"))
    assert VendorOrder.objects.get().status == VendorOrderStatus.DELIVERED
