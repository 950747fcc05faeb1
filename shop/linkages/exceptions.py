"""What the linkages refuse, each with a code from `LinkageErrorCode`."""

from shop.core.errors import DomainError


class LinkageRefused(DomainError):
    """A deal that cannot be declared, confirmed or rejected now; nothing changed."""
