"""What the payments app refuses. Every failure an adapter raises is one of three kinds
(`PaymentDeclined`, `PaymentActionRequired`, `GatewayUnavailable`, with
`GatewayMisconfigured` the kind of unavailability that only an operator can end)."""

import enum

from shop.core.errors import DomainError


class PaymentError(DomainError):
    """Base of the three kinds of failure an adapter may raise. `message` is for the
    buyer; `code` is the app's `PaymentErrorCode` or the gateway's own code."""

    def __init__(self, message: str, *, code: enum.Enum | str = ""):
        super().__init__(message, code=code)


class PaymentDeclined(PaymentError):
    """The buyer's payment was refused (card declined, insufficient funds)."""


class PaymentActionRequired(PaymentError):
    """The buyer must act first (3-D Secure, a redirect)."""


class GatewayUnavailable(PaymentError):
    """The gateway could not be reached or answered with an error: safe to retry."""


class GatewayMisconfigured(GatewayUnavailable):
    """The gateway refused our own request (its credentials, permissions or
    parameters), not the buyer's payment: nothing a retry or the buyer can change until
    an operator fixes the gateway's configuration. `detail` is the gateway's own account
    of it, for the log and the operators; `message` is for the buyer."""

    def __init__(self, message: str, *, code: enum.Enum | str = "", detail: str = ""):
        super().__init__(message, code=code)
        self.detail = detail


class WebhookRejected(PaymentError):
    """A webhook whose signature, timestamp or body cannot be trusted."""


class PaymentClosed(PaymentError):
    """The payment was cancelled or refused: it can no longer be confirmed."""


class UnknownGateway(LookupError):
    """No gateway of that name is configured."""
