"""The quantity and tier rules of a store's wholesale terms, on every quantity."""

from decimal import Decimal
from types import SimpleNamespace

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from vendors.pricing.rules import (
    PricingContext,
    QuantityTerms,
    Tier,
    allowed_neighbours,
    quantity_is_allowed,
    quantity_refusal,
    unit_price_quote,
)

terms_strategy = st.builds(
    QuantityTerms,
    minimum=st.integers(min_value=1, max_value=200),
    multiple=st.integers(min_value=1, max_value=50),
)
BOX = QuantityTerms(multiple=24)
TIERS = QuantityTerms(tiers=(Tier(12, Decimal("90.00")), Tier(48, Decimal("80.00"))))
RECORD = SimpleNamespace(pk=7, price=Decimal("100.00"))


def test_fifty_of_a_24_multiple_is_refused_with_the_two_nearest_quantities():
    with translation.override("es"):
        assert quantity_refusal(BOX, 50) == (
            "Esta tienda vende este producto en múltiplos de 24: puede pedir 48 o 72."
        )


def test_below_the_first_multiple_only_the_next_one_is_offered():
    with translation.override("es"):
        assert quantity_refusal(BOX, 10) == (
            "Esta tienda vende este producto en múltiplos de 24: puede pedir 24."
        )


def test_below_the_minimum_the_minimum_is_offered():
    with translation.override("es"):
        assert quantity_refusal(QuantityTerms(minimum=10), 4) == (
            "Esta tienda vende este producto a partir de 10 unidades: puede pedir 10."
        )


@given(terms=terms_strategy, quantity=st.integers(min_value=1, max_value=2000))
def test_the_quantities_offered_are_allowed_and_the_nearest_ones(terms, quantity):
    below, above = allowed_neighbours(terms, quantity)

    assert quantity_is_allowed(terms, above) and above > quantity
    assert not any(quantity_is_allowed(terms, q) for q in range(quantity + 1, above))
    if below is not None:
        assert quantity_is_allowed(terms, below) and below < quantity
        assert not any(quantity_is_allowed(terms, q) for q in range(below + 1, quantity))
    else:
        assert not any(quantity_is_allowed(terms, q) for q in range(1, quantity))


@given(terms=terms_strategy, quantity=st.integers(min_value=1, max_value=2000))
def test_a_quantity_is_refused_exactly_when_the_terms_do_not_allow_it(terms, quantity):
    allowed = quantity >= terms.minimum and quantity % terms.multiple == 0

    assert (quantity_refusal(terms, quantity) is None) is allowed


@given(quantity=st.integers(min_value=1, max_value=500))
def test_the_unit_price_is_the_highest_break_reached_and_names_the_next(quantity):
    quote = unit_price_quote(
        context=PricingContext(), stockrecord=RECORD, terms=TIERS, quantity=quantity
    )

    if quantity < 12:
        assert (quote.unit_price, quote.tier, quote.next_tier) == (
            Decimal("100.00"),
            None,
            TIERS.tiers[0],
        )
    elif quantity < 48:
        assert (quote.unit_price, quote.tier, quote.next_tier) == (
            Decimal("90.00"),
            TIERS.tiers[0],
            TIERS.tiers[1],
        )
    else:
        assert (quote.unit_price, quote.tier, quote.next_tier) == (
            Decimal("80.00"),
            TIERS.tiers[1],
            None,
        )


def test_an_agreed_price_comes_before_the_tiers():
    context = PricingContext(agreed_prices={7: Decimal("70.00")})

    quote = unit_price_quote(context=context, stockrecord=RECORD, terms=TIERS, quantity=50)

    assert (quote.unit_price, quote.rule) == (Decimal("70.00"), "agreed")


COMPANY = PricingContext(
    company_id=3, company_prices={7: (Tier(1, Decimal("85.00")), Tier(24, Decimal("70.00")))}
)


def test_a_company_price_list_comes_before_the_public_tiers():
    small = unit_price_quote(context=COMPANY, stockrecord=RECORD, terms=TIERS, quantity=12)
    large = unit_price_quote(context=COMPANY, stockrecord=RECORD, terms=TIERS, quantity=30)

    assert (small.unit_price, small.rule, small.next_tier) == (
        Decimal("85.00"),
        "company",
        Tier(24, Decimal("70.00")),
    )
    assert (large.unit_price, large.tier) == (Decimal("70.00"), Tier(24, Decimal("70.00")))


def test_a_list_from_a_quantity_on_leaves_smaller_quantities_to_the_public_prices():
    context = PricingContext(company_id=3, company_prices={7: (Tier(24, Decimal("70.00")),)})

    below = unit_price_quote(context=context, stockrecord=RECORD, terms=TIERS, quantity=12)

    assert (below.unit_price, below.rule) == (Decimal("90.00"), "tier")


def test_another_stock_record_and_no_company_pay_the_public_prices():
    other = SimpleNamespace(pk=8, price=Decimal("100.00"))

    assert unit_price_quote(context=COMPANY, stockrecord=other, terms=TIERS, quantity=12).rule == (
        "tier"
    )
    assert unit_price_quote(
        context=PricingContext(), stockrecord=RECORD, terms=TIERS, quantity=1
    ).unit_price == Decimal("100.00")


def test_an_agreed_price_comes_before_the_company_list():
    context = PricingContext(
        agreed_prices={7: Decimal("60.00")}, company_prices=COMPANY.company_prices
    )

    quote = unit_price_quote(context=context, stockrecord=RECORD, terms=TIERS, quantity=30)

    assert (quote.unit_price, quote.rule) == (Decimal("60.00"), "agreed")
