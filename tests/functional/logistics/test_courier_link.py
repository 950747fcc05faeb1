"""The courier's signed page: no account, one shipment, big buttons; tampered, expired
or withdrawn links are refused and reach nothing."""

from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail
from django.utils import translation

from logistics.courier import courier_link_path, courier_link_token
from logistics.models import Shipment, TrackingEvent
from logistics.tracking import courier_link_revoke, shipment_create
from payments.models import PaymentEvent
from tests.factories.shipments import ready_part
from vendors.models import VendorOrderStatus

pytestmark = pytest.mark.django_db


def ship(part) -> Shipment:
    return shipment_create(
        vendor_order=part, carrier="manual", parcels=1, weight_kg=None, estimated_delivery=None
    )


@pytest.fixture
def shipment():
    return ship(ready_part(quantity=2, price="100.00"))


def step(client, path, status, **data):
    return client.post(path, {"status": status, "key": f"key-{status}-{len(data)}", **data})


def test_the_courier_records_out_for_delivery_and_delivered_with_the_cash(
    client, shipment, django_capture_on_commit_callbacks
):
    path = courier_link_path(shipment=shipment)

    page = client.get(path)
    assert page.status_code == 200
    assert b"Calle 23 No. 1155" in page.content  # the courier needs the address
    line = shipment.vendor_order.lines.get()
    assert f"2 × {line.title}" in page.content.decode()  # and what to hand over
    with django_capture_on_commit_callbacks(execute=True):
        assert step(client, path, "out_for_delivery").status_code == 302
        assert step(client, path, "delivered", cash_collected="200.00").status_code == 302

    shipment.refresh_from_db()
    assert shipment.status == "delivered"
    assert shipment.cash_collected == Decimal("200.00")
    assert shipment.vendor_order.status == VendorOrderStatus.DELIVERED
    assert list(shipment.events.values_list("status", "source")) == [
        ("out_for_delivery", "courier"),
        ("delivered", "courier"),
    ]
    # The municipality defaults to the delivery address's.
    places = {event.municipality.name for event in shipment.events.all()}
    assert places == {"Plaza de la Revolución"}
    assert (
        PaymentEvent.objects.filter(
            payment__order=shipment.vendor_order.order, kind="charge"
        ).count()
        == 1
    )
    assert len(mail.outbox) == 2
    with translation.override("en"):
        assert b"Nothing more to record" in client.get(f"/en{path}").content


def test_a_double_submission_records_the_step_once(client, shipment):
    path = courier_link_path(shipment=shipment)
    data = {"status": "picked_up", "key": "same-key"}

    client.post(path, data)
    client.post(path, data)

    assert TrackingEvent.objects.filter(shipment=shipment).count() == 1


@pytest.mark.parametrize("cash", ["", "150.00", "250.00"])
def test_delivered_needs_the_exact_cash_due(client, shipment, cash):
    path = courier_link_path(shipment=shipment)
    step(client, path, "out_for_delivery")

    response = step(client, path, "delivered", cash_collected=cash)

    assert response.status_code == 400
    shipment.refresh_from_db()
    assert shipment.status == "out_for_delivery"
    assert shipment.vendor_order.status == VendorOrderStatus.SHIPPED


def test_a_prepaid_part_needs_no_cash(client):
    shipment = ship(ready_part(gateway="dummy"))
    path = courier_link_path(shipment=shipment)
    step(client, path, "out_for_delivery")

    response = step(client, path, "delivered")

    assert response.status_code == 302
    shipment.refresh_from_db()
    assert shipment.status == "delivered" and shipment.cash_collected is None


def test_a_failed_attempt_needs_a_note(client, shipment):
    path = courier_link_path(shipment=shipment)
    step(client, path, "out_for_delivery")

    refused = step(client, path, "attempt_failed")
    accepted = step(client, path, "attempt_failed", note="Nadie en casa")

    assert (refused.status_code, accepted.status_code) == (400, 302)
    assert shipment.events.filter(status="attempt_failed").get().note == "Nadie en casa"


def test_a_step_that_does_not_apply_is_refused(client, shipment):
    response = step(client, courier_link_path(shipment=shipment), "returned")

    assert response.status_code == 400
    assert TrackingEvent.objects.count() == 0


def test_a_tampered_link_is_refused(client, shipment):
    token = courier_link_token(shipment=shipment)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")

    get = client.get(f"/mensajero/{tampered}/")
    post = client.post(f"/mensajero/{tampered}/", {"status": "picked_up", "key": "k"})

    assert (get.status_code, post.status_code) == (403, 403)
    assert TrackingEvent.objects.count() == 0


def test_a_link_cannot_be_turned_to_another_shipment(client, shipment):
    other = ship(ready_part())
    token = courier_link_token(shipment=shipment)
    value, _colon, rest = token.partition(":")
    forged = f"{other.pk}.0:{rest}"

    response = client.post(f"/mensajero/{forged}/", {"status": "picked_up", "key": "k"})

    assert response.status_code == 403
    assert TrackingEvent.objects.count() == 0
    # The genuine link moves its own shipment only.
    client.post(courier_link_path(shipment=shipment), {"status": "picked_up", "key": "k"})
    assert list(TrackingEvent.objects.values_list("shipment_id", flat=True)) == [shipment.pk]


def test_an_expired_link_is_refused(client, shipment, settings):
    settings.COURIER_LINK_MAX_AGE_DAYS = 7
    eight_days_ago = __import__("time").time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        path = courier_link_path(shipment=shipment)

    with translation.override("en"):
        response = client.post(path, {"status": "picked_up", "key": "k"})

    assert response.status_code == 410
    assert TrackingEvent.objects.count() == 0


def test_a_withdrawn_link_is_refused_and_the_new_one_works(client, shipment):
    old = courier_link_path(shipment=shipment)

    courier_link_revoke(shipment=shipment)
    shipment.refresh_from_db()

    assert client.get(old).status_code == 410
    assert client.get(courier_link_path(shipment=shipment)).status_code == 200


def test_a_link_of_a_carrier_without_courier_pages_offers_no_steps(client):
    shipment = shipment_create(
        vendor_order=ready_part(),
        carrier="webhook",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
    )

    response = step(client, courier_link_path(shipment=shipment), "picked_up")

    assert response.status_code == 400
    assert TrackingEvent.objects.count() == 0
