"""Reads about payment methods for the pages and messages that offer or describe them:
always by what a gateway can do (its capabilities), never by its name."""

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from payments.interface import Capability, PaymentGateway, PaymentState, TransferAccount
from payments.models import Payment
from payments.registry import UnknownGateway, gateway_get, gateway_settings, gateways_for

PAID = frozenset({PaymentState.AUTHORIZED, PaymentState.CAPTURED,
                  PaymentState.PARTIALLY_REFUNDED})
CLOSED = frozenset({PaymentState.CANCELLED, PaymentState.FAILED})


def payment_methods_offered(*, currency: str) -> dict[str, tuple[str, str]]:
    """{gateway name: (label, description)} of the enabled gateways that take `currency`,
    as the buyer reads them."""
    return {gateway.name: (str(gateway.label), str(gateway.description))
            for gateway in gateways_for(currency=currency)}


def payment_method_default(methods: dict) -> str | None:
    """The method a payment form starts on: one paid on delivery, if offered (nothing to
    do online)."""
    return next((name for name in methods
                 if gateway_can(name, Capability.PAY_ON_DELIVERY)), None)


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


class PaymentStep(enum.StrEnum):
    """Where a purchase's payment stands, for the buyer."""

    ON_DELIVERY = "on_delivery"  # each part is paid in cash when delivered or collected
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
    common = {"method": str(gateway.label) if gateway else payment.gateway,
              "paid_label": str(gateway.paid_label) if gateway else "",
              "amount": payment.amount, "currency": payment.currency,
              "reference": payment.reference}
    if payment.state in CLOSED:
        return HowToPay(step=PaymentStep.CLOSED, **common)
    if Capability.PAY_ON_DELIVERY in can:
        return HowToPay(step=PaymentStep.ON_DELIVERY, **common)
    if payment.state in PAID:
        return HowToPay(step=PaymentStep.PAID, **common)
    if payment.state == PaymentState.REFUNDED:
        return HowToPay(step=PaymentStep.REFUNDED, **common)
    if Capability.MANUAL_CONFIRMATION in can:
        return HowToPay(step=PaymentStep.TRANSFER, deadline=payment.deadline,
                        transfer_reference=payment.gateway_reference,
                        account=gateway.transfer_account(),
                        buyer_reference=payment.buyer_reference, **common)
    return HowToPay(step=PaymentStep.ONLINE, deadline=payment.deadline, **common)


def gateway_names_with(capability: Capability) -> list[str]:
    """The names of the configured gateways that declare `capability` (for queries on
    payments made with them)."""
    return [name for name in gateway_settings() if gateway_can(name, capability)]


def _gateway(name: str) -> PaymentGateway | None:
    try:
        return gateway_get(name)
    except UnknownGateway:
        return None
