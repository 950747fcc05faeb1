"""Keeping the index current: what changed is collected during the transaction and sent
as one task after it commits (a CSV import of 5,000 products is one task, not 5,000);
nothing is sent for a transaction that rolls back.

`SEARCH_INDEX_UPDATES = "immediate"` refreshes at once, in the writer's transaction
instead: for the test suite, whose transactions never commit. There, `search_index_batch()`
gathers the changes of a block that saves one thing in several writes (a store, its
product, its stock) and refreshes them once, when the block ends."""

import contextlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction

from shop.apps.search.tasks import search_index_update

_local = threading.local()


@dataclass
class _Changes:
    product_ids: set[int] = field(default_factory=set)
    vendor_ids: set[int] = field(default_factory=set)
    category_ids: set[int] = field(default_factory=set)

    def add(
        self,
        product_ids: Iterable[int],
        vendor_ids: Iterable[int],
        category_ids: Iterable[int],
    ) -> None:
        self.product_ids.update(product_ids)
        self.vendor_ids.update(vendor_ids)
        self.category_ids.update(category_ids)

    def arguments(self) -> tuple[list[int], list[int], list[int]]:
        return sorted(self.product_ids), sorted(self.vendor_ids), sorted(self.category_ids)

    def send(self) -> None:
        if getattr(_local, "changes", None) is self:
            _local.changes = None
        search_index_update.delay(*self.arguments())


def search_index_update_on_commit(
    *,
    product_ids: Iterable[int] = (),
    vendor_ids: Iterable[int] = (),
    category_ids: Iterable[int] = (),
) -> None:
    """Refresh the documents of these products, vendors (and their products) and
    categories (and their products) once the current transaction commits."""
    if getattr(settings, "SEARCH_INDEX_UPDATES", "after_commit") == "immediate":
        batch = getattr(_local, "batch", None)
        if batch is None:
            search_index_update(list(product_ids), list(vendor_ids), list(category_ids))
        else:
            batch.add(product_ids, vendor_ids, category_ids)
        return
    changes = _changes_of_this_transaction()
    changes.add(product_ids, vendor_ids, category_ids)
    if changes is not getattr(_local, "changes", None):
        changes.send()


def _changes_of_this_transaction() -> _Changes:
    """The pending changes registered with this transaction's on_commit callbacks; a new
    set when there is none (outside a transaction, after a commit or a rollback)."""
    if not connection.in_atomic_block:
        return _Changes()
    changes = getattr(_local, "changes", None)
    registered = changes is not None and any(
        callback == changes.send for _, callback, _ in connection.run_on_commit
    )
    if not registered:
        changes = _local.changes = _Changes()
        transaction.on_commit(changes.send)
    return changes


@contextlib.contextmanager
def search_index_batch():
    """In "immediate" mode, what changes inside the block is refreshed once when the
    outermost block ends without an error; after commit, changes are gathered per
    transaction anyway and this does nothing."""
    if getattr(_local, "batch", None) is not None:
        yield
        return
    batch = _local.batch = _Changes()
    try:
        yield
    finally:
        _local.batch = None
    if any(batch.arguments()):
        search_index_update(*batch.arguments())
