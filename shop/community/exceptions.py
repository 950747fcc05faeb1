"""What the board refuses, each with a code from `CommunityErrorCode`."""

from shop.core.errors import DomainError


class CommunityRefused(DomainError):
    """A post, reply, vote or report that cannot be recorded now; nothing changed."""
