from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, router, transaction


class SessionStore(db.SessionStore):
    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create)
        using = router.db_for_write(self.model)
        if transaction.get_connection(using).in_atomic_block:
            # Inside a transaction, Django's savepoint keeps a failure from breaking it.
            return super().save(must_create)
        obj = self.create_model_instance(self._get_session())
        try:
            obj.save(force_update=True, using=using)
        except DatabaseError as error:
            raise UpdateError from error
