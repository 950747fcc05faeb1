"""Real threads on PostgreSQL: the same carrier event posted at once, and two shipments
of one part delivered at once."""

import json

import pytest
from django.core import mail
from django.test import Client

from logistics.carriers.webhook import SIGNATURE_HEADER, webhook_signature
from logistics.models import ShipmentNotice, TrackingEvent
from logistics.tracking import shipment_create, tracking_event_record
from payments.models import PaymentEvent
from tests.concurrency import run_in_threads
from tests.factories.shipments import carrier_event, carrier_time, ready_part
from vendors.models import VendorOrderStatus

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECRET = "test-shipping-webhook-secret"


def test_the_same_webhook_posted_from_eight_threads_is_one_event_and_one_email():
    shipment = shipment_create(
        vendor_order=ready_part(),
        carrier="webhook",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
        tracking_code="MR-7",
    )
    body = json.dumps(
        {
            "events": [
                {
                    "id": "evt-race",
                    "tracking_code": "MR-7",
                    "status": "out_for_delivery",
                    "occurred_at": carrier_time(),
                }
            ]
        }
    ).encode()
    statuses = []

    def post(_index):
        response = Client().post(
            "/logistics/webhooks/webhook/",
            body,
            content_type="application/json",
            headers={SIGNATURE_HEADER: webhook_signature(secret=SECRET, body=body)},
        )
        statuses.append(response.status_code)

    errors = run_in_threads(8, post)

    assert errors == []
    assert statuses == [200] * 8
    assert TrackingEvent.objects.filter(shipment=shipment).count() == 1
    assert ShipmentNotice.objects.filter(shipment=shipment).count() == 1
    assert len(mail.outbox) == 1


def test_two_shipments_of_one_part_delivered_at_once_deliver_the_part_once():
    part = ready_part()
    shipments = [
        shipment_create(
            vendor_order=part, carrier="manual", parcels=1, weight_kg=None, estimated_delivery=None
        )
        for _ in range(2)
    ]

    errors = run_in_threads(
        2,
        lambda index: tracking_event_record(
            shipment_id=shipments[index].pk, event=carrier_event(shipments[index], "delivered")
        ),
    )

    assert errors == []
    part.refresh_from_db()
    assert part.status == VendorOrderStatus.DELIVERED
    assert PaymentEvent.objects.filter(payment__order=part.order, kind="charge").count() == 1
    assert list(part.events.values_list("to_status", flat=True)).count("delivered") == 1
