"""What the wholesale terms refuse, each with a code from `PricingErrorCode`."""

from shop.core.errors import DomainError


class TermsRefused(DomainError):
    """A quantity or a store's part that today's terms do not allow; nothing changed."""


class TermsInvalid(DomainError):
    """Terms a vendor typed or imported that cannot be kept; nothing was saved."""
