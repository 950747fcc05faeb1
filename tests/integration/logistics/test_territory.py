"""Cuba's territory is data, loaded by a migration."""

import pytest
from django import forms

from logistics.forms import (
    MunicipalityChoiceField,
    ProvinceChoiceField,
    province_municipality_clean,
)
from logistics.models import Municipality, Province


def test_fifteen_provinces_the_special_municipality_and_168_municipalities(db):
    assert Province.objects.filter(is_special_municipality=False).count() == 15
    special = Province.objects.filter(is_special_municipality=True)
    assert list(special.values_list("name", flat=True)) == ["Isla de la Juventud"]
    assert Municipality.objects.count() == 168


@pytest.mark.parametrize(
    "province, municipalities",
    [
        ("La Habana", 15),
        ("Pinar del Río", 11),
        ("Holguín", 14),
        ("Cienfuegos", 8),
        ("Isla de la Juventud", 1),
    ],
)
def test_municipalities_per_province(db, province, municipalities):
    assert Municipality.objects.filter(province__name=province).count() == municipalities


def test_same_name_in_two_provinces_is_two_municipalities(db):
    # San Luis exists in Pinar del Río and in Santiago de Cuba.
    assert sorted(
        Municipality.objects.filter(name="San Luis").values_list("province__name", flat=True)
    ) == ["Pinar del Río", "Santiago de Cuba"]


class PlaceForm(forms.Form):
    province = ProvinceChoiceField()
    municipality = MunicipalityChoiceField()

    def clean(self):
        cleaned_data = super().clean()
        province_municipality_clean(cleaned_data)
        return cleaned_data


def test_municipality_select_groups_options_by_province_for_use_without_javascript(db):
    html = str(PlaceForm()["municipality"])

    assert '<optgroup label="Pinar del Río">' in html
    assert '<optgroup label="Isla de la Juventud">' in html
    assert html.count("<option") == 169  # 168 and the empty choice
    assert 'data-territory="municipality"' in html


def test_a_municipality_of_another_province_is_refused(db):
    havana = Province.objects.get(name="La Habana")
    trinidad = Municipality.objects.get(name="Trinidad")

    form = PlaceForm(data={"province": havana.pk, "municipality": trinidad.pk})

    assert not form.is_valid()
    assert form.errors["municipality"] == ["Trinidad no está en La Habana."]


def test_an_unknown_municipality_is_refused(db):
    havana = Province.objects.get(name="La Habana")

    form = PlaceForm(data={"province": havana.pk, "municipality": 999999})

    assert form.errors["municipality"] == ["Elija un municipio de la lista."]


def test_a_matching_pair_is_accepted(db):
    playa = Municipality.objects.get(name="Playa")

    form = PlaceForm(data={"province": playa.province_id, "municipality": playa.pk})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["municipality"] == playa
