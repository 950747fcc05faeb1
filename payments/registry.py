"""The configured gateways, like Django's cache or storage backends:

    PAYMENT_GATEWAYS = {
        "cash_on_delivery": {"BACKEND": "payments.gateways.cash_on_delivery.CashOnDelivery"},
        "stripe": {"BACKEND": "payments.gateways.stripe.StripeGateway",
                   "OPTIONS": {"secret_key": "...", "webhook_secret": "..."}},
    }

Adapters are imported on first use, never at import time; `payments.checks` validates
the setting when Django starts.
"""

from payments.exceptions import UnknownGateway
from payments.interface import Capability, PaymentGateway
from shop.core.adapters import AdapterRegistry

GATEWAYS = AdapterRegistry(
    setting="PAYMENT_GATEWAYS", base=PaymentGateway, unknown=UnknownGateway, check_prefix="payments"
)


def gateway_settings() -> dict:
    return GATEWAYS.configs()


def gateway_get(name: str) -> PaymentGateway:
    return GATEWAYS.get(name)


def gateways_for(*, currency: str, needs: frozenset[Capability] = frozenset()) -> list:
    """The enabled gateways that take `currency` and can do everything in `needs`."""
    return [
        gateway
        for gateway in GATEWAYS.all()
        if currency in gateway.capabilities.currencies and needs <= gateway.capabilities.supported
    ]
