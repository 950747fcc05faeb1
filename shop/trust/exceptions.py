"""What verification and reviews refuse, each with a code from `TrustErrorCode`."""

from shop.core.errors import DomainError


class TrustRefused(DomainError):
    """A document, a verification decision or a review that cannot be recorded; nothing
    changed."""
