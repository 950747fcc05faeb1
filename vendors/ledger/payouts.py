"""How a payout's money reaches the vendor, when a gateway moves it for us.

A gateway whose capabilities include `payments.interface.Capability.SPLIT_PAYOUTS`
(Stripe Connect) provides a `PayoutTransfer`; `vendors.ledger.entries.payout_create` calls it
inside the payout's transaction, so a transfer that fails leaves no payout behind.
Without one, the payout records money the operator already sent by other means
(a bank transfer, cash) and its reference.
"""

from dataclasses import dataclass

from payments.interface import Money
from vendors.models import Vendor


class PayoutTransfer:
    """Base class of a way to send a vendor money. `transfer` moves `amount` to the
    vendor and returns the gateway's reference for it, or raises PayoutTransferFailed.
    The same `idempotency_key` must never move money twice: a retry after a crash
    between the transfer and the commit must be answered with the first transfer."""

    def transfer(self, *, vendor: Vendor, amount: Money, idempotency_key: str) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class TransferCall:
    vendor_id: int
    amount: Money
    idempotency_key: str


class RecordingTransfer(PayoutTransfer):
    """In-process transfer for tests and development: remembers each call, answers
    the same reference for the same key, and fails on demand with `fail_with`."""

    def __init__(self, *, fail_with: Exception | None = None):
        self.fail_with = fail_with
        self.calls: list[TransferCall] = []

    def transfer(self, *, vendor: Vendor, amount: Money, idempotency_key: str) -> str:
        self.calls.append(TransferCall(vendor.pk, amount, idempotency_key))
        if self.fail_with is not None:
            raise self.fail_with
        return f"tr_{idempotency_key}"
