"""One money format: "2.346,00 CUP" in Spanish, "2,346.00 CUP" in English, everywhere."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from shop.core.money import money_format, money_language

AMOUNTS = st.decimals(
    min_value=Decimal("-10000000"),
    max_value=Decimal("10000000"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)
SPANISH = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d{2} CUP$")
ENGLISH = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d{2} CUP$")


def cents(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(AMOUNTS)
def test_spanish_groups_with_dots_and_reads_back_the_amount_rounded_half_up(amount):
    text = money_format(amount, "CUP", language="es")

    assert SPANISH.match(text), text
    assert Decimal(text.removesuffix(" CUP").replace(".", "").replace(",", ".")) == cents(amount)


@given(AMOUNTS)
def test_english_groups_with_commas_and_reads_back_the_same_amount(amount):
    text = money_format(amount, "CUP", language="en")

    assert ENGLISH.match(text), text
    assert Decimal(text.removesuffix(" CUP").replace(",", "")) == cents(amount)


def test_examples_in_both_languages_and_any_currency():
    assert money_format(Decimal("2346"), "CUP", language="es") == "2.346,00 CUP"
    assert money_format(Decimal("2346"), "CUP", language="en") == "2,346.00 CUP"
    assert money_format("1200.00", "USD", language="es") == "1.200,00 USD"
    assert money_format(Decimal("999.995"), "CUP", language="es") == "1.000,00 CUP"
    assert money_format(Decimal("0.125"), "CUP", language="es") == "0,13 CUP"
    assert money_format(-15, "CUP", language="es") == "-15,00 CUP"


def test_the_active_language_and_the_shop_currency_are_the_defaults(settings):
    settings.OSCAR_DEFAULT_CURRENCY = "CUP"
    with translation.override("en"):
        assert money_format(Decimal("2546")) == "2,546.00 CUP"
    with translation.override("es"):
        assert money_format(Decimal("2546")) == "2.546,00 CUP"


def test_a_regional_or_unknown_language_reads_as_one_of_the_sites():
    # babel's es_CU would print "2,346.00 $": never that.
    assert money_language("es-cu") == "es"
    assert money_language("fr") == "es"
    assert money_format(Decimal("2346"), "CUP", language="es-cu") == "2.346,00 CUP"


@pytest.mark.parametrize("amount", [1.5, True])
def test_floats_are_refused(amount):
    with pytest.raises(TypeError):
        money_format(amount, "CUP")


@pytest.mark.parametrize("amount", ["", "doce", "NaN", "Infinity"])
def test_what_is_not_an_amount_is_refused(amount):
    with pytest.raises(ValueError):
        money_format(amount, "CUP")


def test_every_template_currency_filter_is_ours_oscars_included():
    template = Template(
        "{% load currency_filters %}{{ total|currency:'CUP' }}|"
        "{{ snapshot|currency }}|{{ missing|currency }}"
    )

    with translation.override("es"):
        text = template.render(
            Context({"total": Decimal("2546"), "snapshot": "1200.00", "missing": None})
        )

    assert text == "2.546,00 CUP|1.200,00 CUP|"


def test_oscars_own_python_calls_read_the_same():
    from oscar.templatetags.currency_filters import currency

    with translation.override("es"):
        assert currency(Decimal("2546"), "CUP") == "2.546,00 CUP"
    with translation.override("en"):
        assert currency(Decimal("2546"), "USD") == "2,546.00 USD"
