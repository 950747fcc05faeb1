"""The configured carriers, like the payment gateways:

    SHIPPING_CARRIERS = {
        "manual": {"BACKEND": "logistics.carriers.manual.ManualCarrier"},
        "webhook": {"BACKEND": "logistics.carriers.webhook.WebhookCarrier",
                    "OPTIONS": {"SECRET": "...", "LABEL": "Mensajería Rápida"}},
    }

Adapters are imported on first use; `logistics.checks` validates the setting."""

from logistics.carriers.exceptions import UnknownCarrier
from logistics.carriers.interface import Capability, Carrier
from shop.core.adapters import AdapterRegistry

CARRIERS = AdapterRegistry(
    setting="SHIPPING_CARRIERS", base=Carrier, unknown=UnknownCarrier, check_prefix="logistics"
)


def carrier_get(name: str) -> Carrier:
    return CARRIERS.get(name)


def carriers_enabled(*, needs: frozenset[Capability] = frozenset()) -> list[Carrier]:
    return [carrier for carrier in CARRIERS.all() if needs <= carrier.capabilities.supported]


def carrier_label(name: str) -> str:
    try:
        return str(carrier_get(name).label)
    except UnknownCarrier:
        return name
