"""What the logistics app refuses, each with a code from `LogisticsErrorCode`."""

from shop.core.errors import DomainError


class ShipmentError(DomainError):
    """A shipment or a step of it that cannot be recorded now; nothing changed."""


class DeliveryRefused(DomainError):
    """The basket cannot be delivered as chosen (an option gone, an address not covered)."""


class UnknownShipment(LookupError):
    """No shipment has that tracking code."""


class CourierLinkRefused(Exception):
    """Tampered (or for no shipment): 403."""


class CourierLinkExpired(Exception):
    """Too old, or revoked by the vendor: 410."""
