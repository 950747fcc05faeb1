"""The API's directory of actors filters as /actores/ does: by what they need too."""

import pytest
from oscar.core.loading import get_model

from tests.factories import PartnerFactory
from tests.factories.linkages import actors
from tests.functional.api.conftest import api_client
from vendors.models import Sector

pytestmark = pytest.mark.django_db
URL = "/api/v1/stores/"


def slugs(query: str) -> list[str]:
    response = api_client().get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    return [store["slug"] for store in response.json()["results"]]


def test_the_directory_lists_the_actors_that_need_a_sector():
    world = actors()
    food = Sector.objects.get(slug="alimentos-y-bebidas")
    world["bakery"].need_sectors.add(food)
    PartnerFactory(name="Otra panadería", code="otra-panaderia")

    assert slugs("need=alimentos-y-bebidas") == [world["bakery"].slug]
    # Who needs food and sells it: nobody here (the farm sells it and needs nothing).
    assert slugs("need=alimentos-y-bebidas&sector=alimentos-y-bebidas") == []
    assert slugs("need=no-existe") == []
    assert len(slugs("")) == 3


def test_an_entry_says_what_the_actor_offers_and_needs():
    world = actors()
    bakery = world["bakery"]
    flour = get_model("catalogue", "Category").add_root(name="Harinas", slug="harinas")
    bakery.need_sectors.add(Sector.objects.get(slug="alimentos-y-bebidas"))
    bakery.need_categories.add(flour)
    bakery.offer_categories.add(get_model("catalogue", "Category").add_root(name="Panes"))
    bakery.offer_text = "Pan de flauta y de molde cada mañana."
    bakery.need_text = "Harina de trigo, 2 t al mes."
    bakery.capacity = "400 panes al día"
    bakery.certifications = "Registro sanitario"
    bakery.save()

    response = api_client().get(f"{URL}{bakery.slug}/")
    listed = api_client().get(f"{URL}?need=alimentos-y-bebidas").json()["results"]

    entry = response.json()
    assert entry["needs"] == {
        "sectors": ["alimentos-y-bebidas"],
        "categories": ["harinas"],
        "text": "Harina de trigo, 2 t al mes.",
    }
    assert entry["offers"] == {
        "sectors": [],
        "categories": ["panes"],
        "text": "Pan de flauta y de molde cada mañana.",
    }
    assert entry["capacity"] == "400 panes al día"
    assert entry["certifications"] == "Registro sanitario"
    assert listed == [entry]
    farm = api_client().get(f"{URL}{world['farm'].slug}/").json()
    assert farm["offers"]["sectors"] == ["alimentos-y-bebidas"]
    assert farm["needs"] == {"sectors": [], "categories": [], "text": ""}


def test_the_schema_documents_the_need_filter():
    schema = api_client().get("/api/v1/schema/?format=json").json()

    parameters = {
        parameter["name"]: parameter for parameter in schema["paths"][URL]["get"]["parameters"]
    }
    assert parameters["need"]["in"] == "query"
    assert parameters["need"]["schema"] == {"type": "string"}
    assert "need" in parameters["need"]["description"]
