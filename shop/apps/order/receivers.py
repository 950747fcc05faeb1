"""Oscar's analytics count purchases, product views and basket additions from signal
receivers, inside the request's transaction. Two first buyers (or viewers) of a product
both insert its counter row; on PostgreSQL the loser's insert fails and aborts the whole
transaction: a purchase lost, or a product page failing. Here each event is a task sent
once the request commits (shop/apps/order/analytics.py): the worker counts, the page
does not wait, and a failure costs a count, never a purchase or a page."""

import functools

from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed

from shop.apps.order.analytics import RECEIVERS
from shop.apps.order.tasks import analytics_record_task


def _record_on_commit(event: str, sender, **kwargs) -> None:
    if kwargs.get("raw", False):
        return
    _receiver, subject = RECEIVERS[event]
    user = kwargs.get("user")
    user_id = user.pk if user is not None and user.is_authenticated else None
    analytics_record_task.delay_on_commit(event, kwargs[subject].pk, user_id)


def connect() -> None:
    for signal, event in (
        (order_placed, "order_placed"),
        (product_viewed, "product_viewed"),
        (basket_addition, "basket_addition"),
    ):
        signal.disconnect(RECEIVERS[event][0])
        signal.connect(
            functools.partial(_record_on_commit, event),
            weak=False,
            dispatch_uid=f"shop.analytics.{event}",
        )
