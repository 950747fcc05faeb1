"""The terms as values, and the rules that read them: which quantities a store sells,
which tier a quantity reaches, and what one unit costs for a buyer.

A unit price is the first answer of PRICE_RULES, in order, else the stock record's own
price. A rule takes the pricing context (who buys, prices agreed elsewhere), the stock
record, its terms and the quantity, and answers a Quote or None. A price list granted
to a buyer's company is one more rule, placed before the tiers."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Tier:
    min_quantity: int
    price: Decimal


@dataclass(frozen=True)
class QuantityTerms:
    """How one stock record is sold: tiers in ascending `min_quantity`."""

    minimum: int = 1
    multiple: int = 1
    tiers: tuple[Tier, ...] = ()

    @property
    def is_plain(self) -> bool:
        return self.minimum == 1 and self.multiple == 1 and not self.tiers


PLAIN_TERMS = QuantityTerms()


@dataclass(frozen=True)
class PricingContext:
    """Who is buying (None: a visitor), the company they buy for (None: themselves), the
    unit prices agreed for them elsewhere by stock record id (an accepted offer's price),
    and the prices the company's price lists give it, by stock record id (tiers from
    quantity 1 on, ascending)."""

    buyer: object = None
    agreed_prices: Mapping[int, Decimal] = field(default_factory=lambda: MappingProxyType({}))
    company_id: int | None = None
    company_prices: Mapping[int, tuple[Tier, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )


@dataclass(frozen=True)
class Quote:
    """What one unit costs at a quantity, and why: `tier` is the break that applies,
    `next_tier` the next one up (None when there is none or an agreed price applies)."""

    unit_price: Decimal
    rule: str  # "agreed", "company", "tier", "base"
    tier: Tier | None = None
    next_tier: Tier | None = None


def tier_for(tiers: tuple[Tier, ...], quantity: int) -> Tier | None:
    reached = None
    for tier in tiers:
        if tier.min_quantity <= quantity:
            reached = tier
    return reached


def next_tier_for(tiers: tuple[Tier, ...], quantity: int) -> Tier | None:
    return next((tier for tier in tiers if tier.min_quantity > quantity), None)


def _agreed_price(context: PricingContext, stockrecord, terms, quantity) -> Quote | None:
    price = context.agreed_prices.get(stockrecord.pk)
    return None if price is None else Quote(unit_price=price, rule="agreed")


def _company_price(context: PricingContext, stockrecord, terms, quantity) -> Quote | None:
    """The company's price list, when it prices this quantity (a list from 12 units on
    leaves 1 to 11 to the public prices)."""
    tiers = context.company_prices.get(stockrecord.pk)
    tier = tier_for(tiers, quantity) if tiers else None
    if tier is None:
        return None
    return Quote(
        unit_price=tier.price,
        rule="company",
        tier=tier if tier.min_quantity > 1 else None,
        next_tier=next_tier_for(tiers, quantity),
    )


def _tier_price(context: PricingContext, stockrecord, terms, quantity) -> Quote | None:
    tier = tier_for(terms.tiers, quantity)
    following = next_tier_for(terms.tiers, quantity)
    if tier is None and following is None:
        return None
    price = stockrecord.price if tier is None else tier.price
    return Quote(unit_price=price, rule="tier" if tier else "base", tier=tier, next_tier=following)


PriceRule = Callable[[PricingContext, object, QuantityTerms, int], Quote | None]
PRICE_RULES: tuple[PriceRule, ...] = (_agreed_price, _company_price, _tier_price)


def unit_price_quote(
    *, context: PricingContext, stockrecord, terms: QuantityTerms, quantity: int
) -> Quote:
    """What one unit of `stockrecord` costs `context.buyer` when buying `quantity`."""
    for rule in PRICE_RULES:
        quote = rule(context, stockrecord, terms, quantity)
        if quote is not None:
            return quote
    return Quote(unit_price=stockrecord.price, rule="base")


def first_allowed_quantity(terms: QuantityTerms) -> int:
    """The minimum, up to the next multiple."""
    return -(-terms.minimum // terms.multiple) * terms.multiple


def quantity_is_allowed(terms: QuantityTerms, quantity: int) -> bool:
    return quantity >= terms.minimum and quantity % terms.multiple == 0


def allowed_neighbours(terms: QuantityTerms, quantity: int) -> tuple[int | None, int]:
    """The largest allowed quantity below `quantity` (None if there is none) and the
    smallest one above it."""
    multiple = terms.multiple
    lowest = first_allowed_quantity(terms)
    below = ((quantity - 1) // multiple) * multiple
    above = max(lowest, (quantity // multiple + 1) * multiple)
    return (below if below >= lowest else None), above


def quantity_refusal(terms: QuantityTerms, quantity: int) -> str | None:
    """Why this store does not sell `quantity` units (usted, with the quantities it would
    sell), or None when it does."""
    if quantity <= 0 or quantity_is_allowed(terms, quantity):
        return None
    below, above = allowed_neighbours(terms, quantity)
    if below is None:
        suggestion = _("you can order %(above)s.") % {"above": above}
    else:
        suggestion = _("you can order %(below)s or %(above)s.") % {"below": below, "above": above}
    if quantity % terms.multiple:
        return _("This store sells this product in multiples of %(multiple)s: %(suggestion)s") % {
            "multiple": terms.multiple,
            "suggestion": suggestion,
        }
    return ngettext(
        "This store sells this product from %(minimum)s unit on: %(suggestion)s",
        "This store sells this product from %(minimum)s units on: %(suggestion)s",
        terms.minimum,
    ) % {"minimum": terms.minimum, "suggestion": suggestion}
