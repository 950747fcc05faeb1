"""Which stock record sells a product, and whether it can be bought.

Oscar's default strategy, with one marketplace rule: a stock record whose
vendor is not approved (applied, suspended, rejected) is never selected and
is unavailable, so its products cannot enter a basket and lines already in
one stop the checkout, from the moment the vendor's status changes.
"""

from oscar.apps.partner import strategy
from oscar.core.loading import get_class, get_model

from vendors.actors.services import approved_partner_ids

Unavailable = get_class("partner.availability", "Unavailable")
ProductClass = get_model("catalogue", "ProductClass")


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


class Default(ApprovedVendorsOnly, strategy.Default):
    pass


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
