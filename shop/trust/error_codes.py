from enum import StrEnum


class TrustErrorCode(StrEnum):
    DOCUMENT_FORMAT = "document_format"
    DOCUMENT_TOO_LARGE = "document_too_large"
    NO_DOCUMENTS = "no_documents"
    NOT_PENDING = "not_pending"
    NOT_VERIFIED = "not_verified"
    REASON_REQUIRED = "reason_required"
    STORE_NOT_APPROVED = "store_not_approved"
    REVIEW_NOT_PERMITTED = "review_not_permitted"
    REVIEW_RATING = "review_rating"
    REPLY_EXISTS = "reply_exists"
    REPORT_EXISTS = "report_exists"
