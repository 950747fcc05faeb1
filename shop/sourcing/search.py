"""The board's text search with the products' search engine (shop.apps.search): the
same folding ("harina de maiz" finds "Harina de maíz"), PostgreSQL full-text search on
the `es_unaccent` configuration with prefixes, LIKE on the folded text elsewhere; a
request matches when every word of the query is found."""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import QuerySet

from shop.apps.search.backends import TEXT_SEARCH_CONFIG, search_backend
from shop.apps.search.text import fold, query_terms
from shop.sourcing.models import SourcingRequest


def requests_matching_text(queryset: QuerySet, query: str) -> QuerySet:
    terms = query_terms(query)
    if not terms:
        return queryset
    return search_backend().match(queryset, terms, heading="title_folded")


def request_text_fold(request) -> None:
    """Set the request's folded columns from its title and details (before saving)."""
    request.title_folded = fold(request.title)
    request.text_folded = fold(f"{request.title} {request.description}")


def request_vector_write(*, request_id: int) -> None:
    """PostgreSQL: the request's weighted vector, from its saved title and details."""
    if connection.vendor != "postgresql":
        return
    SourcingRequest.objects.filter(pk=request_id).update(
        search_vector=SearchVector("title", weight="A", config=TEXT_SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=TEXT_SEARCH_CONFIG)
    )
