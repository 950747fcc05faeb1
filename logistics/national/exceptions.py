"""What the national carriers' services refuse, each with a `NationalErrorCode`."""

from shop.core.errors import DomainError


class TableImportRefused(DomainError):
    """A rate or point table that cannot be imported as a whole: nothing of it is saved.
    Its messages name each bad row."""


class CarrierNotConnected(DomainError):
    """A national carrier with no adapter configured for its code in SHIPPING_CARRIERS."""
