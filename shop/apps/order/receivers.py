"""Oscar's analytics count purchases, product views and basket additions from signal
receivers, inside the request's transaction. Two first buyers (or viewers) of a product
both insert its counter row; on PostgreSQL the loser's insert fails and aborts the whole
transaction: a purchase lost, or a product page failing. The counters are recorded after
commit, each in its own transaction, where such a failure costs a count, never a
purchase or a page."""

import functools
import logging

from django.db import DatabaseError, transaction
from oscar.apps.analytics import receivers as analytics

logger = logging.getLogger(__name__)


def after_commit(receiver):
    @functools.wraps(receiver)
    def deferred(sender, **kwargs):
        def record():
            try:
                if transaction.get_connection().in_atomic_block:
                    with transaction.atomic():
                        receiver(sender, **kwargs)
                else:
                    # Autocommit, as after a commit: each statement is its own
                    # transaction already, so a failed insert aborts nothing else.
                    receiver(sender, **kwargs)
            except DatabaseError:
                logger.warning("analytics counter not recorded (%s)", receiver.__name__,
                               exc_info=True)

        transaction.on_commit(record)

    return deferred


def connect() -> None:
    from oscar.apps.basket.signals import basket_addition
    from oscar.apps.catalogue.signals import product_viewed
    from oscar.apps.order.signals import order_placed

    for signal, receiver in ((order_placed, analytics.receive_order_placed),
                             (product_viewed, analytics.receive_product_view),
                             (basket_addition, analytics.receive_basket_addition)):
        signal.disconnect(receiver)
        signal.connect(after_commit(receiver), weak=False,
                       dispatch_uid=f"shop.analytics.{receiver.__name__}")
