"""What a carrier adapter may raise across its boundary: a refused shipment is
`ShipmentRefused`, an untrustworthy webhook `WebhookRejected`, each with a
`CarrierErrorCode`. Their messages are for the carrier's log, not for a buyer."""

import enum

from shop.core.errors import DomainError


class CarrierError(DomainError):
    def __init__(self, message: str, *, code: enum.Enum | str = ""):
        super().__init__(message, code=code)


class ShipmentRefused(CarrierError):
    """The carrier will not take this shipment (a missing or malformed code...)."""


class WebhookRejected(CarrierError):
    """A webhook whose signature or body cannot be trusted: nothing of it is written."""


class UnknownCarrier(LookupError):
    """No carrier of that name is configured."""
