from enum import StrEnum


class CommunityErrorCode(StrEnum):
    RATE_LIMITED = "rate_limited"
    EMPTY = "empty"
    NOT_AUTHOR = "not_author"
    OWN_REPLY = "own_reply"
    ALREADY_VOTED = "already_voted"
    HIDDEN = "hidden"
    REASON_REQUIRED = "reason_required"
