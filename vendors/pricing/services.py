"""Writes of the wholesale terms (all or nothing), the text form of tiers that the
dashboard and the CSV import share, and the check every purchase passes."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from shop.apps.catalogue.versions import catalogue_version_bump
from vendors.catalogue.products import MAX_PRICE, MAX_STOCK
from vendors.pricing.error_codes import PricingErrorCode
from vendors.pricing.exceptions import TermsInvalid, TermsRefused
from vendors.pricing.models import ProductTerms, StoreTerms, TierPrice
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.selectors import basket_terms_problems

MAX_TIERS = 10


def basket_terms_check(*, basket, buyer) -> None:
    """Raise TermsRefused, every reason in its message, unless today's terms allow each
    line's quantity and each store's part of `basket` for `buyer`."""
    problems = basket_terms_problems(basket=basket, buyer=buyer)
    if problems:
        raise TermsRefused(" ".join(problem.message for problem in problems), code=problems[0].code)


def tiers_text(tiers: tuple[Tier, ...]) -> str:
    """Tiers as vendors write them: "24:95.00; 48:90.00"."""
    return "; ".join(f"{tier.min_quantity}:{tier.price:.2f}" for tier in tiers)


def tiers_parse(text: str) -> tuple[Tier, ...]:
    """Tiers from "24:95,00; 48:90" (or one per line). Raises TermsInvalid."""
    tiers = []
    for chunk in (text or "").replace("\n", ";").split(";"):
        chunk = chunk.strip()
        if not chunk:
            continue
        quantity_text, separator, price_text = chunk.partition(":")
        try:
            if not separator:
                raise ValueError
            quantity = int(quantity_text.strip())
            price = Decimal(price_text.strip().replace(",", "."))
            if not price.is_finite():
                raise ValueError
        except (ValueError, InvalidOperation) as error:
            raise TermsInvalid(
                _("the tier %(tier)s is not written as quantity:price (for example 24:95.00)")
                % {"tier": chunk},
                code=PricingErrorCode.INVALID_TERMS,
            ) from error
        tiers.append(Tier(min_quantity=quantity, price=price))
    return tuple(sorted(tiers, key=lambda tier: tier.min_quantity))


def terms_errors(*, terms: QuantityTerms, base_price: Decimal | None) -> list[str]:
    """What is wrong with `terms` for a product sold at `base_price` (lowercase phrases
    the dashboard and the CSV report join); empty: they can be kept."""
    errors = []
    for name, value in (
        (_("the minimum quantity"), terms.minimum),
        (_("the multiple"), terms.multiple),
    ):
        if not 1 <= value <= MAX_STOCK:
            errors.append(
                _("%(name)s must be a whole number from 1 to %(max)s")
                % {"name": name, "max": MAX_STOCK}
            )
    if len(terms.tiers) > MAX_TIERS:
        errors.append(_("at most %(max)s tier prices per product") % {"max": MAX_TIERS})
    previous_price, seen = base_price, set()
    for tier in terms.tiers:
        if tier.min_quantity in seen:
            errors.append(
                _("two tiers start at %(quantity)s units") % {"quantity": tier.min_quantity}
            )
        seen.add(tier.min_quantity)
        if not 2 <= tier.min_quantity <= MAX_STOCK:
            errors.append(
                _("a tier must start at 2 to %(max)s units, not %(quantity)s")
                % {"max": MAX_STOCK, "quantity": tier.min_quantity}
            )
        if tier.price < 0 or tier.price > MAX_PRICE or tier.price.as_tuple().exponent < -2:
            errors.append(
                _("the tier price %(price)s must be from 0 to %(max)s, with 2 decimals at most")
                % {"price": tier.price, "max": MAX_PRICE}
            )
        elif previous_price is not None and tier.price >= previous_price:
            errors.append(
                _(
                    "the price from %(quantity)s units (%(price)s) must be lower than the "
                    "price for fewer units (%(previous)s)"
                )
                % {"quantity": tier.min_quantity, "price": tier.price, "previous": previous_price}
            )
        previous_price = tier.price
    return errors


def sentence(phrases: list[str]) -> str:
    """Lowercase phrases as one sentence: "El mínimo…; el múltiplo…"."""
    text = "; ".join(phrases)
    return text[:1].upper() + text[1:] + "."


@transaction.atomic
def product_terms_set(*, stockrecord, terms: QuantityTerms) -> None:
    """Keep `terms` for `stockrecord` (replacing its tiers). Raises TermsInvalid and then
    nothing changed."""
    errors = terms_errors(terms=terms, base_price=stockrecord.price)
    if errors:
        raise TermsInvalid(sentence(errors), code=PricingErrorCode.INVALID_TERMS)
    if terms.minimum == 1 and terms.multiple == 1:
        ProductTerms.objects.filter(stockrecord=stockrecord).delete()
    else:
        ProductTerms.objects.update_or_create(
            stockrecord=stockrecord,
            defaults={"minimum_quantity": terms.minimum, "order_multiple": terms.multiple},
        )
    TierPrice.objects.filter(stockrecord=stockrecord).delete()
    TierPrice.objects.bulk_create(
        TierPrice(stockrecord=stockrecord, min_quantity=tier.min_quantity, price=tier.price)
        for tier in terms.tiers
    )
    catalogue_version_bump()  # the product page shows the terms


def store_terms_set(
    *, vendor, first_order_minimum: Decimal | None, reorder_minimum: Decimal | None
) -> StoreTerms:
    """Keep a store's order minimums (None: no minimum). Raises TermsInvalid."""
    for amount in (first_order_minimum, reorder_minimum):
        if amount is not None and not (Decimal(0) <= amount <= MAX_PRICE):
            raise TermsInvalid(
                _("A minimum must be from 0 to %(max)s.") % {"max": MAX_PRICE},
                code=PricingErrorCode.INVALID_TERMS,
            )
    terms, _created = StoreTerms.objects.update_or_create(
        vendor=vendor,
        defaults={"first_order_minimum": first_order_minimum, "reorder_minimum": reorder_minimum},
    )
    return terms
