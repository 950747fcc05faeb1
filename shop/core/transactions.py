"""Transactions of the pages: ATOMIC_REQUESTS, for what writes."""

from django.db import transaction
from django.utils.decorators import method_decorator

READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class AtomicWritesMixin:
    """A class-based view whose POST (and every other writing method) runs in one
    transaction, as ATOMIC_REQUESTS runs every view, and whose GET and HEAD, which only
    read, do not. Under PostgreSQL's read committed isolation each statement of a page
    sees the same data inside a transaction or outside one; the BEGIN and COMMIT around
    a page that only reads are two statements for nothing. Put it first among the bases:
    its dispatch must be the view's."""

    @method_decorator(transaction.non_atomic_requests)
    def dispatch(self, request, *args, **kwargs):
        if request.method in READING_METHODS:
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic():
            return super().dispatch(request, *args, **kwargs)
