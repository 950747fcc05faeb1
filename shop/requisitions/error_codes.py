from enum import StrEnum


class RequisitionErrorCode(StrEnum):
    NAME = "name"  # empty or already used
    QUANTITY = "quantity"
    NOT_ON_SALE = "not_on_sale"
    TOO_MANY_LINES = "too_many_lines"
    EMPTY = "empty"
