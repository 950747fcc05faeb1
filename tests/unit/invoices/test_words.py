from decimal import Decimal

import pytest

from shop.invoices.words import amount_in_words, number_in_words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "cero"),
        (1, "uno"),
        (15, "quince"),
        (16, "dieciséis"),
        (21, "veintiuno"),
        (22, "veintidós"),
        (30, "treinta"),
        (31, "treinta y uno"),
        (99, "noventa y nueve"),
        (100, "cien"),
        (101, "ciento uno"),
        (115, "ciento quince"),
        (500, "quinientos"),
        (700, "setecientos"),
        (999, "novecientos noventa y nueve"),
        (1000, "mil"),
        (1001, "mil uno"),
        (2000, "dos mil"),
        (21000, "veintiún mil"),
        (31000, "treinta y un mil"),
        (100000, "cien mil"),
        (101000, "ciento un mil"),
        (1_000_000, "un millón"),
        (2_500_000, "dos millones quinientos mil"),
        (21_000_000, "veintiún millones"),
    ],
)
def test_number_in_words(number, words):
    assert number_in_words(number) == words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("1230.50", "mil doscientos treinta pesos con 50/100 CUP"),
        ("1", "un peso con 00/100 CUP"),
        ("21", "veintiún pesos con 00/100 CUP"),
        ("0.99", "cero pesos con 99/100 CUP"),
        ("101.005", "ciento un pesos con 01/100 CUP"),
        ("1000000", "un millón de pesos con 00/100 CUP"),
        ("3000000.10", "tres millones de pesos con 10/100 CUP"),
        ("1500000", "un millón quinientos mil pesos con 00/100 CUP"),
    ],
)
def test_amount_in_words_cup(amount, words):
    assert amount_in_words(Decimal(amount), "CUP") == words


def test_amount_in_words_other_currency():
    assert amount_in_words(Decimal("1"), "USD") == "un dólar con 00/100 USD"
    assert amount_in_words(Decimal("2"), "USD") == "dos dólares con 00/100 USD"


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        amount_in_words(Decimal("-1"))
