"""Reads about payment methods for the pages and messages that offer or describe them:
always by what a gateway can do (its capabilities), never by its name."""

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.conf import settings

from payments.exceptions import UnknownGateway
from payments.interface import Capability, PaymentGateway, PaymentState, TransferAccount
from payments.models import Payment
from payments.registry import gateway_get, gateway_settings, gateways_for

PAID = frozenset({PaymentState.AUTHORIZED, PaymentState.CAPTURED, PaymentState.PARTIALLY_REFUNDED})
CLOSED = frozenset({PaymentState.CANCELLED, PaymentState.FAILED})
# The buyer pays without the gateway taking the money: in cash at the door, or by a
# transfer an operator confirms.
PAID_OUTSIDE = frozenset(
    {Capability.PAY_ON_DELIVERY, Capability.MANUAL_CONFIRMATION, Capability.PAY_ON_ACCOUNT}
)
# Nothing to wait for before the stores prepare the parts: paid at the door or on account.
PLACED_AT_ONCE = frozenset({Capability.PAY_ON_DELIVERY, Capability.PAY_ON_ACCOUNT})


def payment_methods_offered(
    *, currency: str, on_account: bool = False
) -> dict[str, tuple[str, str]]:
    """{gateway name: (label, description)} of the enabled gateways that take `currency`,
    as the buyer reads them. Payment on account only with `on_account` (a company whose
    stores all granted it terms)."""
    return {
        gateway.name: (str(gateway.label), str(gateway.description))
        for gateway in gateways_for(currency=currency)
        if on_account or Capability.PAY_ON_ACCOUNT not in gateway.capabilities
    }


def payment_methods_unavailable() -> list[str]:
    """What the buyer reads of the ways of paying this installation knows but has not
    set up (settings.PAYMENT_METHODS_UNAVAILABLE: {gateway name: label}, those not in
    PAYMENT_GATEWAYS)."""
    configured = gateway_settings()
    return [
        str(label)
        for name, label in getattr(settings, "PAYMENT_METHODS_UNAVAILABLE", {}).items()
        if name not in configured
    ]


def payment_methods_for_agents(*, currency: str, on_account: bool = False) -> dict[str, str]:
    """{gateway name: what an agent taking the order for the customer reads} of the
    methods `payment_methods_offered` gives for `currency`: the method and how the
    customer gets to pay it (payment on account only with `on_account`, as there)."""
    return {
        gateway.name: str(gateway.agent_label or gateway.label)
        for gateway in gateways_for(currency=currency)
        if on_account or Capability.PAY_ON_ACCOUNT not in gateway.capabilities
    }


def payment_method_default(methods: Iterable[str] | None = None) -> str | None:
    """The method a payment starts on: one paid on delivery (nothing to do online), among
    `methods` (gateway names, or a dict keyed by them) or, without them, among all the
    configured gateways."""
    names = gateway_settings() if methods is None else methods
    return next((name for name in names if gateway_can(name, Capability.PAY_ON_DELIVERY)), None)


def gateway_names_with(capability: Capability) -> tuple[str, ...]:
    """The names of the configured gateways that declare `capability`, in the order of
    the setting: `Payment.objects.filter(gateway__in=gateway_names_with(...))`."""
    return tuple(name for name in gateway_settings() if gateway_can(name, capability))


def payment_method_label(name: str) -> str:
    """The buyer-facing name of the gateway configured as `name` (the name itself for one
    no longer configured)."""
    gateway = _gateway(name)
    return str(gateway.label) if gateway is not None else name


def gateway_can(name: str, capability: Capability) -> bool:
    """Whether the gateway configured as `name` declares `capability` (False for a gateway
    no longer configured)."""
    gateway = _gateway(name)
    return gateway is not None and capability in gateway.capabilities


def gateway_places_at_once(name: str) -> bool:
    """Whether a purchase paid with the gateway configured as `name` goes to its stores
    as soon as it is placed (paid at the door, or on account)."""
    gateway = _gateway(name)
    return gateway is not None and bool(gateway.capabilities.supported & PLACED_AT_ONCE)


def gateway_takes_money(name: str) -> bool:
    """Whether the gateway configured as `name` takes the buyer's money itself (a card),
    so starting its payment twice could charge twice; False for one where the buyer pays
    in person or by a transfer an operator confirms, and for one no longer configured."""
    gateway = _gateway(name)
    if gateway is None:
        return False
    supported = gateway.capabilities.supported
    return not supported & PAID_OUTSIDE and bool(supported - {Capability.REFERENCE})


class PaymentStep(enum.StrEnum):
    """Where a purchase's payment stands, for the buyer."""

    ON_DELIVERY = "on_delivery"  # each part is paid in cash when delivered or collected
    ON_ACCOUNT = "on_terms"  # each part is owed on its store's terms, due after delivery
    TRANSFER = "transfer"  # waiting for the buyer's transfer: account, reference, deadline
    ONLINE = "online"  # waiting for the buyer to pay online (the card page)
    PAID = "paid"  # the money is taken
    REFUNDED = "refunded"
    CLOSED = "closed"  # cancelled or refused: nothing is owed


@dataclass(frozen=True)
class HowToPay:
    """How and when the buyer pays a purchase, as its confirmation says it."""

    step: PaymentStep
    method: str  # the gateway's label, as at checkout
    paid_label: str  # what the buyer reads once paid ("Paid by card")
    amount: Decimal
    currency: str
    reference: str  # our payment's reference (the card page, the transfer form)
    deadline: datetime | None = None
    transfer_reference: str = ""  # what the buyer writes in the transfer's concept
    account: TransferAccount | None = None
    buyer_reference: str = ""  # the operation number the buyer already gave us


def payment_how_to_pay(*, payment: Payment) -> HowToPay:
    gateway = _gateway(payment.gateway)
    can = gateway.capabilities.supported if gateway else frozenset()
    common = {
        "method": str(gateway.label) if gateway else payment.gateway,
        "paid_label": str(gateway.paid_label) if gateway else "",
        "amount": payment.amount,
        "currency": payment.currency,
        "reference": payment.reference,
    }
    if payment.state in CLOSED:
        return HowToPay(step=PaymentStep.CLOSED, **common)
    if Capability.PAY_ON_DELIVERY in can:
        return HowToPay(step=PaymentStep.ON_DELIVERY, **common)
    if Capability.PAY_ON_ACCOUNT in can:
        return HowToPay(step=PaymentStep.ON_ACCOUNT, **common)
    if payment.state in PAID:
        return HowToPay(step=PaymentStep.PAID, **common)
    if payment.state == PaymentState.REFUNDED:
        return HowToPay(step=PaymentStep.REFUNDED, **common)
    if Capability.MANUAL_CONFIRMATION in can:
        return HowToPay(
            step=PaymentStep.TRANSFER,
            deadline=payment.deadline,
            transfer_reference=payment.gateway_reference,
            account=gateway.transfer_account(),
            buyer_reference=payment.buyer_reference,
            **common,
        )
    return HowToPay(step=PaymentStep.ONLINE, deadline=payment.deadline, **common)


def _gateway(name: str) -> PaymentGateway | None:
    try:
        return gateway_get(name)
    except UnknownGateway:
        return None
