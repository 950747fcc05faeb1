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

import contextlib
import copy

import pytest
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.test.utils import setup_databases, teardown_databases


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


@contextlib.contextmanager
def database_for_module(alias):
    """The test database, even when no selected test asked for one: pytest-django sets up
    only the databases of tests that use `db` (or a `django_db` mark), and a module whose
    tests only read committed data uses neither. Run alone, such a module would otherwise
    seed, and then flush, the database the settings name."""
    connection = connections[alias]
    if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
        yield
        return
    old_config = setup_databases(
        verbosity=0, interactive=False, aliases={alias}, serialized_aliases=set()
    )
    try:
        yield
    finally:
        other_sessions_end(alias)
        teardown_databases(old_config, verbosity=0)


def other_sessions_end(alias=DEFAULT_DB_ALIAS) -> None:
    """End the other sessions on the test database, so that it can be dropped: a server
    thread's request may have left its connection open."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@contextlib.contextmanager
def committed_module_data(django_db_blocker, alias=DEFAULT_DB_ALIAS):
    """Room for data a module commits, for a server thread or process to read: database
    access for the whole module, and afterwards the database as migrations left it.

    What Django's `serialized_rollback` does once per module instead of once per test: the
    migrated rows are put back first (an earlier transactional test may have flushed them),
    and at the end everything is flushed and they are put back again, so the module can run
    anywhere in the suite.
    """
    connection = connections[alias]
    with django_db_blocker.unblock(), database_for_module(alias):
        migrated = getattr(connection, "_test_serialized_contents", None)
        if migrated is None:
            migrated = connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )
        else:
            connection.creation.deserialize_db_from_string(migrated)
        try:
            yield
        finally:
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=alias,
                reset_sequences=False,
                inhibit_post_migrate=True,
            )
            connection.creation.deserialize_db_from_string(migrated)
