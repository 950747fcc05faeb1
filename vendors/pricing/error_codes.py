from enum import StrEnum


class PricingErrorCode(StrEnum):
    BELOW_MINIMUM_QUANTITY = "below_minimum_quantity"
    NOT_A_MULTIPLE = "not_a_multiple"
    BELOW_ORDER_MINIMUM = "below_order_minimum"  # a store's part is under its minimum amount
    INVALID_TERMS = "invalid_terms"  # what a vendor typed or imported
