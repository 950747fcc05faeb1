"""The bench's checkout (`manage.py bench_checkout`): a guest buying one product from
each of three stores in 18 requests costs at most as many queries as vanilla Oscar's
one-store checkout in 13 (211, measured on PostgreSQL)."""

import pytest
from django.test.utils import override_settings

from shop.demo.management.commands.bench_checkout import (
    bench_products,
    checkout_requests,
    checkout_run,
)

# Committed for real, as the bench commits: what runs after the commit (the counters, the
# tasks sent) is in the count.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VANILLA_OSCAR_CHECKOUT_QUERIES = 211


@override_settings(MAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend")
def test_the_three_store_checkout_costs_no_more_queries_than_vanilla_oscars():
    products = bench_products()
    checkout_run(products)  # first checkout: caches, not counted

    measures = checkout_run(products)

    assert [measure.label for measure in measures] == [
        request.label for request in checkout_requests(products)
    ]
    assert len(measures) == 18
    # What the requests leave to the worker: the counters, and the stores' notices.
    assert {measure.label: measure.tasks for measure in measures if measure.tasks} == {
        **{
            f"{page} {number}": ["analytics.record"]
            for number in (1, 2, 3)
            for page in ("product", "add to basket")
        },
        "place order": ["analytics.record", "vendors.purchase_placed_notify"],
    }
    total = sum(measure.queries for measure in measures)
    assert total <= VANILLA_OSCAR_CHECKOUT_QUERIES, {m.label: m.queries for m in measures}
