from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine, AbstractLineAttribute
from oscar.core.loading import get_class, get_model, is_model_registered

from logistics.delivery import product_weight_subquery
from vendors.pricing.selectors import has_wholesale_terms_subquery

Voucher = get_model("voucher", "Voucher")
Unavailable = get_class("partner.availability", "Unavailable")


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached lines, read once per state of the basket with what pages and the
        order need of them: the product class (shipping, stock tracking), the store (the
        order's lines name it), and the chosen options of the lines that have some (most
        have none: no query for theirs). Not the pictures: only the pages that show them
        ask for them (lines_with_images)."""
        if self.id is None:
            # A visitor who has added nothing: no lines, read once, so that the header's
            # total, count and currency do not build an empty query each time they ask.
            if getattr(self, "_unsaved_lines", None) is None:
                self._unsaved_lines = super().all_lines()
                len(self._unsaved_lines)
            return self._unsaved_lines
        if self._lines is not None:
            return super().all_lines()
        lines = (
            self.lines.select_related(
                "product__product_class",
                # The vendor behind the store, with its invoice settings: the delivery
                # parts and the taxes shown per store read them.
                "stockrecord__partner__vendor__invoice_settings",
            )
            .annotate(
                has_attributes=Exists(LineAttribute.objects.filter(line=OuterRef("pk"))),
                product_weight=product_weight_subquery(),  # what the delivery charges by
                # Most lines' stores sell one by one at one price: their terms are not read.
                has_wholesale_terms=has_wholesale_terms_subquery(),
                basket_has_vouchers=Exists(
                    self.vouchers.through.objects.filter(basket_id=OuterRef("basket_id"))
                ),
            )
            .order_by(self._meta.pk.name)
        )
        loaded = list(lines)
        prefetch_related_objects([line for line in loaded if line.has_attributes], "attributes")
        prefetch_related_objects(
            [line for line in loaded if not line.has_attributes],
            Prefetch("attributes", queryset=LineAttribute.objects.none()),
        )
        if loaded and not loaded[0].basket_has_vouchers:
            # Offers ask for the basket's vouchers on every request; most baskets hold
            # none. Adding one (vouchers.add) drops this empty answer.
            prefetch_related_objects([self], Prefetch("vouchers", queryset=Voucher.objects.none()))
        self._lines = lines
        return lines

    def lines_with_images(self):
        """The lines, their products' pictures read in one query."""
        lines = self.all_lines()
        prefetch_related_objects(list(lines), "product__images")
        return lines

    @property
    def num_lines(self):
        # The lines are read anyway (offers, totals): count them rather than COUNT(*).
        return len(self.all_lines())

    def is_quantity_allowed(self, qty, line=None):
        """Oscar's, which asks a line's availability about the change of its quantity (for
        the stock): the store's wholesale terms are about the line's whole quantity, which
        the line's form asks about next."""
        info = line.purchase_info if line is not None else None
        stock_only = getattr(info.availability, "without_terms", None) if info else None
        if stock_only is None:
            return super().is_quantity_allowed(qty, line)
        line._info = info._replace(availability=stock_only)
        try:
            return super().is_quantity_allowed(qty, line)
        finally:
            line._info = info

    def product_quantity(self, product):
        """Units of `product` in the basket, from the lines already read."""
        return sum(line.quantity for line in self.all_lines() if line.product_id == product.pk)


if not is_model_registered("basket", "Line"):

    class Line(AbstractLine):
        def get_warning(self):
            """Oscar's warning, comparing like with like: the price per unit the line was
            added at with today's price of one unit. A tier its quantity reaches, or a price
            agreed for the buyer, is the store's terms, not a change of price."""
            info = self.purchase_info
            if isinstance(info.availability, Unavailable) or not hasattr(info.price, "quote"):
                return super().get_warning()
            one_unit = self.basket.strategy.fetch_for_product(self.product, info.stockrecord)
            if not self.price_incl_tax or not one_unit.price.is_tax_known:
                return None
            if one_unit.price.incl_tax == self.price_incl_tax:
                return None
            self._info = one_unit  # Oscar's message, about the price of one unit
            try:
                return super().get_warning()
            finally:
                self._info = info


if not is_model_registered("basket", "LineAttribute"):

    class LineAttribute(AbstractLineAttribute):
        pass


from oscar.apps.basket.models import *  # noqa: E402, F403  (Oscar's fork pattern)
