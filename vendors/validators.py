import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from vendors.error_codes import VendorErrorCode

NIT_PATTERN = re.compile(r"\d{11}")
PHONE_PATTERN = re.compile(r"\+?[\d\s\-()]{8,20}")


def nit_validate(value: str) -> None:
    """A Cuban tax id (NIT): exactly 11 digits."""
    if not NIT_PATTERN.fullmatch(value or ""):
        raise ValidationError(
            _("The NIT must have exactly 11 digits, with no letters, spaces or dashes."),
            code=VendorErrorCode.INVALID_NIT,
        )


def phone_validate(value: str) -> None:
    digits = re.sub(r"\D", "", value or "")
    if not PHONE_PATTERN.fullmatch(value or "") or not 8 <= len(digits) <= 13:
        raise ValidationError(
            _("Write a phone number such as +53 5 123 4567 or 7 832 1234."),
            code=VendorErrorCode.INVALID_PHONE,
        )
