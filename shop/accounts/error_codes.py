from enum import StrEnum


class AccountsErrorCode(StrEnum):
    CODE_INVALID = "code_invalid"
    CODE_THROTTLED = "code_throttled"
    SECOND_FACTOR_MISSING = "second_factor_missing"
    LOCKOUT_UNKNOWN = "lockout_unknown"
