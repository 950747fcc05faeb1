"""The public pages, in Spanish (no prefix) and English (/en/)."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.queries import query_count

Basket = get_model("basket", "Basket")

SPANISH = {
    "prefix": "",
    "home": "Todo lo que Cuba produce",
    "all": "Todos los productos",
    "add": "Añadir al carrito",
    "sold_by": "Vendido por",
    "price_250": "250,00 CUP",
    "price_500": "500,00 CUP",
}
# Oscar's English catalogue says "cart" where its source strings say "basket".
ENGLISH = {
    "prefix": "/en",
    "home": "Everything Cuba produces",
    "all": "All products",
    "add": "Add to cart",
    "sold_by": "Sold by",
    "price_250": "250.00 CUP",
    "price_500": "500.00 CUP",
}
LANGUAGES = pytest.mark.parametrize("lang", [SPANISH, ENGLISH], ids=["es", "en"])


def url(lang, path: str) -> str:
    return f"{lang['prefix']}{path}"


@LANGUAGES
def test_home_lists_categories_stores_and_newest_products(client, lang, catalogue_from_two_stores):
    response = client.get(url(lang, "/"))

    html = response.content.decode()
    assert response.status_code == 200
    assert lang["home"] in html
    assert "Alimentos" in html
    assert "Dulces Guayabita" in html and "CPA La Esperanza" in html
    assert "Café molido tostado medio" in html
    assert 'id="language_switcher"' in html


@LANGUAGES
def test_catalogue_lists_products_of_every_store(client, lang, catalogue_from_two_stores):
    response = client.get(url(lang, "/catalogue/"))

    html = response.content.decode()
    assert response.status_code == 200
    assert lang["all"] in html
    assert [p.title for p in response.context["products"]] == [
        "Miel de abejas, 1 l",
        "Café molido tostado medio, 500 g",
    ]
    assert f'<a href="{lang["prefix"]}/tiendas/guayabita/">Dulces Guayabita</a> · Playa' in html
    assert f'<a href="{lang["prefix"]}/tiendas/esperanza/">CPA La Esperanza</a> · Playa' in html
    assert lang["add"] in html


def test_catalogue_hides_non_public_products(client, coffee):
    coffee.is_public = False
    coffee.save()

    response = client.get("/catalogue/")

    assert list(response.context["products"]) == []


def test_catalogue_sorts_by_price(client, catalogue_from_two_stores):
    coffee, honey = catalogue_from_two_stores
    honey.stockrecords.update(price=900)
    coffee.stockrecords.update(price=300)

    cheapest_first = client.get("/catalogue/?sort_by=price-asc").context["products"]
    dearest_first = client.get("/catalogue/?sort_by=price-desc").context["products"]

    assert list(cheapest_first) == [coffee, honey]
    assert list(dearest_first) == [honey, coffee]


def test_catalogue_bad_page_redirects_to_first_page_with_message(client, coffee):
    response = client.get("/catalogue/?page=99", follow=True)

    assert response.redirect_chain == [("/catalogue/", 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "La página solicitada no existe; le mostramos la primera."
    ]


def test_catalogue_query_count_does_not_grow_with_products(client, store, food_category):
    from tests.factories import ProductFactory

    ProductFactory.create_batch(3, categories=[food_category], stockrecord__partner=store)
    few = query_count(client, "/catalogue/")
    ProductFactory.create_batch(30, categories=[food_category], stockrecord__partner=store)
    many = query_count(client, "/catalogue/")

    assert many == few
    assert few <= 15


@LANGUAGES
def test_category_page_lists_products_in_category_and_its_children(client, lang, store):
    from tests.factories import CategoryFactory, ProductFactory

    food = CategoryFactory(name="Alimentos")
    coffee_category = CategoryFactory(name="Café y cacao", parent=food)
    tools = CategoryFactory(name="Herramientas")
    coffee = ProductFactory(
        title="Café en grano", categories=[coffee_category], stockrecord__partner=store
    )
    ProductFactory(title="Machete", categories=[tools], stockrecord__partner=store)

    with translation.override("en" if lang is ENGLISH else "es"):
        path = food.get_absolute_url()
    response = client.get(path)

    assert response.status_code == 200
    assert list(response.context["products"]) == [coffee]
    assert "Alimentos" in response.content.decode()


def test_category_url_with_old_slug_redirects_permanently(client, food_category):
    response = client.get(f"/catalogue/category/old-name_{food_category.pk}/")

    assert response.status_code == 301
    assert response["Location"] == food_category.get_absolute_url()


@LANGUAGES
def test_product_page_shows_price_in_cup_and_add_to_basket(client, lang, coffee):
    with translation.override("en" if lang is ENGLISH else "es"):
        path = coffee.get_absolute_url()
    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert path.startswith(url(lang, "/catalogue/"))
    assert "Café molido tostado medio, 500 g" in html
    assert lang["price_250"] in html
    assert lang["add"] in html


@LANGUAGES
def test_search_finds_products_by_every_word(client, lang, catalogue_from_two_stores):
    response = client.get(url(lang, "/search/"), {"q": "café molido"})

    assert response.status_code == 200
    assert [p.title for p in response.context["products"]] == ["Café molido tostado medio, 500 g"]
    assert "Dulces Guayabita" in response.content.decode()


def test_search_matches_description_too(client, catalogue_from_two_stores):
    response = client.get("/search/", {"q": "descripción"})

    assert len(response.context["products"]) == 2


def test_search_without_matches_says_so(client, catalogue_from_two_stores):
    response = client.get("/search/", {"q": "tractor"})

    assert response.status_code == 200
    assert list(response.context["products"]) == []
    assert "No se encontraron productos" in response.content.decode()


def test_search_with_overlong_query_is_refused_gracefully(client, coffee):
    response = client.get("/search/", {"q": "café " * 100})

    assert response.status_code == 200
    assert list(response.context["products"]) == [coffee]


@LANGUAGES
def test_basket_add_update_and_remove(client, lang, coffee):
    stockrecord = coffee.stockrecords.get()
    add_url = url(lang, reverse("basket:add", kwargs={"pk": coffee.pk}).removeprefix("/en"))

    added = client.post(add_url, {"quantity": 2}, follow=True)

    basket = Basket.objects.get()
    assert added.status_code == 200
    assert [(line.product, line.stockrecord, line.quantity) for line in basket.lines.all()] == [
        (coffee, stockrecord, 2)
    ]
    basket_page = client.get(url(lang, "/basket/"))
    assert "Café molido tostado medio" in basket_page.content.decode()
    assert lang["price_500"] in basket_page.content.decode()

    formset = basket_page.context["formset"]
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(formset.forms[0].instance.pk),
        "form-0-quantity": "3",
    }
    client.post(url(lang, "/basket/"), data, follow=True)
    assert basket.lines.get().quantity == 3

    data["form-0-quantity"] = "0"
    client.post(url(lang, "/basket/"), data, follow=True)
    assert basket.lines.count() == 0


def test_basket_refuses_more_than_in_stock(client, coffee):
    response = client.post(
        reverse("basket:add", kwargs={"pk": coffee.pk}), {"quantity": 11}, follow=True
    )

    assert Basket.objects.filter(lines__isnull=False).count() == 0
    messages = [str(m) for m in response.context["messages"]]
    assert any("10" in m for m in messages), messages


def test_language_switcher_moves_to_the_english_page(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/catalogue/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/catalogue/"
