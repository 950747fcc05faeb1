from enum import StrEnum


class CheckoutErrorCode(StrEnum):
    EMPTY_BASKET = "empty_basket"
    INVALID = "invalid"
    PAYMENT_DECLINED = "payment_declined"  # the buyer's payment was refused
    PAYMENT_METHOD_UNAVAILABLE = "payment_method_unavailable"  # ours to fix: another method
    PAYMENT_SERVICE_DOWN = "payment_service_down"  # try again later
    STOCK = "stock"
    ON_ACCOUNT_WITHOUT_COMPANY = "on_account_without_company"
