from enum import StrEnum


class SourcingErrorCode(StrEnum):
    NOT_OPEN = "not_open"
    NOT_YOURS = "not_yours"
    NOT_INVITED = "not_invited"
    STORE_NOT_APPROVED = "store_not_approved"
    OFFER_NOT_EDITABLE = "offer_not_editable"
    OFFER_NOT_ACCEPTABLE = "offer_not_acceptable"
    OFFER_EXPIRED = "offer_expired"
    QUANTITY = "quantity"
    QUANTITY_NOT_WHOLE = "quantity_not_whole"
    OWN_REQUEST = "own_request"
    DELIVERY = "delivery"
    PAYMENT = "payment"
    COMPANY = "company"  # the requester may not buy for the company chosen
    MESSAGE = "message"
    RATE_LIMITED = "rate_limited"
