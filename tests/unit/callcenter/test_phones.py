import pytest

from shop.callcenter.phones import phone_normalise


@pytest.mark.parametrize(
    "text",
    [
        "+53 5 123 4567",
        "+5351234567",
        "53 51234567",
        "5351234567",
        "0053 5 123 4567",
        "0053-5123-4567",
        "5123 4567",
        "5123-4567",
        "(+53) 5123 4567",
        "51234567",
    ],
)
def test_every_common_cuban_format_becomes_e164(text):
    assert phone_normalise(text) == "+5351234567"


def test_a_havana_landline_with_its_area_code():
    assert phone_normalise("7 836 1234") == "+5378361234"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ana",
        "1234",
        "+1 305 555 0101",
        "53 5123 456",
        "ana@example.test",
        "100042-2",
        "F2026-000001",
    ],
)
def test_what_is_not_a_cuban_number_is_none(text):
    assert phone_normalise(text) is None
