from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import VALID_KEY_CHARS, CreateError, UpdateError
from django.db import DatabaseError, IntegrityError, router, transaction
from django.utils.crypto import get_random_string


class SessionStore(db.SessionStore):
    def _get_new_session_key(self):
        # A new session is written with must_create, which its primary key refuses for a
        # key already taken (create() then draws another): asking first is a query more.
        return get_random_string(32, VALID_KEY_CHARS)

    def save(self, must_create=False):
        """Django's save; in autocommit, without the transaction around the one statement."""
        if self.session_key is None:
            return self.create()
        using = router.db_for_write(self.model)
        if transaction.get_connection(using).in_atomic_block:
            # Inside a transaction, Django's savepoint keeps a failure from breaking it.
            return super().save(must_create)
        obj = self.create_model_instance(self._get_session(no_load=must_create))
        try:
            obj.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError as error:
            if must_create:
                raise CreateError from error
            raise
        except DatabaseError as error:
            if not must_create:
                raise UpdateError from error
            raise
