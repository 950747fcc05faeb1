"""What the API refuses on its own (keys, idempotency), each with a code from
`ApiErrorCode`. Refusals of the services it calls keep their own classes and codes."""

from shop.core.errors import DomainError


class ApiKeyRefused(DomainError):
    """A key cannot be created or revoked as asked; nothing changed."""


class IdempotencyConflict(DomainError):
    """An Idempotency-Key already used for another request, or still being answered."""
