from shop.sourcing.search import text_fold


def test_folding_drops_accents_case_and_extra_spaces():
    assert text_fold("  Harina de MAÍZ,  Camagüey ") == "harina de maiz, camaguey"


def test_folding_nothing_is_empty():
    assert text_fold("") == ""
    assert text_fold(None) == ""
