"""Amounts in Spanish words, as invoices print them:
"mil doscientos treinta pesos con 50/100 CUP"."""

from decimal import ROUND_HALF_UP, Decimal

UNITS = [
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
]
TENS = {
    3: "treinta",
    4: "cuarenta",
    5: "cincuenta",
    6: "sesenta",
    7: "setenta",
    8: "ochenta",
    9: "noventa",
}
HUNDREDS = {
    1: "ciento",
    2: "doscientos",
    3: "trescientos",
    4: "cuatrocientos",
    5: "quinientos",
    6: "seiscientos",
    7: "setecientos",
    8: "ochocientos",
    9: "novecientos",
}
CURRENCY_NAMES = {
    "CUP": ("peso", "pesos"),
    "MLC": ("peso", "pesos"),
    "USD": ("dólar", "dólares"),
    "EUR": ("euro", "euros"),
}


def _below_thousand(number: int) -> str:
    if number == 100:
        return "cien"
    hundreds, rest = divmod(number, 100)
    words = [HUNDREDS[hundreds]] if hundreds else []
    if rest < 30:
        if rest or not hundreds:
            words.append(UNITS[rest])
    else:
        tens, units = divmod(rest, 10)
        words.append(TENS[tens] + (f" y {UNITS[units]}" if units else ""))
    return " ".join(words)


def _apocopate(words: str) -> str:
    """ "uno" before a noun: "un", "veintiún", "treinta y un"."""
    if words.endswith("veintiuno"):
        return words[: -len("veintiuno")] + "veintiún"
    if words.endswith("uno"):
        return words[:-3] + "un"
    return words


def number_in_words(number: int) -> str:
    """A non-negative integer in Spanish words, as a number on its own ("veintiuno")."""
    if number < 0:
        raise ValueError("only non-negative numbers")
    if number < 1000:
        return _below_thousand(number)
    if number < 1_000_000:
        thousands, rest = divmod(number, 1000)
        head = "mil" if thousands == 1 else f"{_apocopate(_below_thousand(thousands))} mil"
        return head + (f" {_below_thousand(rest)}" if rest else "")
    if number < 1_000_000_000_000:
        millions, rest = divmod(number, 1_000_000)
        head = "un millón" if millions == 1 else f"{_apocopate(number_in_words(millions))} millones"
        return head + (f" {number_in_words(rest)}" if rest else "")
    raise ValueError("too large for an invoice")


def amount_in_words(amount: Decimal, currency: str = "CUP") -> str:
    """`amount` (rounded to the cent) in words: "un peso con 00/100 CUP"."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if amount < 0:
        raise ValueError("only non-negative amounts")
    whole = int(amount)
    cents = int((amount - whole) * 100)
    singular, plural = CURRENCY_NAMES.get(currency, ("peso", "pesos"))
    words = _apocopate(number_in_words(whole))
    if whole >= 1_000_000 and whole % 1_000_000 == 0:
        words += " de"  # "un millón de pesos"
    name = singular if whole == 1 else plural
    return f"{words} {name} con {cents:02d}/100 {currency}"
