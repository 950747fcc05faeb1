"""What every payment adapter must do. A new gateway joins ADAPTERS and passes these."""

from decimal import Decimal

import pytest

from payments.interface import (
    Capability,
    Money,
    PaymentDeclined,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
)

ADAPTERS = {
    "dummy": ("payments.gateways.dummy.DummyGateway", {}),
}
# Capability -> the method an adapter must override to claim it.
METHODS = {Capability.CAPTURE: "capture", Capability.VOID: "cancel",
           Capability.REFUND: "refund", Capability.PARTIAL_REFUND: "refund",
           Capability.WEBHOOKS: "webhook_parse"}


@pytest.fixture(params=sorted(ADAPTERS))
def gateway(request) -> PaymentGateway:
    from django.utils.module_loading import import_string

    backend, options = ADAPTERS[request.param]
    return import_string(backend)(name=request.param, options=options)


def payment(amount: str, key: str = "100001-start") -> PaymentRequest:
    return PaymentRequest(reference="100001", amount=Money(Decimal(amount), "CUP"),
                          idempotency_key=key)


def test_claimed_capabilities_are_implemented(gateway):
    for capability in gateway.capabilities.supported:
        method = METHODS.get(capability)
        if method:
            assert getattr(type(gateway), method) is not getattr(PaymentGateway, method), (
                f"{gateway.name} claims {capability} without overriding {method}()")


def test_starting_returns_a_next_action_and_a_reference(gateway):
    started = gateway.start(payment("100.00"))

    assert isinstance(started, PaymentStart)
    assert started.gateway_reference
    assert gateway.fetch(gateway_reference=started.gateway_reference).state == started.state


def test_the_same_idempotency_key_starts_the_same_payment(gateway):
    if Capability.IDEMPOTENCY_KEYS not in gateway.capabilities:
        pytest.skip(f"{gateway.name} has no idempotency keys")

    first = gateway.start(payment("100.00"))
    again = gateway.start(payment("100.00"))

    assert first.gateway_reference == again.gateway_reference


def test_a_refund_never_exceeds_the_capture(gateway):
    if Capability.REFUND not in gateway.capabilities:
        pytest.skip(f"{gateway.name} does not refund")
    started = gateway.start(payment("100.00"))

    partial = gateway.refund(gateway_reference=started.gateway_reference,
                             amount=Money(Decimal("40.00"), "CUP"), idempotency_key="r1")
    with pytest.raises(PaymentDeclined):
        gateway.refund(gateway_reference=started.gateway_reference,
                       amount=Money(Decimal("100.01"), "CUP"), idempotency_key="r2")

    assert partial.state == PaymentState.PARTIALLY_REFUNDED
    assert partial.amount_refunded == Money(Decimal("40.00"), "CUP")
