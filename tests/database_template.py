"""Migrations run once per test run, not once per test worker.

With several workers (pytest-xdist) on PostgreSQL, the controller migrates a template
database before the workers start, and each worker's test database is created as a copy of
it (`CREATE DATABASE … TEMPLATE`, Django's TEST["TEMPLATE"]): its migrations are already
applied, so Django's own `migrate` on it has nothing to do. Without workers, on SQLite, or
with --reuse-db, test databases are made as pytest-django always makes them.
"""

import os

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from pytest_django.plugin import blocking_manager_key

TEMPLATE_VARIABLE = "ENCADENA_TEST_TEMPLATE_DATABASE"


def _wanted(config) -> bool:
    return (
        not hasattr(config, "workerinput")
        and bool(config.getoption("numprocesses", None))
        and not config.getoption("reuse_db", False)
        and config.getoption("nomigrations", False) is False
        and connections[DEFAULT_DB_ALIAS].vendor == "postgresql"
    )


def template_build(config) -> None:
    """In the controller, before the workers start: the migrated template, if one is wanted."""
    if not _wanted(config):
        return
    connection = connections[DEFAULT_DB_ALIAS]
    name = f"{connection.creation._get_test_db_name()}_template"
    quoted = connection.ops.quote_name(name)
    with config.stash[blocking_manager_key].unblock():
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
            cursor.execute(f"CREATE DATABASE {quoted}")
        original = connection.settings_dict["NAME"]
        connection.close()
        connection.settings_dict["NAME"] = name
        try:
            call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
        finally:
            connection.close()
            connection.settings_dict["NAME"] = original
    os.environ[TEMPLATE_VARIABLE] = name


def template_use(settings_databases) -> None:
    """In a worker: make its test database from the controller's template, if there is one."""
    name = os.environ.get(TEMPLATE_VARIABLE)
    if name:
        settings_databases[DEFAULT_DB_ALIAS].setdefault("TEST", {})["TEMPLATE"] = name


def template_drop(config) -> None:
    """In the controller, after the workers have stopped."""
    if hasattr(config, "workerinput"):
        return
    name = os.environ.pop(TEMPLATE_VARIABLE, None)
    if not name:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    with config.stash[blocking_manager_key].unblock():
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")
