"""Matching, ranking and close words, per database.

PostgreSQL: full-text search on the weighted `es_unaccent` vector (Spanish stems of
unaccented words, every term a prefix) ranked with ts_rank, and pg_trgm similarity over
the vocabulary for misspellings. SQLite and others: LIKE on the folded text, a title
match ranked above a match elsewhere, and difflib over a bounded vocabulary.
Both receive folded terms (`text.query_terms`), so nothing user-typed reaches SQL
syntax unescaped.
"""

import difflib
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When

from shop.apps.search.models import SearchWord
from shop.apps.search.text import light_stem

TEXT_SEARCH_CONFIG = "es_unaccent"
# The vocabulary difflib reads on SQLite when a query finds nothing.
VOCABULARY_LIMIT = 50_000
CLOSE_WORD_CUTOFF = 0.75
# Candidates pg_trgm may hand back for every term, before difflib picks the closest.
TRIGRAM_CANDIDATES = 200


class PostgresSearchBackend:
    def match(self, documents: QuerySet, terms: list[str], *, heading: str) -> QuerySet:
        query = SearchQuery(
            " & ".join(f"{term}:*" for term in terms), search_type="raw", config=TEXT_SEARCH_CONFIG
        )
        return documents.filter(search_vector=query).annotate(
            rank=SearchRank(F("search_vector"), query)
        )

    def close_word_candidates(self, terms: list[str]) -> list[str]:
        similar = reduce(or_, (Q(word__trigram_similar=term) for term in terms), Q(word__in=terms))
        return list(
            SearchWord.objects.filter(similar).values_list("word", flat=True)[:TRIGRAM_CANDIDATES]
        )


class FoldedTextSearchBackend:
    def match(self, documents: QuerySet, terms: list[str], *, heading: str) -> QuerySet:
        """`heading`: the folded column (a title, a name) whose matches rank first."""
        stems = [light_stem(term) for term in terms]
        for stem in stems:
            documents = documents.filter(text_folded__contains=stem)
        title_hits = [
            Case(When(**{f"{heading}__contains": stem}, then=Value(1.0)), default=Value(0.0))
            for stem in stems
        ]
        return documents.annotate(
            rank=reduce(lambda a, b: a + b, title_hits, Value(0.0, output_field=FloatField()))
        )

    def close_word_candidates(self, terms: list[str]) -> list[str]:
        shortest = min(len(term) for term in terms) - 2
        longest = max(len(term) for term in terms) + 2
        words = SearchWord.objects.order_by("id").values_list("word", flat=True)
        return [word for word in words[:VOCABULARY_LIMIT] if shortest <= len(word) <= longest]


def search_backend():
    if connection.vendor == "postgresql":
        return PostgresSearchBackend()
    return FoldedTextSearchBackend()


def closest_word(term: str, candidates: list[str]) -> str | None:
    """The candidate closest to `term` (difflib's ratio), or None if none is close."""
    if term in candidates:
        return term
    matches = difflib.get_close_matches(term, candidates, n=1, cutoff=CLOSE_WORD_CUTOFF)
    return matches[0] if matches else None
