"""How a person reads an amount of money, in every page, e-mail, text message and PDF.

One format: two decimals and the currency's code after the number, grouped and
punctuated as the reader's language does it: "2.346,00 CUP" in Spanish, "2,346.00 CUP"
in English. It is Oscar's `currency` (babel, with the pattern in
`settings.OSCAR_CURRENCY_FORMAT`), so Oscar's own messages read the same; here the
amount is first rounded half up to the cent (babel would round half to even) and the
language is the one given or the active one. The space before the code is a plain one:
a no-break space would turn a text message into Unicode and halve what fits in it.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from oscar.templatetags.currency_filters import currency as oscar_currency

CENT = Decimal("0.01")


def money_format(
    amount: Decimal | int | str, currency: str | None = None, *, language: str | None = None
) -> str:
    """`amount` (a Decimal, an int or a decimal string such as an invoice snapshot's
    "2346.00") in `currency` (the shop's by default), for a reader of `language` (the
    active one by default). Floats are refused: money is never a float."""
    if isinstance(amount, float | bool):
        raise TypeError("money amounts are Decimal, int or a decimal string, not float")
    try:
        value = Decimal(str(amount).strip())
        if not value.is_finite():
            raise InvalidOperation
        value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as error:
        raise ValueError(f"not an amount of money: {amount!r}") from error
    with translation.override(money_language(language)):
        return oscar_currency(value, currency or settings.OSCAR_DEFAULT_CURRENCY)


def money_language(language: str | None = None) -> str:
    """One of the site's languages: `language` or the active one, by its base code
    ("es-cu" reads as "es"); the site's default for any other."""
    wanted = (language or translation.get_language() or settings.LANGUAGE_CODE).lower()
    base = wanted.replace("_", "-").split("-")[0]
    ours = {code.split("-")[0] for code, _name in settings.LANGUAGES}
    return base if base in ours else settings.LANGUAGE_CODE
