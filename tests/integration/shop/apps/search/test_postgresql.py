"""PostgreSQL's side of search: the es_unaccent configuration, weighted vectors under
GIN indexes, trigram similarity for slips."""

import re

import pytest
from django.db import connection

from shop.apps.search.backends import PostgresSearchBackend
from shop.apps.search.engine import ProductSearchFilters, product_search
from shop.apps.search.models import ProductSearchDocument

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def sql_value(sql: str, *params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def test_es_unaccent_stems_spanish_words_without_their_accents():
    assert sql_value("SELECT to_tsvector('es_unaccent', %s)::text", "Cafés JABÓN artesanales") == (
        "'artesanal':3 'caf':1 'jabon':2"
    )


def test_the_title_carries_the_heaviest_weight(catalogue):
    vector = ProductSearchDocument.objects.get(pk=catalogue["soap"].pk).search_vector

    weights = {
        lexeme: positions[-1] if positions[-1].isalpha() else "D"
        for lexeme, positions in re.findall(r"'(\w+)':([\w,]+)", vector)
    }
    # Title A; category and store B; description C; places D (PostgreSQL omits D).
    assert [weights[word] for word in ("jabon", "higien", "jaboneri", "man", "juventud")] == [
        "A",
        "B",
        "B",
        "C",
        "D",
    ]


def test_a_document_keeps_its_text_in_the_vector_only(catalogue):
    """The folded text is what SQLite searches; on PostgreSQL it would only widen every
    row a search reads."""
    document = ProductSearchDocument.objects.get(pk=catalogue["soap"].pk)

    assert document.text_folded == ""
    assert "jabon" in document.search_vector


def test_matching_uses_the_gin_index():
    plan = "\n".join(
        row[0]
        for row in _explain(
            "SET LOCAL enable_seqscan = off; EXPLAIN SELECT product_id "
            "FROM search_productsearchdocument "
            "WHERE search_vector @@ to_tsquery('es_unaccent', 'cafe:*')"
        )
    )
    assert "search_doc_vector" in plan


def _explain(sql: str):
    with connection.cursor() as cursor:
        statements = sql.split("; ")
        for statement in statements[:-1]:
            cursor.execute(statement)
        cursor.execute(statements[-1])
        return cursor.fetchall()


def test_prefixes_match_while_typing(catalogue):
    result = product_search(filters=ProductSearchFilters(query="artes"))

    assert [document.title for document in result.documents] == ["Jabón de coco artesanal, 150 g"]


def test_trigrams_find_close_words_of_the_vocabulary(catalogue):
    candidates = PostgresSearchBackend().close_word_candidates(["artesanl", "jabn"])

    assert "artesanal" in candidates and "jabon" in candidates
