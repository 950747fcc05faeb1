"""The webhook carrier's endpoint: signed JSON events, stored once, any order; every
refusal is a 4xx with nothing written."""

import json

import pytest
from django.core import mail

from logistics.carriers.webhook import MAX_EVENTS, SIGNATURE_HEADER, webhook_signature
from logistics.models import Shipment, ShipmentNotice, TrackingEvent
from logistics.tracking import shipment_create
from logistics.views import MAX_WEBHOOK_BYTES
from tests.factories.shipments import carrier_time, ready_part
from vendors.models import VendorOrderStatus

pytestmark = pytest.mark.django_db

SECRET = "test-shipping-webhook-secret"
URL = "/logistics/webhooks/webhook/"


@pytest.fixture
def shipment():
    return shipment_create(
        vendor_order=ready_part(),
        carrier="webhook",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
        tracking_code="MR-1001",
    )


def event(
    status: str, *, event_id: str = "evt-1", hour: int = 10, code: str = "MR-1001", **extra
) -> dict:
    return {
        "id": event_id,
        "tracking_code": code,
        "status": status,
        "occurred_at": carrier_time(hour=hour),
        "municipality": "2301",
        **extra,
    }


def post(
    client, body, *, secret: str = SECRET, content_type: str = "application/json", url: str = URL
):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(
        url,
        raw,
        content_type=content_type,
        headers={SIGNATURE_HEADER: webhook_signature(secret=secret, body=raw)},
    )


def written() -> tuple:
    return (
        TrackingEvent.objects.count(),
        ShipmentNotice.objects.count(),
        list(Shipment.objects.values_list("status", flat=True)),
    )


def test_the_same_event_posted_twenty_times_is_stored_once_and_notified_once(
    client, shipment, django_capture_on_commit_callbacks
):
    body = {"events": [event("out_for_delivery")]}

    with django_capture_on_commit_callbacks(execute=True):
        responses = [post(client, body) for _ in range(20)]

    assert {response.status_code for response in responses} == {200}
    assert [response.json()["recorded"] for response in responses] == [1] + [0] * 19
    assert TrackingEvent.objects.get().municipality.name == "Playa"
    assert ShipmentNotice.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_shuffled_batch_ends_at_the_latest_step_and_drives_the_part(client, shipment):
    body = {
        "events": [
            event("delivered", event_id="e3", hour=15),
            event("picked_up", event_id="e1", hour=9),
            event("out_for_delivery", event_id="e2", hour=11),
        ]
    }

    response = post(client, body)

    assert response.status_code == 200
    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert shipment.vendor_order.status == VendorOrderStatus.DELIVERED
    assert list(shipment.events.values_list("status", flat=True)) == [
        "picked_up",
        "out_for_delivery",
        "delivered",
    ]


def test_events_in_separate_posts_out_of_order(client, shipment):
    post(client, {"events": [event("out_for_delivery", event_id="e2", hour=11)]})
    post(client, {"events": [event("picked_up", event_id="e1", hour=9)]})

    shipment.refresh_from_db()
    assert shipment.status == "out_for_delivery"


def test_the_carriers_own_status_names_are_mapped(client, shipment, settings):
    settings.SHIPPING_CARRIERS = {
        **settings.SHIPPING_CARRIERS,
        "webhook": {
            **settings.SHIPPING_CARRIERS["webhook"],
            "OPTIONS": {"SECRET": SECRET, "STATUS_MAP": {"EN_RUTA": "out_for_delivery"}},
        },
    }

    response = post(client, {"events": [event("EN_RUTA")]})

    assert response.status_code == 200
    shipment.refresh_from_db()
    assert shipment.status == "out_for_delivery"


def huge() -> bytes:
    return json.dumps({"events": [event("picked_up", note="x" * MAX_WEBHOOK_BYTES)]}).encode()


REFUSALS = {
    "bad_signature": (lambda c: post(c, {"events": [event("picked_up")]}, secret="wrong"), 400),
    "edited_body": (
        lambda c: c.post(
            URL,
            json.dumps({"events": [event("delivered")]}),
            content_type="application/json",
            headers={
                SIGNATURE_HEADER: webhook_signature(
                    secret=SECRET, body=json.dumps({"events": [event("picked_up")]}).encode()
                )
            },
        ),
        400,
    ),
    "no_signature": (
        lambda c: c.post(
            URL, json.dumps({"events": [event("picked_up")]}), content_type="application/json"
        ),
        400,
    ),
    "unknown_code": (lambda c: post(c, {"events": [event("picked_up", code="NOPE")]}), 422),
    "one_unknown_code_in_a_batch": (
        lambda c: post(
            c,
            {
                "events": [
                    event("picked_up", event_id="a"),
                    event("delivered", event_id="b", code="NOPE"),
                ]
            },
        ),
        422,
    ),
    "malformed_json": (lambda c: post(c, b'{"events": [{"id": '), 400),
    "not_an_object": (lambda c: post(c, b"[1, 2]"), 400),
    "unknown_status": (lambda c: post(c, {"events": [event("teleported")]}), 400),
    "naive_time": (
        lambda c: post(c, {"events": [{**event("picked_up"), "occurred_at": carrier_time()[:19]}]}),
        400,
    ),
    "bad_cash": (lambda c: post(c, {"events": [event("delivered", cash_collected="NaN")]}), 400),
    "too_many_events": (
        lambda c: post(
            c, {"events": [event("picked_up", event_id=f"e{n}") for n in range(MAX_EVENTS + 1)]}
        ),
        400,
    ),
    "huge_payload": (lambda c: post(c, huge()), 413),
    "not_json": (
        lambda c: post(c, b"status=delivered", content_type="application/x-www-form-urlencoded"),
        415,
    ),
    "unknown_carrier": (
        lambda c: post(c, {"events": [event("picked_up")]}, url="/logistics/webhooks/nadie/"),
        404,
    ),
    "carrier_without_webhooks": (
        lambda c: post(c, {"events": [event("picked_up")]}, url="/logistics/webhooks/manual/"),
        404,
    ),
    "get": (lambda c: c.get(URL), 405),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refused_with_a_4xx_and_nothing_written(client, shipment, case):
    send, expected = REFUSALS[case]
    before = written()

    response = send(client)

    assert response.status_code == expected
    assert written() == before
