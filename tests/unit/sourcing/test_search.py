from shop.apps.search.text import fold, query_terms


def test_a_request_is_folded_as_products_are_accents_case_and_extra_spaces_dropped():
    assert fold("  Harina de MAÍZ,  Camagüey ") == "harina de maiz camaguey"


def test_folding_nothing_is_empty():
    assert fold("") == ""
    assert query_terms("   ") == []
