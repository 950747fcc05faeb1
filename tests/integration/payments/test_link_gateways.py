"""EnZona and Transfermóvil against their loopback fakes, through the placement path:
callbacks that arrive twice or out of order, polling with growing pauses, a gateway that
does not answer, and EnZona's OAuth2 token."""

import json
import time
from contextlib import contextmanager
from decimal import Decimal
from unittest import mock

import pytest
from django.urls import reverse

from payments.gateways.enzona import wire
from payments.interface import PaymentState
from payments.models import Payment, PaymentEvent
from payments.polling import POLL_DELAYS, payment_poll_now
from payments.registry import gateway_get
from shop.apps.checkout.exceptions import PurchaseRefused
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.fakes import enzona_server, transfermovil_server
from tests.fakes.fixtures import fake_in_mode, fake_reset, payer_confirms
from vendors.models import VendorOrder

pytestmark = pytest.mark.django_db

ENZONA = "enzona"
TRANSFERMOVIL = "transfermovil"


@pytest.fixture
def gateways(settings, enzona_url, transfermovil_url):
    fake_reset(enzona_url), fake_reset(transfermovil_url)
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        ENZONA: {
            "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
            "OPTIONS": enzona_server.options(enzona_url),
        },
        TRANSFERMOVIL: {
            "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
            "OPTIONS": transfermovil_server.options(transfermovil_url),
        },
    }
    return {ENZONA: enzona_url, TRANSFERMOVIL: transfermovil_url}


@pytest.fixture
def world():
    (_partner_a, coffee), (_partner_b, honey) = stores_create(stock=5)
    return UserFactory(), coffee, honey


def place(world, gateway):
    customer, coffee, honey = world
    order = purchase_place_for(customer, [(coffee, 1), (honey, 2)], gateway=gateway)
    return Payment.objects.get(order=order)


def callback(client, payment, *, status_code, event_id, secret=enzona_server.CALLBACK_SECRET):
    """EnZona's callback as it arrives (its processing queued after commit, run here)."""
    body = json.dumps(
        wire.callback_body(
            event_id=event_id,
            transaction_uuid=payment.gateway_reference,
            status_code=status_code,
            timestamp=int(time.time()),
        )
    ).encode()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("payments:webhook", kwargs={"gateway_name": ENZONA}),
            data=body,
            content_type="application/json",
            headers={wire.SIGNATURE_HEADER: wire.callback_sign(body, secret)},
        )


def parts_statuses(payment):
    return sorted(VendorOrder.objects.filter(order=payment.order).values_list("status", flat=True))


def link_of(payment):
    return gateway_get(payment.gateway).payment_link(gateway_reference=payment.gateway_reference)


def test_an_enzona_callback_twice_and_one_out_of_order_change_nothing_twice(
    gateways, world, client
):
    payment = place(world, ENZONA)
    assert payment.state == PaymentState.PENDING
    assert parts_statuses(payment) == ["pending_payment", "pending_payment"]
    payer_confirms(link_of(payment).url)

    first = callback(client, payment, status_code=wire.Status.CONFIRMED, event_id="e2")
    again = callback(client, payment, status_code=wire.Status.CONFIRMED, event_id="e2")
    late = callback(client, payment, status_code=wire.Status.PENDING, event_id="e1")

    assert first.status_code == again.status_code == late.status_code == 200
    payment.refresh_from_db()
    assert payment.state == PaymentState.CAPTURED
    charges = PaymentEvent.objects.filter(payment=payment, kind="charge", phase="success")
    assert [event.amount for event in charges] == [payment.amount]
    assert parts_statuses(payment) == ["placed", "placed"]


def test_a_forged_enzona_callback_is_refused(gateways, world, client):
    payment = place(world, ENZONA)
    payer_confirms(link_of(payment).url)

    answer = callback(client, payment, status_code=wire.Status.COMPLETED, event_id="x", secret="no")

    assert answer.status_code == 400
    payment.refresh_from_db()
    assert payment.state == PaymentState.PENDING


def test_a_payment_the_buyer_rejects_in_the_app_closes_the_purchase(gateways, world, client):
    payment = place(world, ENZONA)
    payer_confirms(link_of(payment).url, action="reject")

    callback(client, payment, status_code=wire.Status.FAILED, event_id="f1")

    payment.refresh_from_db()
    assert payment.state == PaymentState.FAILED
    assert parts_statuses(payment) == ["cancelled", "cancelled"]


def test_enzona_asks_for_a_new_token_when_its_token_is_refused(gateways):
    gateway = gateway_get(ENZONA)
    from payments.interface import Money, PaymentRequest

    def start(key):
        return gateway.start(
            PaymentRequest(
                reference=key, amount=Money(Decimal("10.00"), "CUP"), idempotency_key=key
            )
        )

    start("token-1")
    cached = gateway._token[0]
    start("token-2")
    assert gateway._token[0] == cached  # the cached token served the second call
    from tests.fakes.fixtures import fake_mode

    fake_mode(gateways[ENZONA], "ok", expire_tokens=True)
    start("token-3")

    assert gateway._token[0] != cached


@contextmanager
def polls_queued():
    """The polls queued (after commit) inside the block; none runs."""
    from django.test import TestCase

    with (
        mock.patch("payments.tasks.payment_poll.apply_async") as queued,
        TestCase.captureOnCommitCallbacks(execute=True),
    ):
        yield queued


def test_transfermovil_is_polled_with_growing_pauses_until_paid(gateways, world):
    with polls_queued() as queued:
        payment = place(world, TRANSFERMOVIL)
    assert queued.call_args.kwargs["countdown"] == POLL_DELAYS[0]

    with polls_queued() as queued:
        assert payment_poll_now(payment_id=payment.pk, attempt=0) == PaymentState.PENDING
        with fake_in_mode(gateways[TRANSFERMOVIL], "down"):
            assert payment_poll_now(payment_id=payment.pk, attempt=1) == PaymentState.PENDING
    assert [call.kwargs["countdown"] for call in queued.call_args_list] == list(POLL_DELAYS[1:3])

    payer_confirms(link_of(payment).url)
    with polls_queued() as queued:
        assert payment_poll_now(payment_id=payment.pk, attempt=2) == PaymentState.CAPTURED
        assert payment_poll_now(payment_id=payment.pk, attempt=3) == PaymentState.CAPTURED
    assert queued.call_count == 0
    assert parts_statuses(payment) == ["placed", "placed"]
    assert PaymentEvent.objects.filter(payment=payment, kind="charge", phase="success").count() == 1


def test_the_last_pause_leaves_the_payment_to_reconciliation(gateways, world):
    with polls_queued():
        payment = place(world, TRANSFERMOVIL)
    with polls_queued() as queued:
        payment_poll_now(payment_id=payment.pk, attempt=len(POLL_DELAYS) - 1)
    assert queued.call_count == 0


@pytest.mark.parametrize("gateway", [ENZONA, TRANSFERMOVIL])
@pytest.mark.parametrize("mode", ["down", "slow"])
def test_an_unreachable_gateway_leaves_no_order_and_no_stock_promised(
    gateways, world, gateway, mode, settings
):
    options = settings.PAYMENT_GATEWAYS[gateway]["OPTIONS"]
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        gateway: {**settings.PAYMENT_GATEWAYS[gateway], "OPTIONS": {**options, "timeout": 0.5}},
    }
    customer, coffee, honey = world
    with (
        fake_in_mode(gateways[gateway], mode, delay=1.5),
        pytest.raises(PurchaseRefused) as refused,
    ):
        purchase_place_for(customer, [(coffee, 1), (honey, 2)], gateway=gateway)

    assert refused.value.code == "payment_service_down"
    assert not VendorOrder.objects.exclude(status="cancelled").exists()
    for product in (coffee, honey):
        record = product.stockrecords.get()
        assert record.num_allocated in (0, None)
        assert record.net_stock_level == 5


def test_a_way_of_paying_not_set_up_here_is_named_as_unavailable(settings):
    from payments.selectors import payment_methods_unavailable

    configured = {**settings.PAYMENT_GATEWAYS}
    configured.pop(ENZONA, None), configured.pop(TRANSFERMOVIL, None)
    settings.PAYMENT_GATEWAYS = configured
    assert payment_methods_unavailable() == ["EnZona", "Transfermóvil"]

    settings.PAYMENT_GATEWAYS = {
        **configured,
        ENZONA: {"BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway"},
    }
    assert payment_methods_unavailable() == ["Transfermóvil"]
