"""What the console refuses an agent, each with a code from `CallcenterErrorCode`."""

from shop.core.errors import DomainError


class ConsoleRefused(DomainError):
    """The agent's action cannot be done as asked: the message says what to fix, and
    nothing was changed."""
