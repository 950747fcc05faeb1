from enum import StrEnum


class LogisticsErrorCode(StrEnum):
    CANCEL = "cancel"
    CARRIER = "carrier"
    CASH = "cash"
    DELIVERY = "delivery"
    DUPLICATE = "duplicate"
    IN_USE = "in_use"
    NOT_SHIPPABLE = "not_shippable"
    NOTE = "note"
    STEP = "step"
    TRACKING_CODE = "tracking_code"
