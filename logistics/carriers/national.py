"""A national carrier (a postal service, an interprovincial parcel service): the store
hands the parcel over at one of the carrier's drop-off points, the carrier carries it to
any municipality and reports each step.

Its rate table, points and the stores that send through it are data the operators keep
(`logistics.national`, keyed by this entry's name in `SHIPPING_CARRIERS`); this adapter
is the connection. With a `SECRET` the carrier posts its steps to
`/logistics/webhooks/<name>/`, signed and shaped exactly as `WebhookCarrier`'s (events
by the carrier's tracking code; a repeated or late step changes nothing twice). Without
one, the store copies the steps from the carrier's own tracking into its dashboard."""

from logistics.carriers.interface import (
    Capabilities,
    Capability,
    ShipmentRegistration,
    ShipmentRequest,
    tracking_code_generate,
)
from logistics.carriers.webhook import WebhookCarrier

# Parcel services collect cash on delivery for the sender ("contra reembolso"): the
# delivered step reports it, as the webhook courier's does.
SIGNED = Capabilities(
    supported=frozenset(
        {Capability.ISSUES_TRACKING_CODES, Capability.WEBHOOKS, Capability.CASH_COLLECTION}
    )
)
UNSIGNED = Capabilities(
    supported=frozenset(
        {Capability.ISSUES_TRACKING_CODES, Capability.MANUAL_STEPS, Capability.CASH_COLLECTION}
    )
)


class NationalCarrier(WebhookCarrier):
    required_options = ()

    def __init__(self, *, name: str, options: dict):
        super().__init__(name=name, options=options)
        self.capabilities = SIGNED if self.options.get("SECRET") else UNSIGNED

    def shipment_register(self, *, request: ShipmentRequest) -> ShipmentRegistration:
        """The code on the carrier's receipt when the store typed it; else one in the
        carrier's series (`PREFIX`), which the store writes on the parcel."""
        if request.tracking_code.strip():
            return super().shipment_register(request=request)
        return ShipmentRegistration(
            tracking_code=tracking_code_generate(prefix=self.options.get("PREFIX", "NC"))
        )

    def webhook_verify_and_parse(self, *, body: bytes, headers: dict) -> list:
        if Capability.WEBHOOKS not in self.capabilities:
            raise NotImplementedError(f"the {self.name} carrier has no webhook secret")
        return super().webhook_verify_and_parse(body=body, headers=headers)
