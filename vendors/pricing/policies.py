"""The terms in Oscar's own shapes: a price that knows the tier it comes from, and an
availability that refuses the quantities a store does not sell, so that Oscar's basket
forms, the checkout and the placement give the store's reason."""

from collections.abc import Callable
from decimal import Decimal

from oscar.apps.partner.prices import FixedPrice

from vendors.pricing.rules import QuantityTerms, Quote, quantity_refusal


class QuotedPrice(FixedPrice):
    """Oscar's fixed price per unit, with the quote behind it (`quote.tier`, `quote.next_tier`)
    and the stock record's own price per unit (`base_excl_tax`)."""

    def __init__(self, *, currency, quote: Quote, base: FixedPrice):
        if base.is_tax_known and base.excl_tax:
            tax = (base.tax * quote.unit_price / base.excl_tax).quantize(Decimal("0.01"))
        else:
            tax = base.tax if base.is_tax_known else None
        super().__init__(currency=currency, excl_tax=quote.unit_price, tax=tax)
        self.quote = quote
        self.base_excl_tax = base.excl_tax
        self.base_incl_tax = base.incl_tax if base.is_tax_known else None


class TermsAvailability:
    """Oscar's availability of a stock record, which also refuses a quantity its terms do
    not allow. `terms` is read only when a quantity is asked about (a listing never does)."""

    def __init__(self, inner, terms: Callable[[], QuantityTerms]):
        self._inner = inner
        self._terms = terms

    def __getattr__(self, name):
        return getattr(self._inner, name)

    @property
    def without_terms(self):
        """Oscar's availability alone (stock), for the questions about a change of quantity."""
        return self._inner

    @property
    def terms(self) -> QuantityTerms:
        return self._terms()

    def is_purchase_permitted(self, quantity):
        refusal = quantity_refusal(self.terms, quantity)
        if refusal:
            return False, refusal
        return self._inner.is_purchase_permitted(quantity)
