from enum import StrEnum


class ApiErrorCode(StrEnum):
    """Codes of the API's own refusals; a service's refusal keeps its app's code."""

    AUTHENTICATION = "authentication"
    KEY_REVOKED = "key_revoked"
    PERMISSION = "permission"
    SCOPE = "scope"
    NOT_FOUND = "not_found"
    METHOD = "method_not_allowed"
    THROTTLED = "throttled"
    INVALID = "invalid"
    IDEMPOTENCY_REUSED = "idempotency_key_reused"
    IDEMPOTENCY_IN_PROGRESS = "idempotency_in_progress"
    KEY_NAME = "key_name"
    KEY_SCOPES = "key_scopes"
    NOT_ACCEPTABLE = "not_acceptable"
    UNSUPPORTED_MEDIA = "unsupported_media_type"
    PARSE = "parse_error"
    SERVER = "server_error"
