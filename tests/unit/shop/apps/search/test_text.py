from shop.apps.search.text import MAX_QUERY_TERMS, fold, light_stem, query_terms, vocabulary_words


def test_folding_drops_accents_case_and_punctuation():
    assert fold("Café molido, JABÓN de Ñame — ¡Oferta! 500g") == (
        "cafe molido jabon de name oferta 500g"
    )


def test_a_query_is_at_most_eight_folded_words():
    assert query_terms("  Café  " * 20) == ["cafe"] * MAX_QUERY_TERMS
    assert query_terms("¿¡!?") == []


def test_plurals_are_reduced_for_substring_matching():
    assert [light_stem(word) for word in ("jabones", "dulces", "cafes", "miel", "sol")] == [
        "jabon",
        "dulc",
        "caf",
        "miel",
        "sol",
    ]


def test_the_vocabulary_keeps_words_not_numbers_nor_short_ones():
    assert vocabulary_words("Café de 500 g", "Artesanal y rico") == {
        "cafe",
        "artesanal",
        "rico",
    }
