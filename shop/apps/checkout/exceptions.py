"""What the placement refuses, each with a code from `CheckoutErrorCode` (or the code
of the refusal it passes on)."""

from shop.core.errors import DomainError


class PurchaseRefused(DomainError):
    """Nothing was bought: `message` says why, for the person placing the purchase."""
