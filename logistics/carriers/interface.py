"""The one interface every shipping carrier adapter implements.

What a carrier can do is data (`Capabilities`): the vendor dashboard, the courier
page and the webhook endpoint ask instead of guessing. What it does is two methods
taking and returning frozen dataclasses: register a shipment (and give it a tracking
code) and verify + parse a webhook into `CarrierEvent`s in our status vocabulary
(`logistics.models.TrackingStatus`). Adapters never raise their own exceptions across
this boundary: a refused shipment is `ShipmentRefused`, an untrustworthy webhook
`WebhookRejected` (both in `logistics.carriers.exceptions`).
"""

import enum
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from logistics.carriers.error_codes import CarrierErrorCode
from logistics.carriers.exceptions import ShipmentRefused


class Capability(enum.StrEnum):
    ISSUES_TRACKING_CODES = "issues_tracking_codes"  # the carrier's own codes (else ours)
    MANUAL_STEPS = "manual_steps"  # the vendor records each step in its dashboard
    COURIER_LINK = "courier_link"  # a signed page where the courier records each step
    WEBHOOKS = "webhooks"  # the carrier posts signed events to us
    CASH_COLLECTION = "cash_collection"  # the courier collects cash on delivery


@dataclass(frozen=True)
class Capabilities:
    supported: frozenset[Capability]
    test_only: bool = False

    def __contains__(self, capability: Capability) -> bool:
        return capability in self.supported


@dataclass(frozen=True)
class ShipmentRequest:
    vendor_order_number: str
    parcels: int
    weight_kg: Decimal | None
    estimated_delivery: date | None
    tracking_code: str = ""  # what the vendor typed, if the carrier gave one


@dataclass(frozen=True)
class ShipmentRegistration:
    tracking_code: str


@dataclass(frozen=True)
class CarrierEvent:
    """One step as a carrier reports it. `event_id` is unique per carrier: the same
    step delivered again carries the same id and is stored once."""

    event_id: str
    tracking_code: str
    status: str  # a TrackingStatus value
    occurred_at: datetime  # aware; the carrier's clock
    municipality_code: str = ""
    note: str = ""
    cash_collected: Decimal | None = None


# No 0/O, 1/I/L: codes are read aloud over the phone.
TRACKING_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def tracking_code_generate(*, prefix: str = "EC") -> str:
    return prefix + "".join(secrets.choice(TRACKING_CODE_ALPHABET) for _ in range(10))


class Carrier:
    """Base class of every carrier adapter. Subclasses set `capabilities` and `label`
    and implement what their capabilities promise; `options` are the `OPTIONS` of the
    carrier's entry in `settings.SHIPPING_CARRIERS`.

    `shipment_register` is called inside the transaction that creates the shipment:
    return the tracking code to use (the vendor's, the carrier's, or one we generate).
    `webhook_verify_and_parse` gets the raw body and the request headers and returns the
    events it carries, or raises `WebhookRejected`."""

    capabilities = Capabilities(supported=frozenset())
    required_options: tuple[str, ...] = ()
    label = ""

    def __init__(self, *, name: str, options: dict):
        self.name = name
        self.options = dict(options)

    def shipment_register(self, *, request: ShipmentRequest) -> ShipmentRegistration:
        code = request.tracking_code.strip().upper()
        if not code:
            code = tracking_code_generate()
        elif len(code) > 64 or not code.replace("-", "").isalnum():
            raise ShipmentRefused("malformed tracking code", code=CarrierErrorCode.TRACKING_CODE)
        return ShipmentRegistration(tracking_code=code)

    def webhook_verify_and_parse(self, *, body: bytes, headers: dict) -> list[CarrierEvent]:
        raise NotImplementedError(f"the {self.name} carrier does not send webhooks")
