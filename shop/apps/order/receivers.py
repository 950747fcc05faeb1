"""Oscar's analytics count each purchase's products from its `order_placed` receiver,
inside the order's transaction. Two buyers of a product nobody bought before both
insert its counter row; on PostgreSQL the loser's insert fails and aborts the whole
purchase transaction. The counters are recorded after the purchase commits, in their
own transaction, where such a failure costs a count, never a purchase."""

import logging

from django.db import DatabaseError, transaction
from oscar.apps.analytics import receivers as analytics

logger = logging.getLogger(__name__)


def order_analytics_after_commit(sender, order, user, **kwargs):
    def record():
        try:
            with transaction.atomic():
                analytics.receive_order_placed(sender, order=order, user=user, **kwargs)
        except DatabaseError:
            logger.warning("purchase counters of order %s not recorded", order.number,
                           exc_info=True)

    transaction.on_commit(record)


def connect() -> None:
    from oscar.apps.order.signals import order_placed

    order_placed.disconnect(analytics.receive_order_placed)
    order_placed.connect(order_analytics_after_commit,
                         dispatch_uid="shop.order.analytics_after_commit")
