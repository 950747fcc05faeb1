"""The configured gateways, like Django's cache or storage backends:

    PAYMENT_GATEWAYS = {
        "cash_on_delivery": {"BACKEND": "payments.gateways.cash_on_delivery.CashOnDelivery"},
        "stripe": {"BACKEND": "payments.gateways.stripe.StripeGateway",
                   "OPTIONS": {"secret_key": "...", "webhook_secret": "..."}},
    }

Adapters are imported on first use, never at import time; `payments.checks` validates
the setting when Django starts.
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from payments.interface import Capability, PaymentGateway


class UnknownGateway(LookupError):
    pass


def gateway_settings() -> dict:
    return getattr(settings, "PAYMENT_GATEWAYS", {})


@cache
def _gateway(name: str, backend: str, options: tuple) -> PaymentGateway:
    return import_string(backend)(name=name, options=dict(options))


def gateway_get(name: str) -> PaymentGateway:
    config = gateway_settings().get(name)
    if config is None:
        raise UnknownGateway(name)
    options = tuple(sorted(config.get("OPTIONS", {}).items()))
    return _gateway(name, config["BACKEND"], options)


def gateways_for(*, currency: str, needs: frozenset[Capability] = frozenset()) -> list:
    """The enabled gateways that take `currency` and can do everything in `needs`."""
    found = []
    for name in gateway_settings():
        gateway = gateway_get(name)
        capabilities = gateway.capabilities
        if currency in capabilities.currencies and needs <= capabilities.supported:
            found.append(gateway)
    return found
