"""/mapa/: one path per province; a chosen province drawn enlarged among its neighbours
with its municipalities as circles (area by actors, darker with deals) linking to their
actors with the filters kept, and the stores at the precise place they gave; the data's
credit line; a constant number of queries however many actors, deals and towns."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from logistics.models import Municipality
from shop.linkages.map import map_projection
from tests.factories import PartnerFactory
from tests.factories.linkages import actors, confirmed_deals
from tests.queries import query_count
from vendors.models import ActorType

pytestmark = pytest.mark.django_db
CREDIT = "Límites: Natural Earth. Cabeceras municipales: GeoNames (CC BY 4.0)"
ARTEMISA_TOWNS = 11  # every one with its seat on the map


@pytest.fixture
def world():
    return actors()  # a CCS farm in Artemisa (Artemisa), a bakery in Playa (La Habana)


def svg(url: str) -> str:
    page = Client().get(url).content.decode()
    return page.split("<svg", 1)[1].split("</svg>", 1)[0]


def circles(drawing: str) -> dict[str, dict]:
    """The municipalities' circles by their title, with their link, class and radius."""
    found = {}
    for href, title, attributes in re.findall(
        r'<a href="([^"]+)"><title>([^<]+)</title><circle ([^>]+)>', drawing
    ):
        values = dict(re.findall(r'(\w+)="([^"]*)"', attributes))
        found[title] = {"href": href, "class": values["class"], "r": float(values["r"])}
    return found


def cpa(name: str, town: str, **vendor):
    return PartnerFactory(
        name=name,
        vendor__actor_type=ActorType.CPA,
        vendor__municipality=Municipality.objects.get(name=town),
        **{f"vendor__{field}": value for field, value in vendor.items()},
    ).vendor


def test_the_whole_map_has_one_path_per_province_linking_to_it(world):
    drawing = svg("/mapa/?tipo=ccs")

    assert drawing.count("<path ") == 16 and "<circle" not in drawing
    provinces = re.findall(
        r'<a href="\?tipo=ccs&amp;provincia=([a-z-]+)#actores" aria-label=', drawing
    )
    assert len(set(provinces)) == 16
    assert 'aria-label="Artemisa — actores: 1, negocios: 0"><path d="M' in drawing
    page = Client().get("/mapa/").content.decode()
    assert CREDIT in page and "amCharts" not in page


def test_a_province_is_drawn_enlarged_with_its_towns_as_circles_by_actors_and_deals(world):
    confirmed_deals(world, 2)
    for index in range(3):
        cpa(f"CPA Bauta {index}", "Bauta")

    whole = svg("/mapa/")
    drawing = svg("/mapa/?provincia=artemisa")

    neighbours = re.findall(r'aria-label="([^"]+) — actores: \d+, negocios: \d+"><path', drawing)
    assert neighbours == ["Pinar del Río", "La Habana", "Mayabeque", "Artemisa"]  # chosen last
    assert drawing.count('class="around"') == 3 and drawing.count('class="chosen"') == 1
    viewbox = re.search(r'viewBox="([-\d ]+)"', drawing).group(1)
    assert viewbox != re.search(r'viewBox="([-\d ]+)"', whole).group(1)
    towns = circles(drawing)
    assert len(towns) == ARTEMISA_TOWNS
    farm = towns["Artemisa — actores: 1, negocios: 2"]
    bauta = towns["Bauta — actores: 3, negocios: 0"]
    mariel = towns["Mariel — actores: 0, negocios: 0"]
    assert (farm["class"], bauta["class"], mariel["class"]) == ("town deals", "town", "town empty")
    assert bauta["r"] > farm["r"] > mariel["r"]
    assert bauta["href"] == "?provincia=artemisa&amp;municipio=bauta#actores"


def test_the_circles_count_under_the_filters_and_their_links_keep_them(world):
    confirmed_deals(world, 2)
    cpa("CPA Bauta", "Bauta")

    drawing = svg("/mapa/?tipo=cpa&sector=alimentos-y-bebidas&provincia=artemisa&municipio=bauta")

    towns = circles(drawing)
    assert towns["Bauta — actores: 0, negocios: 0"] == {
        "href": "?tipo=cpa&amp;sector=alimentos-y-bebidas&amp;provincia=artemisa"
        "&amp;municipio=bauta#actores",
        "class": "town empty chosen",
        "r": towns["Bauta — actores: 0, negocios: 0"]["r"],
    }
    assert "Artemisa — actores: 0, negocios: 0" in towns  # the farm is a CCS
    ccs = circles(svg("/mapa/?tipo=ccs&provincia=artemisa"))
    assert ccs["Artemisa — actores: 1, negocios: 2"]["class"] == "town deals"
    assert ccs["Artemisa — actores: 1, negocios: 2"]["href"].startswith("?tipo=ccs&amp;")


def test_stores_that_gave_their_precise_place_are_points_linking_to_their_page(world):
    farm = world["farm"]
    farm.latitude, farm.longitude = Decimal("22.81384"), Decimal("-82.75944")
    farm.save()
    cpa("CPA sin lugar", "Bauta")
    cpa("CPA habanera", "Cerro", latitude=Decimal("23.12000"), longitude=Decimal("-82.38000"))

    drawing = svg("/mapa/?provincia=artemisa")

    x, y = map_projection().point(-82.75944, 22.81384)
    points = re.findall(
        r'<a href="([^"]+)"><title>([^<]+)</title><circle cx="(\d+)" cy="(\d+)" r="[\d.]+" '
        r'class="store"/>',
        drawing,
    )
    assert points == [("/tiendas/finca-el-mango/", "Finca El Mango", str(round(x)), str(round(y)))]
    assert 'class="store"' not in svg("/mapa/")
    assert "Finca El Mango" in svg("/mapa/?provincia=artemisa&tipo=ccs")
    assert "Finca El Mango" not in svg("/mapa/?provincia=artemisa&tipo=cpa")


def test_a_town_whose_seat_is_unknown_is_only_in_the_table(world):
    page = Client().get("/mapa/?provincia=la-habana").content.decode()

    drawing = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "Playa —" not in drawing and "Cerro — actores: 0, negocios: 0" in drawing
    table = page.split('class="table table-sm map-towns"')[1].split("</table>")[0]
    assert re.search(
        r">Playa</a> <span class=\"meta\" title=\"No está en el mapa\">\*</span>", table
    )
    assert (
        "* No está en el mapa: los datos del mapa no traen la cabecera de este municipio." in page
    )


def test_the_map_costs_the_same_queries_however_many_actors_deals_towns_and_stores(world):
    urls = (
        "/mapa/",
        "/mapa/?provincia=artemisa",
        "/mapa/?tipo=cpa&provincia=artemisa&municipio=bauta",
    )
    confirmed_deals(world, 1)
    cpa("CPA de Bauta", "Bauta")  # a page of actors to list: an empty one costs a query less
    few = [query_count(Client(), url) for url in urls]
    for index, town in enumerate(("Bauta", "Mariel", "Caimito", "Cerro", "Güines", "Bauta")):
        cpa(f"CPA {index}", town)
    bauta = cpa(
        "CPA con lugar", "Bauta", latitude=Decimal("22.90000"), longitude=Decimal("-82.50000")
    )
    cpa("CPA con lugar 2", "Mariel", latitude=Decimal("22.99000"), longitude=Decimal("-82.75000"))
    confirmed_deals(world, 3, seller=bauta)

    many = [query_count(Client(), url) for url in urls]

    assert many == few
    assert "CPA con lugar" in svg("/mapa/?provincia=artemisa")


def test_a_province_map_draws_a_bounded_number_of_stores(world, monkeypatch):
    monkeypatch.setattr("shop.linkages.map.STORE_POINTS", 2)
    for index in range(3):
        cpa(f"CPA {index}", "Bauta", latitude=Decimal("22.90000"), longitude=Decimal("-82.50000"))

    drawing = svg("/mapa/?provincia=artemisa")

    assert drawing.count('class="store"') == 2
    assert "CPA 0" in drawing and "CPA 1" in drawing and "CPA 2" not in drawing
