"""Whole pages for visitors without a session (shop/storefront/page_cache.py): a second
anonymous request for a shopper page runs no query and gets the page the view rendered, with
its own CSRF token; nobody with a session, a basket or a sign-in is served a kept page or
has theirs kept; and every change a page shows is on the next request."""

import gzip
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.test import Client
from django.urls import reverse

from shop.demo.management.commands.bench_checkout import tasks_kept
from shop.storefront.csrf import CSRF_STAND_IN
from tests.factories import CategoryFactory, ProductFactory, UserFactory
from tests.factories.trust import verified
from tests.functional.checkout.flow import basket_add
from vendors.inventory.stock import stock_set
from vendors.models import Sector, StockMovementReason

pytestmark = pytest.mark.django_db

TOKEN_FIELD = 'name="csrfmiddlewaretoken" value="'


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.STOREFRONT_PAGE_CACHE_SECONDS = 120


@pytest.fixture
def pages(coffee, food_category):
    """{page: URL} of every page kept whole, on one store's coffee."""
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "category": food_category.get_absolute_url(),
        "search": "/search/?q=caf%C3%A9",
        "store": "/tiendas/guayabita/",
        "product": coffee.get_absolute_url(),
    }


def csrf_tokens(html: str) -> set[str]:
    return {part.split('"', 1)[0] for part in html.split(TOKEN_FIELD)[1:]}


def without_tokens(html: str) -> str:
    for token in csrf_tokens(html):
        html = html.replace(token, "")
    return html


@pytest.mark.parametrize("page", ["home", "catalogue", "category", "search", "store", "product"])
def test_a_second_visitor_gets_the_rendered_page_without_a_query(
    pages, page, django_assert_num_queries
):
    rendered = Client().get(pages[page])
    assert rendered.status_code == 200

    with tasks_kept(run=False), django_assert_num_queries(0):
        served = Client().get(pages[page])

    assert served.status_code == 200
    assert served.templates == []  # nothing rendered
    assert without_tokens(served.content.decode()) == without_tokens(rendered.content.decode())
    assert CSRF_STAND_IN not in served.content.decode()


def test_the_same_visitor_is_served_from_the_cache_with_its_csrf_cookie(
    pages, django_assert_num_queries
):
    client = Client()
    client.get(pages["catalogue"])
    with django_assert_num_queries(0):
        assert client.get(pages["catalogue"]).status_code == 200


def test_a_page_in_each_language_is_kept_apart(pages, django_assert_num_queries):
    Client().get("/catalogue/")
    Client().get("/en/catalogue/")

    with django_assert_num_queries(0):
        spanish = Client().get("/catalogue/").content.decode()
        english = Client().get("/en/catalogue/").content.decode()

    assert "Todos los productos" in spanish and "All products" not in spanish
    assert "All products" in english and "Todos los productos" not in english
    assert '<html lang="en"' in english


def test_the_query_is_part_of_the_page_whatever_the_order_of_its_parameters(
    pages, django_assert_num_queries
):
    Client().get("/catalogue/?sort_by=price-asc&page=1")

    with django_assert_num_queries(0):
        served = Client().get("/catalogue/?page=1&sort_by=price-asc")
    other = Client().get("/catalogue/?sort_by=title-asc")

    assert served.status_code == 200
    assert other.templates != []  # another page: rendered


def test_a_signed_in_buyer_is_never_served_a_kept_page_nor_has_theirs_kept(pages):
    buyer = Client()
    buyer.force_login(UserFactory(first_name="Ana", email="ana@example.test"))
    Client().get(pages["product"])
    assert Client().get(pages["product"]).templates == []  # kept for visitors without a session

    signed_in = buyer.get(pages["product"])
    assert signed_in.templates != []
    assert 'id="logout_link"' in signed_in.content.decode()

    FlatPage.objects.create(url="/sobre/", title="Sobre nosotros")  # every page forgotten
    assert buyer.get(pages["product"]).templates != []
    visitor = Client().get(pages["product"])
    assert visitor.templates != []  # the buyer's page was not kept
    assert 'id="logout_link"' not in visitor.content.decode()


def test_a_visitor_with_a_basket_sees_it_and_their_page_is_not_kept(pages, coffee):
    Client().get(pages["catalogue"])
    assert Client().get(pages["catalogue"]).templates == []
    shopper = Client()
    basket_add(shopper, coffee, quantity=2)

    with_basket = shopper.get(pages["catalogue"])
    assert with_basket.templates != []
    assert "500,00 CUP" in with_basket.content.decode().split('class="basket-mini"', 1)[1][:300]

    ProductFactory(title="Miel de abejas")  # every page forgotten
    shopper.get(pages["catalogue"])
    visitor = Client().get(pages["catalogue"])
    assert visitor.templates != []
    assert "500,00 CUP" not in visitor.content.decode().split('class="basket-mini"', 1)[1][:300]


def test_two_visitors_post_from_a_kept_page_each_with_their_own_token(pages, coffee):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    rendered = first.get(pages["product"])
    served = second.get(pages["product"])
    assert served.templates == []

    first_tokens = csrf_tokens(rendered.content.decode())
    second_tokens = csrf_tokens(served.content.decode())
    assert len(first_tokens) == len(second_tokens) == 1
    assert first_tokens != second_tokens and CSRF_STAND_IN not in first_tokens | second_tokens
    assert settings.CSRF_COOKIE_NAME in served.cookies
    for client, tokens in ((first, first_tokens), (second, second_tokens)):
        added = client.post(
            reverse("basket:add", kwargs={"pk": coffee.pk}),
            {"quantity": 1, "csrfmiddlewaretoken": tokens.pop()},
        )
        assert added.status_code == 302


def test_the_message_after_adding_to_the_basket_shows_on_the_page_it_came_from(pages, coffee):
    Client().get(pages["product"])
    shopper = Client()
    assert shopper.get(pages["product"]).templates == []

    product_page = f"http://testserver{pages['product']}"
    added = shopper.post(
        reverse("basket:add", kwargs={"pk": coffee.pk}),
        {"quantity": 1},
        HTTP_REFERER=product_page,
        follow=True,
    )

    assert added.redirect_chain == [(product_page, 302)]
    assert added.templates != []
    messages = added.content.decode().split('id="messages"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "Café molido tostado medio, 500 g" in messages


def test_a_kept_product_page_still_counts_the_view_and_the_history(
    pages, coffee, django_capture_on_commit_callbacks
):
    Client().get(pages["product"])

    with tasks_kept(run=False) as sent, django_capture_on_commit_callbacks(execute=True):
        served = Client().get(pages["product"])

    assert served.templates == []
    assert sent == ["analytics.record"]
    assert served.cookies["oscar_history"].value == f"[{coffee.pk}]"


def test_a_visitor_from_the_search_results_gets_the_link_back_to_them(pages):
    results = "http://testserver/search/?q=caf%C3%A9"
    Client().get(pages["product"])

    from_search = Client().get(pages["product"], HTTP_REFERER=results)
    from_elsewhere = Client().get(pages["product"], HTTP_REFERER="https://example.org/search/")

    assert from_search.templates != []  # another page than the one kept
    assert f'href="{results}"' in from_search.content.decode()
    assert from_elsewhere.templates == []
    assert "example.org" not in from_elsewhere.content.decode()


def test_every_change_a_page_shows_is_on_the_next_request(pages, coffee):
    sector = Sector.objects.create(name="Envases de vidrio", slug="envases")
    for url in pages.values():
        Client().get(url)
    record = coffee.stockrecords.get()

    record.price = Decimal("321.00")
    record.save()
    assert "321,00 CUP" in Client().get(pages["product"]).content.decode()
    assert "321,00 CUP" in Client().get(pages["catalogue"]).content.decode()

    stock_set(
        stockrecord_id=record.pk,
        vendor=record.partner.vendor,
        level=0,
        reason=StockMovementReason.ADJUSTMENT,
        actor=None,
        note="Recuento",
    )
    out_of_stock = Client().get(pages["product"])
    assert out_of_stock.context["product"].stockrecords.get().num_in_stock == 0

    coffee.title = "Café molido, 1 kg"
    coffee.save()
    assert "Café molido, 1 kg" in Client().get(pages["search"]).content.decode()

    CategoryFactory(name="Artesanía")
    assert "Artesanía" in Client().get(pages["home"]).content.decode()

    vendor = record.partner.vendor
    vendor.need_sectors.add(sector)
    assert "Envases de vidrio" in Client().get(pages["store"]).content.decode()

    verified(vendor)
    assert "verified-badge" in Client().get(pages["store"]).content.decode()

    vendor.status = "suspended"
    vendor.save()
    assert Client().get(pages["product"]).status_code == 404
    assert "Café molido" not in Client().get(pages["catalogue"]).content.decode()


def test_kept_pages_are_private_vary_on_cookies_and_are_compressed(pages):
    Client().get(pages["catalogue"])

    served = Client().get(pages["catalogue"], HTTP_ACCEPT_ENCODING="gzip")

    assert served.templates == []
    assert set(served["Cache-Control"].split(", ")) == {"private", "no-cache"}
    assert {"Cookie", "Accept-Encoding"} <= set(served["Vary"].split(", "))
    assert served["Content-Encoding"] == "gzip"
    assert int(served["Content-Length"]) == len(served.content)
    assert csrf_tokens(gzip.decompress(served.content).decode()) != {CSRF_STAND_IN}
    assert "Content-Security-Policy" in served


def test_a_head_request_is_served_from_the_cache_too(pages, django_assert_num_queries):
    Client().get(pages["store"])

    with django_assert_num_queries(0):
        assert Client().head(pages["store"]).status_code == 200


def test_no_page_is_kept_when_the_setting_is_zero(pages, settings, django_assert_num_queries):
    settings.STOREFRONT_PAGE_CACHE_SECONDS = 0
    Client().get(pages["catalogue"])

    served = Client().get(pages["catalogue"])

    assert served.templates != []
    assert set(served["Cache-Control"].split(", ")) == {"private", "no-cache"}
