"""The board's text search, accent- and case-insensitive: "harina de maiz" finds "Harina
de maíz". Each request keeps its words folded in `search_text`; a query matches when every
word it has is there. One function to swap when the products' search engine serves
requests too."""

import unicodedata

from django.db.models import QuerySet

MAX_WORDS = 8


def text_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return " ".join(
        "".join(char for char in decomposed if not unicodedata.combining(char)).lower().split()
    )


def requests_matching_text(queryset: QuerySet, query: str) -> QuerySet:
    for word in text_fold(query).split()[:MAX_WORDS]:
        queryset = queryset.filter(search_text__contains=word)
    return queryset
