"""Which stock record sells a product, and whether it can be bought.

Oscar's default strategy, with one marketplace rule: a stock record whose
vendor is not approved (applied, suspended, rejected) is never selected and
is unavailable, so its products cannot enter a basket and lines already in
one stop the checkout, from the moment the vendor's status changes.
"""

from oscar.apps.partner import strategy
from oscar.core.loading import get_class

from vendors.services import approved_partner_ids

Unavailable = get_class("partner.availability", "Unavailable")


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

    def availability_policy(self, product, stockrecord):
        if stockrecord is not None and stockrecord.partner_id not in self.approved_partner_ids():
            return Unavailable()
        return super().availability_policy(product, stockrecord)


class Default(ApprovedVendorsOnly, strategy.Default):
    pass


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
