from django.db import transaction
from oscar.apps.order import utils
from oscar.apps.order.utils import *  # noqa: F403  (Oscar's fork pattern)
from oscar.core.loading import get_model

from logistics.delivery import basket_vendor_parts
from logistics.national.consolidations import consolidations_create
from vendors.orders.transitions import vendor_orders_create


class OrderNumberGenerator(utils.OrderNumberGenerator):
    """Oscar's number (basket id + 100000), with a letter when that basket already
    placed an order whose payment was refused and the buyer tries again."""

    def order_number(self, basket):
        number = super().order_number(basket)
        taken = set(
            get_model("order", "Order")
            .objects.filter(number__startswith=number)
            .values_list("number", flat=True)
        )
        suffixes = [""] + [chr(letter) for letter in range(ord("B"), ord("Z") + 1)]
        return next(f"{number}{suffix}" for suffix in suffixes if f"{number}{suffix}" not in taken)


class OrderCreator(utils.OrderCreator):
    """Oscar's order creator, plus the purchase's vendor orders, in one transaction.
    Called by the one placement path (shop/apps/checkout/placement.py)."""

    def place_order(self, basket, total, shipping_method, shipping_charge, user=None, **kwargs):
        plan = getattr(shipping_method, "plan", None) or getattr(
            getattr(shipping_method, "method", None), "plan", None
        )  # offer-discount wrapper
        parts = plan.parts if plan else basket_vendor_parts(basket=basket)
        self.lines_created = []
        # Every caller places inside its own transaction and lets a failure leave it:
        # a savepoint of our own would cost two statements and protect nothing.
        with transaction.atomic(savepoint=False):
            order = super().place_order(
                basket, total, shipping_method, shipping_charge, user=user, **kwargs
            )
            # The lines just written are the order's lines: splitting the order into its
            # parts and the counters after commit read them from here, not again.
            # (What prefetch_related stores: a queryset of the lines with its results.)
            lines = order.lines.all()
            lines._result_cache, lines._prefetch_done = self.lines_created, True
            order._prefetched_objects_cache = {"lines": lines}
            # The order's first status is its parts': placed, or waiting for the payment.
            vendor_orders = vendor_orders_create(
                order=order, parts=parts, actor=user, status=kwargs.get("status") or "placed"
            )
            consolidations_create(order=order, vendor_orders=vendor_orders, parts=parts)
        return order

    def create_line_models(self, order, basket_line, extra_line_fields=None):
        line = super().create_line_models(order, basket_line, extra_line_fields)
        self.lines_created.append(line)
        return line

    def update_stock_records(self, line):
        # Oscar's StockRecord.allocate() adds without a check; vendor_orders_create
        # promises every line's units at once, guarded and recorded.
        pass
