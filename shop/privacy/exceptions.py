"""What data requests refuse, each with a code from `PrivacyErrorCode`."""

from shop.core.errors import DomainError


class DataRequestRefused(DomainError):
    """A download or an erasure that cannot be asked for now; nothing changed."""
