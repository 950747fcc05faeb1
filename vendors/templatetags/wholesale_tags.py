"""The basket and product pages show a store's wholesale terms without forking their
views: these tags hand the templates the reads in vendors.pricing."""

from dataclasses import dataclass, field

from django import template

from vendors.pricing import selectors as terms
from vendors.pricing.rules import PLAIN_TERMS

register = template.Library()


@dataclass
class BasketTermsNotes:
    """What today's terms refuse in a basket, by line id and by vendor id."""

    by_line: dict[int, list[str]] = field(default_factory=dict)
    by_vendor: dict[int, list[str]] = field(default_factory=dict)


@register.simple_tag(takes_context=True)
def basket_terms_notes(context, basket) -> BasketTermsNotes:
    request = context.get("request")
    notes = BasketTermsNotes()
    for problem in terms.basket_terms_problems(basket=basket, buyer=getattr(request, "user", None)):
        if problem.line is not None:
            notes.by_line.setdefault(problem.line.pk, []).append(problem.message)
        else:
            notes.by_vendor.setdefault(problem.vendor.pk, []).append(problem.message)
    return notes


@register.filter
def notes_for(mapping: dict, key) -> list[str]:
    return mapping.get(key, [])


@register.inclusion_tag("oscar/basket/partials/line_terms.html")
def line_terms(purchase_info, quantity):
    """The tier a line's quantity reaches, the next break, and how the store sells it."""
    price = purchase_info.price
    return {
        "quote": getattr(price, "quote", None),
        "currency": price.currency,
        "quantity": quantity,
        "terms": getattr(purchase_info.availability, "terms", PLAIN_TERMS),
    }


@register.simple_tag
def product_terms(stockrecord):
    """A product page's terms of its stock record (two queries), PLAIN_TERMS without one."""
    if stockrecord is None:
        return PLAIN_TERMS
    return terms.quantity_terms_for([stockrecord.pk])[stockrecord.pk]
