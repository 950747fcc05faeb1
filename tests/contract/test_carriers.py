"""What every configured carrier must do. A new carrier adds how to sign its webhooks to
WEBHOOK_SIGNERS (if it takes webhooks) and passes these."""

import json

import pytest
from django.conf import settings

from logistics.carriers.exceptions import ShipmentRefused, WebhookRejected
from logistics.carriers.interface import Capability, Carrier, CarrierEvent, ShipmentRequest
from logistics.carriers.registry import carrier_get
from logistics.carriers.webhook import SIGNATURE_HEADER, webhook_signature
from logistics.models import TrackingStatus
from tests.factories.shipments import carrier_time


def hmac_headers(carrier: Carrier, body: bytes) -> dict:
    return {SIGNATURE_HEADER: webhook_signature(secret=carrier.options["SECRET"], body=body)}


# backend -> how its carrier signs a body (the headers it sends)
WEBHOOK_SIGNERS = {
    "logistics.carriers.webhook.WebhookCarrier": hmac_headers,
    "logistics.carriers.national.NationalCarrier": hmac_headers,
}

CARRIERS = sorted(settings.SHIPPING_CARRIERS)


def request_for(code: str = "") -> ShipmentRequest:
    return ShipmentRequest(
        vendor_order_number="100001-1",
        parcels=1,
        weight_kg=None,
        estimated_delivery=None,
        tracking_code=code,
    )


def test_the_test_settings_run_a_carrier_of_each_kind():
    kinds = {frozenset(carrier_get(name).capabilities.supported) for name in CARRIERS}
    assert any(Capability.WEBHOOKS in kind for kind in kinds)
    assert any(Capability.COURIER_LINK in kind for kind in kinds)


@pytest.mark.parametrize("name", CARRIERS)
def test_is_a_carrier_with_a_label(name):
    carrier = carrier_get(name)

    assert isinstance(carrier, Carrier)
    assert str(carrier.label)
    assert carrier.capabilities.supported <= set(Capability)


@pytest.mark.parametrize("name", CARRIERS)
def test_registers_with_a_fresh_code_when_given_none(name):
    carrier = carrier_get(name)

    codes = {carrier.shipment_register(request=request_for()).tracking_code for _ in range(50)}

    assert len(codes) == 50
    assert all(code.isalnum() and 6 <= len(code) <= 64 for code in codes)


@pytest.mark.parametrize("name", CARRIERS)
def test_keeps_the_carriers_code_and_refuses_a_malformed_one(name):
    carrier = carrier_get(name)

    assert carrier.shipment_register(request=request_for("mr-2041")).tracking_code == "MR-2041"
    for bad in ("con espacio", "x" * 65, "<script>"):
        with pytest.raises(ShipmentRefused):
            carrier.shipment_register(request=request_for(bad))


@pytest.mark.parametrize("name", CARRIERS)
def test_webhooks_parse_signed_bodies_and_refuse_the_rest(name):
    carrier = carrier_get(name)
    if Capability.WEBHOOKS not in carrier.capabilities:
        with pytest.raises(NotImplementedError):
            carrier.webhook_verify_and_parse(body=b"{}", headers={})
        return
    sign = WEBHOOK_SIGNERS[settings.SHIPPING_CARRIERS[name]["BACKEND"]]
    body = json.dumps(
        {
            "events": [
                {
                    "id": "evt-1",
                    "tracking_code": "mr-2041",
                    "status": "out_for_delivery",
                    "occurred_at": carrier_time(),
                    "municipality": "2301",
                }
            ]
        }
    ).encode()

    events = carrier.webhook_verify_and_parse(body=body, headers=sign(carrier, body))

    assert len(events) == 1 and isinstance(events[0], CarrierEvent)
    assert events[0].status in TrackingStatus.values
    assert events[0].occurred_at.utcoffset() is not None
    assert events[0].tracking_code == "MR-2041"
    with pytest.raises(WebhookRejected):
        carrier.webhook_verify_and_parse(body=body + b" ", headers=sign(carrier, body))
    with pytest.raises(WebhookRejected):
        carrier.webhook_verify_and_parse(body=body, headers={})
    with pytest.raises(WebhookRejected):
        carrier.webhook_verify_and_parse(body=b"{not json", headers=sign(carrier, b"{not json"))
