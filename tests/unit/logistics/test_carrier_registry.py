import pytest
from django.core.checks import run_checks
from django.test import override_settings

from logistics.carriers.exceptions import UnknownCarrier
from logistics.carriers.interface import Capability
from logistics.carriers.registry import carrier_get, carriers_enabled

MANUAL = {"manual": {"BACKEND": "logistics.carriers.manual.ManualCarrier"}}


def check_ids() -> list[str]:
    return sorted(message.id for message in run_checks() if message.id.startswith("logistics."))


@override_settings(SHIPPING_CARRIERS={"broken": {"BACKEND": "logistics.nowhere.Carrier"}})
def test_an_unknown_backend_is_reported_by_a_system_check():
    assert check_ids() == ["logistics.E001"]


@override_settings(
    SHIPPING_CARRIERS={
        **MANUAL,
        "webhook": {"BACKEND": "logistics.carriers.webhook.WebhookCarrier"},
    }
)
def test_a_webhook_carrier_without_its_secret_is_reported():
    assert check_ids() == ["logistics.E002"]


@override_settings(SHIPPING_CARRIERS={})
def test_no_carrier_at_all_is_reported():
    assert check_ids() == ["logistics.E004"]


@override_settings(
    SHIPPING_CARRIERS={"manual": {"BACKEND": "payments.gateways.dummy.DummyGateway"}}
)
def test_a_payment_gateway_is_not_a_carrier():
    assert check_ids() == ["logistics.E001"]


@override_settings(SHIPPING_CARRIERS=MANUAL)
def test_a_valid_setting_raises_no_check_and_carriers_are_offered_by_capability():
    assert check_ids() == []
    assert [carrier.name for carrier in carriers_enabled()] == ["manual"]
    assert carriers_enabled(needs=frozenset({Capability.WEBHOOKS})) == []
    with pytest.raises(UnknownCarrier):
        carrier_get("webhook")
