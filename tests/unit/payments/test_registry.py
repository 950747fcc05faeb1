from decimal import Decimal

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from payments.exceptions import PaymentDeclined, UnknownGateway
from payments.interface import Capability, Money, PaymentRequest
from payments.registry import gateway_get, gateways_for

DUMMY = {"dummy": {"BACKEND": "payments.gateways.dummy.DummyGateway"}}


def check_ids() -> list[str]:
    return sorted(message.id for message in run_checks() if message.id.startswith("payments."))


@override_settings(PAYMENT_GATEWAYS={"broken": {"BACKEND": "payments.nowhere.Gateway"}})
def test_an_unknown_backend_is_reported_by_a_system_check():
    assert check_ids() == ["payments.E001"]


@override_settings(PAYMENT_GATEWAYS=DUMMY, DEBUG=False)
def test_the_test_only_gateway_is_refused_outside_debug():
    assert check_ids() == ["payments.E003"]


@override_settings(PAYMENT_GATEWAYS=DUMMY, DEBUG=True)
def test_a_valid_setting_raises_no_check():
    assert check_ids() == []


@override_settings(PAYMENT_GATEWAYS=DUMMY)
def test_gateways_are_offered_by_currency_and_capability():
    assert [g.name for g in gateways_for(currency="CUP")] == ["dummy"]
    assert gateways_for(currency="EUR") == []
    assert gateways_for(currency="CUP", needs=frozenset({Capability.CLIENT_SDK})) == []
    with pytest.raises(UnknownGateway):
        gateway_get("stripe")


@override_settings(PAYMENT_GATEWAYS=DUMMY)
def test_the_dummy_gateway_decides_by_the_cents():
    gateway = gateway_get("dummy")
    request = PaymentRequest(
        reference="100001", amount=Money(Decimal("250.01"), "CUP"), idempotency_key="100001-start"
    )

    with pytest.raises(PaymentDeclined):
        gateway.start(request)


def test_money_refuses_floats_and_negative_amounts():
    with pytest.raises(TypeError):
        Money(1.5, "CUP")
    with pytest.raises(ValueError):
        Money(Decimal("-1"), "CUP")
