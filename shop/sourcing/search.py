"""The board's text search, accent- and case-insensitive: "harina de maiz" finds "Harina
de maíz". Each request keeps its words folded in `search_text` by the products' search
folding (`shop.apps.search.text.fold`); a query matches when every word it has is there."""

from django.db.models import QuerySet

from shop.apps.search.text import query_terms


def requests_matching_text(queryset: QuerySet, query: str) -> QuerySet:
    for word in query_terms(query):
        queryset = queryset.filter(search_text__contains=word)
    return queryset
