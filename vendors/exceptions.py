"""What the vendors app refuses, each with a code from `VendorErrorCode`."""

from django.utils.translation import gettext as _

from payments.exceptions import PaymentError
from shop.core.errors import DomainError
from vendors.error_codes import VendorErrorCode


class VendorTransitionError(DomainError):
    """A vendor's status cannot change that way (or not without a reason)."""


class VendorOrderTransitionError(DomainError):
    """A vendor order cannot move to that status now; nothing changed."""


class VendorUnavailable(DomainError):
    """A store in the purchase is not selling right now."""


class ProductModerationRefused(DomainError):
    """An operator's decision on a product that cannot be taken now; nothing changed."""


class LedgerError(DomainError):
    """A refused ledger write; its `error_dict` names the field, with the error's code."""

    def __init__(self, *, field: str, message: str, code: VendorErrorCode):
        super().__init__({field: DomainError(message, code=code)}, code=code)


class OutOfStock(DomainError):
    """Fewer units are free than a purchase asks for; nothing was allocated."""

    def __init__(self, *, stockrecord_id: int, title: str, requested: int, available: int):
        self.stockrecord_id = stockrecord_id
        self.title = title
        self.requested = requested
        self.available = available
        if available <= 0:
            message = _("%(title)s is sold out (agotado).") % {"title": title}
        else:
            message = _(
                "Only %(available)s of %(title)s are left; you asked for %(requested)s."
            ) % {"available": available, "title": title, "requested": requested}
        super().__init__(message, code=VendorErrorCode.OUT_OF_STOCK)


class RefundRefused(PaymentError):
    """A refund that cannot be made (nothing paid yet, more than what is left...)."""


class PayoutTransferFailed(Exception):
    """The transfer did not happen: nothing was paid, and nothing is recorded."""


class _RollBack(Exception):
    """Undoes a catalogue import that found errors, inside its transaction."""
