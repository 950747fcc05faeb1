from enum import StrEnum


class WebhookErrorCode(StrEnum):
    URL = "url"
    EVENTS = "events"
    NOT_RETRYABLE = "not_retryable"
