from enum import StrEnum


class LinkageErrorCode(StrEnum):
    OWN_STORE = "own_store"
    COUNTERPART = "counterpart"
    NOT_YOURS = "not_yours"
    NOT_PENDING = "not_pending"
    DATE = "date"
    BAND = "band"
