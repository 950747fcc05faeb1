"""The search engine on the database the suite runs on (SQLite by default, PostgreSQL
with DATABASE_URL): the same answers from both."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.apps.search.engine import ProductSearchFilters, product_search, query_suggestion
from shop.apps.search.forms import ProductSort
from tests.factories.catalogue import ProductFactory
from vendors.models import VendorStatus

pytestmark = pytest.mark.django_db


def titles(result) -> list[str]:
    return [document.title for document in result.documents]


def search(query: str = "", **filters):
    return product_search(filters=ProductSearchFilters(query=query, **filters))


@pytest.mark.parametrize("query", ["cafe", "CAFÉ", "Café", "cafe molido"])
def test_accents_and_case_do_not_matter(catalogue, query):
    assert "Café molido tostado medio, 500 g" in titles(search(query))


@pytest.mark.parametrize("query", ["jabon", "JABÓN", "jabones"])
def test_jabon_finds_jabon_with_its_accent_and_its_plural(catalogue, query):
    assert titles(search(query)) == ["Jabón de coco artesanal, 150 g"]


def test_a_match_in_the_title_ranks_above_one_in_the_description(catalogue):
    result = search("cafe")

    assert titles(result) == ["Café molido tostado medio, 500 g", "Taza de barro, 250 ml"]
    assert result.count == 2


def test_every_word_must_match_somewhere_in_title_category_store_or_place(catalogue):
    assert titles(search("jabon isla")) == ["Jabón de coco artesanal, 150 g"]
    assert titles(search("taza alimentos serrano")) == ["Taza de barro, 250 ml"]
    assert titles(search("jabon habana")) == []


def test_a_misspelling_finds_what_was_meant_and_says_so(catalogue):
    result = search("artesanl")

    assert result.suggestion == "artesanal"
    assert result.query == "artesanal"
    assert titles(result) == ["Jabón de coco artesanal, 150 g"]


def test_nothing_close_suggests_nothing(catalogue):
    result = search("xqzwv")

    assert (result.count, result.suggestion, titles(result)) == (0, "", [])
    assert query_suggestion(query="cafe") == ""


def test_facets_count_what_the_query_finds(catalogue):
    facets = search("cafe").facets

    assert [(f.label, f.count) for f in facets["category"]] == [("Alimentos", 2)]
    assert [(f.value, f.count) for f in facets["vendor"]] == [("cafe-serrano", 2)]
    assert [(f.value, f.count) for f in facets["province"]] == [("la-habana", 2)]
    assert [(f.value, f.count) for f in facets["price"]] == [("100-500", 1), ("500-1000", 1)]
    assert [f.value for f in facets["actor_type"]] == ["mipyme_privada"]


def test_a_chosen_facet_narrows_the_others_but_keeps_its_own_choices(catalogue):
    result = search("", price="100-500")

    assert titles(result) == ["Jabón de coco artesanal, 150 g", "Café molido tostado medio, 500 g"]
    facets = result.facets
    assert [(f.value, f.count, f.selected) for f in facets["price"]] == [
        ("100-500", 2, True),
        ("500-1000", 1, False),
    ]
    assert sorted((f.label, f.count) for f in facets["category"]) == [
        ("Alimentos", 1),
        ("Higiene y belleza", 1),
    ]


def test_with_two_filters_each_facet_counts_what_meets_the_other(catalogue):
    """La Habana and 100–500: each facet counts the products that meet the other filter;
    the mug (La Habana, 800) meets only the province, the soap (Isla, 120) only the price."""
    result = search("", province="la-habana", price="100-500")

    assert (titles(result), result.count) == (["Café molido tostado medio, 500 g"], 1)
    facets = result.facets
    assert [(f.value, f.count) for f in facets["price"]] == [("100-500", 1), ("500-1000", 1)]
    assert sorted((f.value, f.count) for f in facets["province"]) == [
        ("isla-de-la-juventud", 1),
        ("la-habana", 1),
    ]
    assert [(f.value, f.count) for f in facets["vendor"]] == [("cafe-serrano", 1)]
    assert [(f.label, f.count) for f in facets["category"]] == [("Alimentos", 1)]
    assert [(f.value, f.count) for f in facets["actor_type"]] == [("mipyme_privada", 1)]


def test_filters_by_category_province_store_actor_type_and_price(catalogue, food):
    assert result_titles(category_path=food.path, category_id=str(food.pk)) == [
        "Taza de barro, 250 ml",
        "Café molido tostado medio, 500 g",
    ]
    assert result_titles(province="isla-de-la-juventud") == ["Jabón de coco artesanal, 150 g"]
    assert result_titles(vendor="jaboneria") == ["Jabón de coco artesanal, 150 g"]
    assert result_titles(actor_type="pdl") == ["Jabón de coco artesanal, 150 g"]
    assert result_titles(price="500-1000") == ["Taza de barro, 250 ml"]


def result_titles(**filters) -> list[str]:
    return titles(search("", **filters))


def test_sorting_by_price(catalogue):
    result = product_search(filters=ProductSearchFilters(), sort=ProductSort.PRICE_HIGH_TO_LOW)

    assert titles(result) == [
        "Taza de barro, 250 ml",
        "Café molido tostado medio, 500 g",
        "Jabón de coco artesanal, 150 g",
    ]


def test_a_suspended_store_disappears_from_search_at_once(catalogue, isla_store):
    isla_store.vendor.status = VendorStatus.SUSPENDED
    isla_store.vendor.save()

    assert titles(search("jabon")) == []


def test_facet_counts_are_kept_until_the_index_changes(catalogue, habana_store, food):
    assert search("cafe").count == 2
    with CaptureQueriesContext(connection) as asked_again:
        assert search("cafe").count == 2
    ProductFactory(title="Café en grano", categories=[food], stockrecord__partner=habana_store)

    assert len(asked_again.captured_queries) == 0  # the page's own query runs when sliced
    assert [(f.label, f.count) for f in search("cafe").facets["category"]] == [("Alimentos", 3)]


def test_a_page_of_results_is_kept_until_the_index_changes(catalogue, habana_store, food):
    assert search("café").product_ids[:24] == [catalogue["coffee"].pk, catalogue["mug"].pk]
    with CaptureQueriesContext(connection) as asked_again:
        again = search("cafe")  # the same words, folded: the same page
        assert again.product_ids[:24] == [catalogue["coffee"].pk, catalogue["mug"].pk]
    beans = ProductFactory(
        title="Café en grano", categories=[food], stockrecord__partner=habana_store
    )

    assert len(asked_again.captured_queries) == 0
    assert beans.pk in search("cafe").product_ids[:24]
    assert len(search("cafe").product_ids) == 3


def test_a_suggestion_is_kept_until_the_index_changes(catalogue):
    assert search("artesanl").suggestion == "artesanal"
    with CaptureQueriesContext(connection) as asked_again:
        assert search("artesanl").suggestion == "artesanal"

    assert len(asked_again.captured_queries) == 0
