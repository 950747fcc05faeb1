from enum import StrEnum


class PrivacyErrorCode(StrEnum):
    PASSWORD = "password"
    PENDING = "pending"
