from enum import StrEnum


class CallcenterErrorCode(StrEnum):
    CHANNEL = "channel"
    COMPANY = "company"  # the customer may not buy for the company chosen
    EMAIL_TAKEN = "email_taken"
    EMPTY = "empty"
    NO_CONTACT = "no_contact"
    NO_EMAIL = "no_email"
    NOT_ON_SALE = "not_on_sale"
    NOT_WAITING = "not_waiting"
    PAYMENT = "payment"
    PHONE = "phone"
    PHONE_TAKEN = "phone_taken"
    QUANTITY = "quantity"
    REASON_REQUIRED = "reason_required"
    REFUND = "refund"
    STOCK = "stock"
    TERMS = "terms"  # the store's minimum quantity or multiple
