from enum import StrEnum


class NationalErrorCode(StrEnum):
    CSV = "csv"
    CSV_ROW = "csv_row"
    NOT_CONNECTED = "not_connected"
