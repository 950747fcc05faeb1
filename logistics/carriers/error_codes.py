from enum import StrEnum


class CarrierErrorCode(StrEnum):
    CASH = "cash"
    EVENT = "event"
    EVENTS = "events"
    ID = "id"
    JSON = "json"
    OCCURRED_AT = "occurred_at"
    SIGNATURE = "signature"
    STATUS = "status"
    TRACKING_CODE = "tracking_code"
