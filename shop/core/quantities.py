"""How a person types and reads a quantity that need not be whole: "2,5" t of flour,
"0,75" hours of a service. Typed with a decimal comma or point ("2,5" or "2.5"), never
with thousands separators (in Spanish "2.500" would read as either); read back without
trailing zeros and with the reader's decimal separator: "2,5" in Spanish, "2.5" in
English, "3" for a whole quantity. Quantities are Decimal with QUANTITY_DECIMALS places."""

import re
from decimal import Decimal

from django import forms
from django.core.validators import DecimalValidator
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from shop.core.money import money_language

QUANTITY_DECIMALS = 3
TYPED = re.compile(r"\d+(?:[.,]\d+)?")
QUANTITY_DIGITS = 12  # as the models' DecimalFields: nine before the point
QUANTITY_STEP = Decimal(1).scaleb(-QUANTITY_DECIMALS)
QUANTITY_MAX = Decimal(10 ** (QUANTITY_DIGITS - QUANTITY_DECIMALS)) - QUANTITY_STEP


def quantity_parse(text: str) -> Decimal:
    """The quantity `text` names: digits with at most one decimal comma or point and at
    most QUANTITY_DECIMALS decimals. Raises ValueError otherwise."""
    cleaned = (text or "").strip().replace(" ", "")
    if not TYPED.fullmatch(cleaned):
        raise ValueError(text)
    value = Decimal(cleaned.replace(",", "."))
    if value.as_tuple().exponent < -QUANTITY_DECIMALS:
        raise ValueError(text)
    return value


def quantity_is_whole(value: Decimal | int) -> bool:
    value = Decimal(value)
    return value == value.to_integral_value()


def quantity_format(value: Decimal | int | str, *, language: str | None = None) -> str:
    """`value` as its reader writes it: "2,5", "2.5", "3"."""
    number = Decimal(str(value)).quantize(QUANTITY_STEP).normalize()
    text = format(number, "f")
    with translation.override(money_language(language)):
        separator = formats.get_format("DECIMAL_SEPARATOR")
    return text.replace(".", separator)


class QuantityField(forms.DecimalField):
    """A form's quantity, above 0, typed as quantity_parse reads it; its errors say
    what to type ("invalid", "decimals", "min_value", "max_value" may be overridden)."""

    default_error_messages = {
        "invalid": _("Enter the quantity as a number, for example 2,5."),
        "decimals": _("Use at most three decimals for the quantity."),
        "min_value": _("The quantity must be more than 0."),
        "max_value": _("The quantity is too large."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", QUANTITY_DIGITS)
        kwargs.setdefault("decimal_places", QUANTITY_DECIMALS)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)
        # Digits and decimals are checked by to_python and validate, in the field's words.
        self.validators = [v for v in self.validators if not isinstance(v, DecimalValidator)]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            return quantity_parse(str(value))
        except ValueError:
            if TYPED.fullmatch(str(value).strip().replace(" ", "")):  # too many decimals
                raise forms.ValidationError(
                    self.error_messages["decimals"], code="decimals"
                ) from None
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super(forms.DecimalField, self).validate(value)
        if value is None:
            return
        if value <= 0:
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        if value > QUANTITY_MAX:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return quantity_format(value)
        return value
