"""The demo's purchases paid in EnZona's and Transfermóvil's apps: placed through the one
placement path and recorded as the gateways confirmed them, with neither gateway reachable
(the seed runs before their fakes start)."""

import pytest
from django.utils import timezone

from payments.models import Payment
from payments.reconciliation import reconciliation_days
from shop.demo.purchases import demo_link_payments_seed
from tests.factories.callcenter import cuba, stores_create
from tests.factories.users import UserFactory
from tests.fakes import enzona_server, transfermovil_server

pytestmark = pytest.mark.django_db

NOBODY_LISTENS = "http://127.0.0.1:9"


@pytest.fixture
def link_gateways(settings):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "enzona": {
            "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
            "OPTIONS": enzona_server.options(NOBODY_LISTENS),
        },
        "transfermovil": {
            "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
            "OPTIONS": transfermovil_server.options(NOBODY_LISTENS),
        },
    }


def test_each_link_gateway_gets_a_confirmed_demo_purchase_once_without_being_called(
    link_gateways,
):
    buyer = UserFactory()
    partners = [partner for partner, _product in stores_create()]

    placed = demo_link_payments_seed(buyer=buyer, partners=partners, cuba=cuba())
    again = demo_link_payments_seed(buyer=buyer, partners=partners, cuba=cuba())

    assert again == []
    payments = Payment.objects.filter(order__user=buyer).order_by("gateway")
    assert [(payment.gateway, payment.state) for payment in payments] == [
        ("enzona", "captured"),
        ("transfermovil", "captured"),
    ]
    assert {purchase.payment.gateway: purchase.order for purchase in placed}.keys() == {
        "enzona",
        "transfermovil",
    }
    statuses = {
        purchase.payment.gateway: list(
            purchase.order.vendor_orders.order_by("sequence").values_list("status", flat=True)
        )
        for purchase in placed
    }
    assert statuses == {"enzona": ["accepted", "placed"], "transfermovil": ["shipped"]}
    today = timezone.localdate()
    rows = {row.gateway: row for row in reconciliation_days(start=today, end=today)}
    for payment in payments:
        row = rows[payment.gateway]
        assert (row.started, row.expected, row.confirmed, row.differing) == (
            1,
            payment.amount,
            payment.amount,
            0,
        )


def test_without_link_gateways_the_demo_places_no_such_purchase():
    buyer = UserFactory()
    partners = [partner for partner, _product in stores_create()]

    assert demo_link_payments_seed(buyer=buyer, partners=partners, cuba=cuba()) == []
    assert not Payment.objects.exists()
