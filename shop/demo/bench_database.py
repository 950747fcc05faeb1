"""The bench's databases: created on the same server as the one configured, when missing."""

from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql


def database_create_if_missing(database: dict) -> bool:
    """Create the PostgreSQL database `database` (a DATABASES entry) names, connecting to
    the server's `postgres` database; False when it exists already (or is not PostgreSQL:
    SQLite makes its file itself)."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return False
    connection_options = {
        "dbname": "postgres",
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "autocommit": True,
    }
    with psycopg.connect(
        **{k: v for k, v in connection_options.items() if v is not None}
    ) as server:
        exists = server.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
        ).fetchone()
        if exists:
            return False
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))
    return True


def database_url_for_size(base_url: str, *, products: int) -> str:
    """The database of the bench with `products` products: the base's name with the size,
    e.g. encadena_bench_10k."""
    parts = urlsplit(base_url)
    size = f"{products // 1000}k" if products % 1000 == 0 else str(products)
    return urlunsplit(parts._replace(path=f"{parts.path.rstrip('/')}_{size}"))
