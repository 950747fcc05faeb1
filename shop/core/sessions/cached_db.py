from django.contrib.sessions.backends import cached_db

from shop.core.sessions import db


class SessionStore(cached_db.SessionStore, db.SessionStore):
    """Django's cached database sessions (read from the shared cache, written to both),
    written as `db` writes them."""
