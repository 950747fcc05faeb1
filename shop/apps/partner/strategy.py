"""Which stock record sells a product, and whether it can be bought.

Oscar's default strategy, with one marketplace rule: a stock record whose
vendor is not approved (applied, suspended, rejected) is never selected and
is unavailable, so its products cannot enter a basket and lines already in
one stop the checkout, from the moment the vendor's status changes.
"""

from oscar.apps.partner import strategy
from oscar.core.loading import get_class, get_model

from shop.companies.price_lists import company_prices, may_buy_for
from vendors.actors.services import approved_partner_ids
from vendors.pricing.policies import QuotedPrice, TermsAvailability
from vendors.pricing.rules import PLAIN_TERMS, PricingContext, unit_price_quote
from vendors.pricing.selectors import quantity_terms_cached, quantity_terms_for

Unavailable = get_class("partner.availability", "Unavailable")
ProductClass = get_model("catalogue", "ProductClass")
PurchaseInfo = get_class("partner.strategy", "PurchaseInfo")
Line = get_model("basket", "Line")


class ApprovedVendorsOnly:
    def approved_partner_ids(self) -> frozenset[int]:
        if not hasattr(self, "_approved_partner_ids"):
            self._approved_partner_ids = approved_partner_ids()
        return self._approved_partner_ids

    def select_stockrecord(self, product):
        approved = self.approved_partner_ids()
        # Iterate .all() so prefetched stock records cost no query.
        for stockrecord in product.stockrecords.all():
            if stockrecord.partner_id in approved:
                return stockrecord
        return None

    def fetch_for_line(self, line, stockrecord=None):
        # A basket line already holds its stock record: use it instead of querying the
        # product's records again, once per line.
        return self.fetch_for_product(line.product, stockrecord or line.stockrecord)

    def product_class_attach(self, product) -> None:
        """Product classes are few: read them once per strategy, not once per product."""
        if product.product_class_id is None or product._state.fields_cache.get("product_class"):
            return
        if not hasattr(self, "_product_classes"):
            self._product_classes = {pc.pk: pc for pc in ProductClass.objects.all()}
        product_class = self._product_classes.get(product.product_class_id)
        if product_class is not None:
            product._state.fields_cache["product_class"] = product_class

    def availability_policy(self, product, stockrecord):
        self.product_class_attach(product)
        if stockrecord is not None and stockrecord.partner_id not in self.approved_partner_ids():
            return Unavailable()
        return super().availability_policy(product, stockrecord)


class WholesaleTerms:
    """The store's wholesale terms (vendors/pricing) on every price and quantity: a basket
    line costs what its quantity reaches (or a price agreed for the buyer), and a quantity
    the store does not sell is refused with its reason. The terms of a basket's lines are
    read together, once per strategy; a listing reads none. Bought for a company
    (`company_id`), the prices its price lists give it come first (read once, when a
    price is first asked for)."""

    def __init__(self, request=None, *, user=None, agreed_prices=None, company_id=None):
        super().__init__(request)
        if self.user is None and getattr(user, "is_authenticated", False):
            self.user = user  # an order taken for someone, with no request of theirs
        self.company_id = company_id
        self._agreed_prices = agreed_prices
        self._pricing_context = None
        self._quantity_terms = {}

    @property
    def pricing_context(self) -> PricingContext:
        if self._pricing_context is None:
            values = {"agreed_prices": self._agreed_prices} if self._agreed_prices else {}
            if self.company_id is not None:
                values["company_id"] = self.company_id
                values["company_prices"] = company_prices(company_id=self.company_id)
            self._pricing_context = PricingContext(buyer=self.user, **values)
        return self._pricing_context

    def quantity_terms(self, stockrecord_id: int, *, along: tuple[int, ...] = ()):
        """The terms of a stock record, read with those of `along` (its basket's lines);
        a stock record read alone (a product page) comes from the catalogue's cache."""
        if stockrecord_id not in self._quantity_terms:
            wanted = {stockrecord_id, *along} - set(self._quantity_terms)
            if not along:
                self._quantity_terms[stockrecord_id] = quantity_terms_cached(stockrecord_id)
            else:
                self._quantity_terms.update(quantity_terms_for(wanted))
        return self._quantity_terms[stockrecord_id]

    def fetch_for_product(self, product, stockrecord=None):
        info = super().fetch_for_product(product, stockrecord)
        record = info.stockrecord
        if record is None or not info.price.exists:
            return info
        price = info.price
        context = self.pricing_context if self.company_id or self._agreed_prices else None
        if context is not None and (
            record.pk in context.agreed_prices or record.pk in context.company_prices
        ):
            price = self._price(info.price, record, PLAIN_TERMS, 1)
        return PurchaseInfo(
            price=price,
            availability=self._availability(info.availability, record.pk),
            stockrecord=record,
        )

    def fetch_for_line(self, line, stockrecord=None):
        info = super().fetch_for_product(line.product, stockrecord or line.stockrecord)
        record = info.stockrecord
        if record is None or not info.price.exists:
            return info
        if getattr(line, "has_wholesale_terms", True) is False and record.pk == line.stockrecord_id:
            terms = self._quantity_terms.setdefault(record.pk, PLAIN_TERMS)
        else:
            along = ()
            if Line.basket.is_cached(line):  # its basket's lines are read: their terms with it
                along = tuple(
                    other.stockrecord_id
                    for other in line.basket.all_lines()
                    if other.stockrecord_id and getattr(other, "has_wholesale_terms", True)
                )
            terms = self.quantity_terms(record.pk, along=along)
        return PurchaseInfo(
            price=self._price(info.price, record, terms, line.quantity),
            availability=self._availability(info.availability, record.pk),
            stockrecord=record,
        )

    def _price(self, base, record, terms, quantity):
        quote = unit_price_quote(
            context=self.pricing_context, stockrecord=record, terms=terms, quantity=quantity
        )
        if quote.rule == "base" and quote.next_tier is None:
            return base
        return QuotedPrice(currency=base.currency, quote=quote, base=base)

    def _availability(self, availability, stockrecord_id):
        if not availability.is_available_to_buy:
            return availability
        return TermsAvailability(availability, lambda: self.quantity_terms(stockrecord_id))


class Default(WholesaleTerms, ApprovedVendorsOnly, strategy.Default):
    pass


def session_company_id(request) -> int | None:
    """The company the buyer chose to buy for at checkout ("Comprar como"), while they
    may still buy for it: its price lists price their basket."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    company_id = ((session.get("checkout_data") or {}).get("payment") or {}).get("company_id")
    if not company_id or not may_buy_for(user=request.user, company_id=company_id):
        return None
    return company_id


class Selector:
    def strategy(self, request=None, user=None, company_id=None, **kwargs):
        if company_id is None and request is not None:
            company_id = session_company_id(request)
        return Default(request, user=user, company_id=company_id)
