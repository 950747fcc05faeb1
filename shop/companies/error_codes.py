from enum import StrEnum


class CompanyErrorCode(StrEnum):
    NIT_TAKEN = "nit_taken"
    NOT_MEMBER = "not_member"
    NOT_OWNER = "not_owner"
    NOT_APPROVER = "not_approver"
    NOT_BUYER = "not_buyer"
    ALREADY_MEMBER = "already_member"
    INVITATION_INVALID = "invitation_invalid"
    INVITATION_EMAIL = "invitation_email"
    LAST_OWNER = "last_owner"
    STORE_HAS_COMPANY = "store_has_company"
    NOT_WAITING = "not_waiting"
    REASON_REQUIRED = "reason_required"
    NO_TERMS = "no_terms"
    CREDIT_LIMIT = "credit_limit"
    TERMS_INVALID = "terms_invalid"
    CHARGE_NOT_OPEN = "charge_not_open"
    PRICE_LIST_INVALID = "price_list_invalid"
