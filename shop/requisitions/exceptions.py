"""What requisition lists refuse, each with a code from `RequisitionErrorCode`."""

from shop.core.errors import DomainError


class RequisitionRefused(DomainError):
    """Nothing changed in the list: `message` says why."""
