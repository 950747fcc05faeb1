"""Data built once for a whole test module, as `TestCase.setUpTestData` does for a class.

The data is made inside a transaction that stays open for the module. Each test's own
transaction (pytest-django's `db`) then nests in it as a savepoint, so whatever a test
changes is rolled back as usual, and the module's data itself is rolled back at the end:
nothing outlives the module. Tests take `fresh` instances, read again from the database,
so one test's in-memory changes never reach the next:

    world_built = module_data(world_build)

    @pytest.fixture
    def world(world_built, db):
        return fresh(world_built)

The per-test fixture names the module one as an argument, so pytest sets it up first,
before the test's transaction opens. `build` must not need a committed transaction
(nothing in a test does).
"""

import copy

import pytest
from django.db import models, transaction


def module_data(build):
    """A module-scoped fixture holding what `build()` returns."""

    @pytest.fixture(scope="module")
    def built(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    return built


def fresh(data):
    """`data` with each model instance read again (some, like an order with its
    strategy, cannot be deep-copied) and everything else deep-copied."""
    if isinstance(data, models.Model):
        return type(data)._base_manager.get(pk=data.pk)
    if isinstance(data, dict):
        return {key: fresh(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return type(data)(fresh(value) for value in data)
    return copy.deepcopy(data)
