from oscar.apps.customer import history
from oscar.apps.customer.history import *  # noqa: F403  (Oscar's fork pattern)

from shop.apps.search.selectors import product_card_queryset


class CustomerHistoryManager(history.CustomerHistoryManager):
    """Oscar's recently viewed products, read with what their cards show (images, store,
    price) in a fixed number of queries instead of several per product, and nothing
    at all for a visitor who has viewed none."""

    @classmethod
    def get(cls, request):
        ids = cls.extract(request)
        if not ids:  # a first visit: no queryset to build
            return []
        products = product_card_queryset(sold_by_approved_only=False).in_bulk(ids)
        return [products[product_id] for product_id in reversed(ids) if product_id in products]
