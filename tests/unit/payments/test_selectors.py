"""Questions about payment methods answered by what the configured gateways can do."""

import pytest
from django.test import override_settings
from django.utils import translation

from payments.interface import Capability
from payments.registry import gateway_get
from payments.selectors import (
    gateway_can,
    gateway_names_with,
    gateway_takes_money,
    payment_method_default,
    payment_methods_for_agents,
)

CASH = {"BACKEND": "payments.gateways.cash_on_delivery.CashOnDelivery"}
TRANSFER = {
    "BACKEND": "payments.gateways.bank_transfer.BankTransfer",
    "OPTIONS": {
        "account_holder": "Encadena",
        "account_number": "0598 1234",
        "bank": "Banco Metropolitano",
    },
}
CARD = {
    "BACKEND": "payments.gateways.stripe.StripeGateway",
    "OPTIONS": {
        "secret_key": "sk_test_x",
        "publishable_key": "pk_test_x",
        "webhook_secret": "whsec_x",
        "currencies": "CUP USD",
    },
}
TEST = {"BACKEND": "payments.gateways.dummy.DummyGateway"}
# Names other than the usual ones: the answers follow the capabilities, not the names.
ALL = {
    "tarjeta": CARD,
    "prueba": TEST,
    "efectivo": CASH,
    "transferencia": TRANSFER,
    "otra_transferencia": TRANSFER,
}


@override_settings(PAYMENT_GATEWAYS=ALL)
def test_the_gateways_with_a_capability_are_named_in_the_settings_order():
    assert gateway_names_with(Capability.PAY_ON_DELIVERY) == ("efectivo",)
    assert gateway_names_with(Capability.MANUAL_CONFIRMATION) == (
        "transferencia",
        "otra_transferencia",
    )
    assert gateway_names_with(Capability.CLIENT_SDK) == ("tarjeta",)
    assert gateway_names_with(Capability.SPLIT_PAYOUTS) == ()


@override_settings(PAYMENT_GATEWAYS={"prueba": TEST})
def test_no_gateway_with_a_capability_gives_an_empty_tuple():
    assert gateway_names_with(Capability.PAY_ON_DELIVERY) == ()


@override_settings(PAYMENT_GATEWAYS=ALL)
def test_the_default_method_is_one_paid_on_delivery():
    assert payment_method_default() == "efectivo"
    assert payment_method_default({"tarjeta": ("Card", ""), "efectivo": ("Cash", "")}) == (
        "efectivo"
    )
    assert payment_method_default(["prueba", "transferencia"]) is None
    assert payment_method_default(["retirada"]) is None  # no longer configured


@override_settings(PAYMENT_GATEWAYS={"prueba": TEST})
def test_without_a_method_paid_on_delivery_there_is_no_default():
    assert payment_method_default() is None


@override_settings(PAYMENT_GATEWAYS=ALL)
def test_agents_read_each_method_and_how_the_customer_pays_it():
    with translation.override("en"):
        methods = payment_methods_for_agents(currency="CUP")

    assert methods == {
        "tarjeta": "Card, through a payment link sent to the customer",
        "prueba": "Card, through a payment link sent to the customer",
        "efectivo": "Cash on delivery",
        "transferencia": "Bank transfer (the customer receives the instructions by e-mail)",
        "otra_transferencia": ("Bank transfer (the customer receives the instructions by e-mail)"),
    }


@override_settings(PAYMENT_GATEWAYS={"efectivo": CASH, "transferencia": TRANSFER})
def test_agents_are_offered_only_the_methods_that_take_the_currency():
    assert list(payment_methods_for_agents(currency="USD")) == ["efectivo"]


@override_settings(PAYMENT_GATEWAYS=ALL)
@pytest.mark.parametrize(
    ("name", "takes_money"),
    [
        ("tarjeta", True),
        ("prueba", True),
        ("efectivo", False),
        ("transferencia", False),
        ("retirada", False),
    ],
)
def test_only_a_gateway_that_charges_the_buyer_itself_takes_money(name, takes_money):
    assert gateway_takes_money(name) is takes_money


@override_settings(PAYMENT_GATEWAYS=ALL)
@pytest.mark.parametrize(
    ("name", "on_delivery", "confirmed_by_hand"),
    [
        ("efectivo", True, False),
        ("transferencia", False, True),
        ("tarjeta", False, False),
        ("prueba", False, False),
    ],
)
def test_each_gateway_declares_how_it_is_paid(name, on_delivery, confirmed_by_hand):
    assert gateway_can(name, Capability.PAY_ON_DELIVERY) is on_delivery
    assert gateway_can(name, Capability.MANUAL_CONFIRMATION) is confirmed_by_hand
    assert str(gateway_get(name).label) and str(gateway_get(name).paid_label)
