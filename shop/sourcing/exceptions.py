"""What the requests for offers refuse, each with a code from `SourcingErrorCode`."""

from shop.core.errors import DomainError


class SourcingRefused(DomainError):
    """A request, an offer or an acceptance that cannot be recorded now; nothing changed."""
