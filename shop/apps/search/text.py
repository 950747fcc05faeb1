"""How search reads text: folded (lower case, no accents, letters and digits only), so
"Jabón", "JABON" and "jabon" are one word on every database."""

import re
import unicodedata

MAX_QUERY_TERMS = 8
_NOT_WORD = re.compile(r"[^0-9a-z]+")
MIN_WORD = 3
MAX_WORD = 40


def fold(text: str) -> str:
    """Lower case, accents dropped (ñ becomes n, as PostgreSQL's unaccent does), anything
    but letters and digits turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def query_terms(query: str) -> list[str]:
    """The folded words of a query, at most MAX_QUERY_TERMS of them."""
    return fold(query).split()[:MAX_QUERY_TERMS]


def light_stem(term: str) -> str:
    """Spanish plurals reduced for substring matching: "jabones" finds "jabón",
    "dulces" finds "dulce". PostgreSQL stems properly; this is the SQLite fallback's."""
    if len(term) > 4 and term.endswith("es"):
        return term[:-2]
    if len(term) > 3 and term.endswith("s"):
        return term[:-1]
    return term


def vocabulary_words(*texts: str) -> set[str]:
    """The words of `texts` worth suggesting: folded, 3 to 40 letters, not numbers."""
    return {
        word
        for text in texts
        for word in fold(text).split()
        if MIN_WORD <= len(word) <= MAX_WORD and not word.isdigit()
    }
