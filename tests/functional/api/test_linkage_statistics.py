"""The linkage statistics in the API are the open data of /encadenamientos/: the same
figures, no amounts, small cells suppressed, for anybody, at a constant cost."""

import json

import pytest
from django.test import Client

from logistics.models import Municipality
from tests.factories import PartnerFactory
from tests.factories.linkages import actors
from tests.functional.api.conftest import api_client
from tests.functional.linkages.test_linkages_pages import confirmed_deals
from tests.queries import query_count

pytestmark = pytest.mark.django_db
URL = "/api/v1/encadenamientos/"


def test_the_api_gives_the_open_data_figures_without_amounts_or_names():
    world = actors()
    confirmed_deals(world, 3)
    town = PartnerFactory(
        name="TCP Holguín", vendor__municipality=Municipality.objects.get(name="Holguín")
    ).vendor
    confirmed_deals(world, 1, seller=town)

    response = api_client().get(URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    open_data = json.loads(Client().get("/encadenamientos/datos.json").content)
    assert body["suppressed_below"] == open_data["suppressed_below"] == 3
    assert body["figures"] == open_data["figures"]
    total = body["figures"][0]
    assert (total["scope"], total["deals"], total["suppressed"]) == ("total", 4, False)
    provinces = {
        (row["from_label"], row["to_label"]): (row["deals"], row["suppressed"])
        for row in body["figures"]
        if row["scope"] == "provinces"
    }
    assert provinces[("Artemisa", "La Habana")] == (3, False)
    assert provinces[("Holguín", "La Habana")] == (None, True)
    text = json.dumps(body, ensure_ascii=False)
    assert world["bakery"].nit not in text and "Panadería" not in text
    assert "amount" not in text


def test_the_statistics_cost_the_same_queries_however_many_deals():
    world = actors()
    confirmed_deals(world, 2)
    few = query_count(api_client(), URL)
    cooperative = PartnerFactory(
        name="CPA Las Tunas", vendor__municipality=Municipality.objects.get(name="Puerto Padre")
    ).vendor
    confirmed_deals(world, 12, seller=cooperative)

    assert query_count(api_client(), URL) == few


def test_the_statistics_are_in_the_schema():
    schema = api_client().get("/api/v1/schema/?format=json").json()

    operation = schema["paths"][URL]["get"]
    assert operation["tags"] == ["linkages"]
    assert "200" in operation["responses"]
