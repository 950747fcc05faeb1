"""What outgoing webhooks refuse, each with a code from `WebhookErrorCode`."""

from shop.core.errors import DomainError


class SubscriptionRefused(DomainError):
    """A subscription that cannot be saved as given; nothing changed."""
