from shop.accounts.error_codes import AccountsErrorCode
from shop.core.errors import DomainError


class SecondFactorError(DomainError):
    """A second-factor code refused; the message says why and what to do."""

    def __init__(self, message: str, *, code: AccountsErrorCode):
        super().__init__(message, code=code)
