"""Oscar's analytics counters (purchases, product views, basket additions), counted by a
task from ids instead of by signal receivers inside the request (receivers.py)."""

import logging

from django.contrib.auth import get_user_model
from django.db import DatabaseError, transaction
from oscar.apps.analytics import receivers as analytics
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")

# event -> Oscar's receiver, and the keyword its subject goes by
RECEIVERS = {
    "order_placed": (analytics.receive_order_placed, "order"),
    "product_viewed": (analytics.receive_product_view, "product"),
    "basket_addition": (analytics.receive_basket_addition, "product"),
}


def analytics_record(*, event: str, subject_id: int, user_id: int | None = None) -> None:
    """Count one event as Oscar's receiver would: a purchase (order id), a product view
    or a basket addition (product id), by a signed-in user or not. A failure (two first
    counts of a product racing to insert its row) costs that count, and is logged."""
    receiver, subject = RECEIVERS[event]
    # Only purchases read their subject; the counters filter the others by id.
    instance = Order.objects.get(pk=subject_id) if subject == "order" else Product(pk=subject_id)
    user = get_user_model()(pk=user_id) if user_id else None
    try:
        if transaction.get_connection().in_atomic_block:
            with transaction.atomic():
                receiver(None, user=user, **{subject: instance})
        else:
            # Autocommit, as in a worker: each statement is its own transaction already,
            # so a failed insert aborts nothing else.
            receiver(None, user=user, **{subject: instance})
    except DatabaseError:
        logger.warning("analytics counter not recorded (%s)", event, exc_info=True)
