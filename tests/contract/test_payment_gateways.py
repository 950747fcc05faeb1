"""What every payment adapter must do. A new gateway joins ADAPTERS and passes these."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest

from payments.exceptions import PaymentDeclined, WebhookRejected
from payments.interface import (
    Capability,
    Money,
    PaymentGateway,
    PaymentRequest,
    PaymentStart,
    PaymentState,
)
from tests.fakes import enzona_server, transfermovil_server
from tests.fakes.fixtures import fake_reset, payer_confirms
from tests.localstripe_server import CARD_PAID, card_payment_confirm, stripe_options


def nothing_to_pay(gateway: PaymentGateway, started: PaymentStart) -> None:
    """The gateway took the money when the payment started."""


def stripe_card_pay(gateway: PaymentGateway, started: PaymentStart) -> None:
    card_payment_confirm(
        api_base=gateway.options["api_base"],
        gateway_reference=started.gateway_reference,
        card_number=CARD_PAID,
    )


def payer_pays_by_link(gateway: PaymentGateway, started: PaymentStart) -> None:
    """The payer follows the payment's link (what its QR code holds) and pays there."""
    payer_confirms(gateway.payment_link(gateway_reference=started.gateway_reference).url)


@dataclass(frozen=True)
class Adapter:
    """How the contract builds one adapter, and plays the buyer's part against it."""

    backend: str
    options: Callable[[pytest.FixtureRequest], dict]
    # Turns a started payment into a captured one, as the buyer would.
    pay: Callable[[PaymentGateway, PaymentStart], None] = nothing_to_pay
    # Why the gateway the tests run against does not replay idempotency keys, if it doesn't.
    ignores_idempotency_keys: str = ""


ADAPTERS = {
    "dummy": Adapter("payments.gateways.dummy.DummyGateway", options=lambda request: {}),
    "stripe": Adapter(
        "payments.gateways.stripe.StripeGateway",
        options=lambda request: stripe_options(request.getfixturevalue("localstripe_url")),
        pay=stripe_card_pay,
        ignores_idempotency_keys=(
            "localstripe ignores Idempotency-Key; tests/integration/payments/"
            "test_stripe_gateway.py checks the keys the adapter sends"
        ),
    ),
    "enzona": Adapter(
        "payments.gateways.enzona.adapter.EnzonaGateway",
        options=lambda request: enzona_server.options(
            fake_reset(request.getfixturevalue("enzona_url"))
        ),
        pay=payer_pays_by_link,
    ),
    "transfermovil": Adapter(
        "payments.gateways.transfermovil.adapter.TransfermovilGateway",
        options=lambda request: transfermovil_server.options(
            fake_reset(request.getfixturevalue("transfermovil_url"))
        ),
        pay=payer_pays_by_link,
    ),
}
# Capability -> the method an adapter must override to claim it.
METHODS = {
    Capability.CAPTURE: "capture",
    Capability.VOID: "cancel",
    Capability.REFUND: "refund",
    Capability.PARTIAL_REFUND: "refund",
    Capability.WEBHOOKS: "webhook_parse",
    Capability.PAYMENT_LINK: "payment_link",
}


@pytest.fixture(params=sorted(ADAPTERS))
def adapter_name(request) -> str:
    return request.param


@pytest.fixture
def adapter(adapter_name) -> Adapter:
    return ADAPTERS[adapter_name]


@pytest.fixture
def gateway(adapter_name, adapter, request) -> PaymentGateway:
    from django.utils.module_loading import import_string

    return import_string(adapter.backend)(name=adapter_name, options=adapter.options(request))


def currency_of(gateway: PaymentGateway) -> str:
    return min(gateway.capabilities.currencies)


def money(gateway: PaymentGateway, amount: str) -> Money:
    return Money(Decimal(amount), currency_of(gateway))


def payment(gateway: PaymentGateway, amount: str, key: str = "100001-start") -> PaymentRequest:
    return PaymentRequest(reference="100001", amount=money(gateway, amount), idempotency_key=key)


def test_claimed_capabilities_are_implemented(gateway):
    for capability in gateway.capabilities.supported:
        method = METHODS.get(capability)
        if method:
            assert getattr(type(gateway), method) is not getattr(PaymentGateway, method), (
                f"{gateway.name} claims {capability} without overriding {method}()"
            )


def test_starting_returns_a_next_action_and_a_reference(gateway):
    started = gateway.start(payment(gateway, "100.00"))

    assert isinstance(started, PaymentStart)
    assert started.gateway_reference
    assert gateway.fetch(gateway_reference=started.gateway_reference).state == started.state


def test_the_same_idempotency_key_starts_the_same_payment(gateway, adapter):
    if Capability.IDEMPOTENCY_KEYS not in gateway.capabilities:
        pytest.skip(f"{gateway.name} has no idempotency keys")
    if adapter.ignores_idempotency_keys:
        pytest.skip(adapter.ignores_idempotency_keys)

    first = gateway.start(payment(gateway, "100.00"))
    again = gateway.start(payment(gateway, "100.00"))

    assert first.gateway_reference == again.gateway_reference


def test_a_paid_payment_reads_as_captured(gateway, adapter):
    started = gateway.start(payment(gateway, "100.00"))

    adapter.pay(gateway, started)

    status = gateway.fetch(gateway_reference=started.gateway_reference)
    assert status.state == PaymentState.CAPTURED
    assert status.amount_captured == money(gateway, "100.00")


def test_a_refund_never_exceeds_the_capture(gateway, adapter):
    if Capability.REFUND not in gateway.capabilities:
        pytest.skip(f"{gateway.name} does not refund")
    started = gateway.start(payment(gateway, "100.00"))
    adapter.pay(gateway, started)

    partial = gateway.refund(
        gateway_reference=started.gateway_reference,
        amount=money(gateway, "40.00"),
        idempotency_key="r1",
    )
    with pytest.raises(PaymentDeclined):
        gateway.refund(
            gateway_reference=started.gateway_reference,
            amount=money(gateway, "100.01"),
            idempotency_key="r2",
        )

    assert partial.state == PaymentState.PARTIALLY_REFUNDED
    assert partial.amount_refunded == money(gateway, "40.00")


def test_a_payment_link_opens_the_payment_and_names_its_code(gateway):
    if Capability.PAYMENT_LINK not in gateway.capabilities:
        pytest.skip(f"{gateway.name} has no payment links")
    started = gateway.start(payment(gateway, "100.00", key="100002-start"))

    link = gateway.payment_link(gateway_reference=started.gateway_reference)

    assert started.redirect_url == link.url and link.qr_text and link.code
    assert started.reference == link.code


def test_a_declined_start_and_a_gateway_down_are_told_apart(gateway, adapter, request):
    """Errors normalised as for Stripe: a refusal is PaymentDeclined, a service that
    does not answer GatewayUnavailable, whatever the gateway's own format."""
    if Capability.PAYMENT_LINK not in gateway.capabilities:
        pytest.skip("the fakes of the link gateways are driven to fail; the others elsewhere")
    from payments.exceptions import GatewayUnavailable
    from tests.fakes.fixtures import fake_in_mode

    with pytest.raises(PaymentDeclined):
        gateway.start(payment(gateway, "100.01", key="100003-start"))
    url = gateway.options["api_base"]
    with fake_in_mode(url, "down"), pytest.raises(GatewayUnavailable):
        gateway.start(payment(gateway, "100.00", key="100004-start"))
    with fake_in_mode(url, "slow", delay=1.5), pytest.raises(GatewayUnavailable) as slow:
        type(gateway)(name=gateway.name, options={**gateway.options, "timeout": 0.5}).start(
            payment(gateway, "100.00", key="100005-start")
        )
    assert slow.value.code == "timeout"


def test_cancelling_a_waiting_payment_closes_it(gateway, adapter):
    if Capability.VOID not in gateway.capabilities or adapter.pay is nothing_to_pay:
        pytest.skip(f"{gateway.name}: nothing waits to be cancelled")
    started = gateway.start(payment(gateway, "100.00", key="100006-start"))

    cancelled = gateway.cancel(gateway_reference=started.gateway_reference, idempotency_key="c")
    again = gateway.cancel(gateway_reference=started.gateway_reference, idempotency_key="c")

    assert cancelled.state == again.state == PaymentState.CANCELLED


def test_an_unsigned_webhook_is_rejected(gateway):
    if Capability.WEBHOOKS not in gateway.capabilities:
        pytest.skip(f"{gateway.name} takes no webhooks")

    with pytest.raises(WebhookRejected):
        gateway.webhook_parse(
            body=b'{"id": "evt_1", "type": "payment_intent.succeeded"}',
            headers={"Content-Type": "application/json"},
        )
