"""/search/: what a shopper typing without accents, or with a slip, reads; facets as
links that work without JavaScript; a constant number of queries."""

import re
from decimal import Decimal

import pytest

from logistics.models import Municipality
from tests.factories.catalogue import CategoryFactory, PartnerFactory, ProductFactory
from tests.queries import query_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(db):
    food = CategoryFactory(name="Alimentos")
    hygiene = CategoryFactory(name="Higiene y belleza")
    havana = PartnerFactory(name="Café Serrano", code="cafe-serrano")
    isla = PartnerFactory(
        name="Jabonería Natural Isla",
        code="jaboneria",
        vendor__municipality=Municipality.objects.get(name="Isla de la Juventud"),
    )
    ProductFactory(
        title="Café molido tostado medio, 500 g",
        categories=[food],
        stockrecord__partner=havana,
        stockrecord__price=Decimal("250.00"),
    )
    ProductFactory(
        title="Jabón de coco artesanal, 150 g",
        categories=[hygiene],
        stockrecord__partner=isla,
        stockrecord__price=Decimal("120.00"),
    )
    return {"food": food, "hygiene": hygiene, "havana": havana, "isla": isla}


def titles(response) -> list[str]:
    return [product.title for product in response.context["products"]]


def test_cafe_and_jabon_without_accents_find_cafe_and_jabon(client, catalogue):
    assert titles(client.get("/search/", {"q": "cafe"})) == ["Café molido tostado medio, 500 g"]
    assert titles(client.get("/search/", {"q": "jabon"})) == ["Jabón de coco artesanal, 150 g"]


def test_a_slip_shows_what_was_meant_with_a_link_to_it(client, catalogue):
    response = client.get("/search/", {"q": "artesanl"})

    html = response.content.decode()
    assert titles(response) == ["Jabón de coco artesanal, 150 g"]
    assert 'Nada coincide con "artesanl".' in html
    assert '¿Quiso decir <a href="/search/?q=artesanal">artesanal</a>?' in html
    assert 'href="?q=artesanal&amp;vendor=jaboneria"' in html  # facets follow what is shown


def test_the_suggestion_speaks_english_on_the_english_site(client, catalogue):
    html = client.get("/en/search/", {"q": "artesanl"}).content.decode()

    assert 'Did you mean <a href="/en/search/?q=artesanal">artesanal</a>?' in html


def test_nothing_close_says_no_products_and_suggests_nothing(client, catalogue):
    response = client.get("/search/", {"q": "tractor"})

    assert titles(response) == []
    assert response.context["suggestion"] == ""
    assert "Quiso decir" not in response.content.decode()


def test_facets_are_links_with_counts_that_follow_the_query(client, catalogue):
    response = client.get("/search/", {"q": "cafe"})

    html = response.content.decode()
    facets = response.context["facets"]
    assert [(f.label, f.count) for f in facets["category"]] == [("Alimentos", 1)]
    assert [(f.label, f.count) for f in facets["vendor"]] == [("Café Serrano", 1)]
    assert [(f.label, f.count) for f in facets["province"]] == [("La Habana", 1)]
    assert [(f.label, f.count) for f in facets["actor_type"]] == [("MIPYME privada", 1)]
    assert [(f.value, f.count) for f in facets["price"]] == [("100-500", 1)]
    assert 'href="?q=cafe&amp;province=la-habana"' in html
    assert 'href="?q=cafe&amp;price=100-500"' in html


def test_a_facet_link_narrows_the_results(client, catalogue):
    hygiene = catalogue["hygiene"]

    assert titles(client.get("/search/", {"category": hygiene.pk})) == [
        "Jabón de coco artesanal, 150 g"
    ]
    assert titles(client.get("/search/", {"vendor": "cafe-serrano"})) == [
        "Café molido tostado medio, 500 g"
    ]
    assert titles(client.get("/search/", {"province": "la-habana", "q": "jabon"})) == []
    assert titles(client.get("/search/", {"price": "100-500", "q": "coco"})) == [
        "Jabón de coco artesanal, 150 g"
    ]


def test_search_queries_do_not_grow_with_results_or_facet_values(client, catalogue):
    few = query_count(client, "/search/?q=artesanal")
    for number in range(20):
        category = CategoryFactory(name=f"Artesanía {number}")
        store = PartnerFactory(name=f"Taller {number}", code=f"taller-{number}")
        ProductFactory(
            title=f"Cesta artesanal {number}",
            categories=[category],
            stockrecord__partner=store,
            stockrecord__price=Decimal(100 * number + 50),
        )
    many = query_count(client, "/search/?q=artesanal")
    filtered = query_count(client, f"/search/?q=artesanal&category={category.pk}")
    misspelt = query_count(client, "/search/?q=artesanl")

    assert many == few <= 12
    assert filtered <= 12
    assert misspelt <= 12


def test_a_facet_shows_its_ten_most_frequent_values_and_a_link_to_all(client, catalogue):
    for number in range(12):
        store = PartnerFactory(name=f"Taller {number:02}", code=f"taller-{number:02}")
        for _copy in range(1 + number % 3):
            ProductFactory(title=f"Cesta artesanal {number}", stockrecord__partner=store)
    asked = {"q": "artesanal", "vendor": "taller-09"}  # one product: not among the ten

    response = client.get("/search/", asked)
    shown_all = client.get("/search/", {**asked, "mostrar": "vendor"}).content.decode()

    html = response.content.decode()
    assert len(response.context["facets"]["vendor"]) == 13  # twelve workshops and the soap's
    # Four with three products, four with two, then by name: the soap's store, Taller 00.
    assert store_links(html) == {f"taller-{n:02}" for n in (0, 1, 2, 4, 5, 7, 8, 10, 11)}
    assert "<strong>Taller 09</strong>" in html  # the chosen one stays
    assert 'href="?q=artesanal&amp;vendor=taller-09&amp;mostrar=vendor#vendor-facet">' in html
    assert "Ver 2 más" in html
    assert store_links(shown_all) == {f"taller-{n:02}" for n in range(12)} - {"taller-09"}
    assert "más</a>" not in shown_all


def store_links(html: str) -> set[str]:
    """The stores the vendor facet links to (its links add only `vendor` to the query)."""
    return set(re.findall(r'href="\?q=artesanal&amp;vendor=(taller-\d\d)"', html))
