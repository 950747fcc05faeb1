"""What company accounts refuse, each with a code from `CompanyErrorCode`."""

from shop.core.errors import DomainError


class CompanyRefused(DomainError):
    """A company, membership or invitation change that cannot be made; nothing changed."""


class ApprovalRefused(DomainError):
    """An approval or refusal that cannot be recorded now (decided already, not an
    approver); nothing changed."""


class CreditRefused(DomainError):
    """A purchase on account that the store's terms do not cover (no terms, over the
    credit limit), or a payment on account that cannot be confirmed; nothing changed."""
