"""Error pages are the site's own: its layout, Spanish at / and English under /en/, a way
back; never Django's bare English pages. pytest-django runs these with DEBUG off."""

import pytest
from django.contrib.sites.models import Site
from django.db import OperationalError
from django.test import Client, RequestFactory

from shop.storefront import errors
from tests.factories import UserFactory
from tests.factories.callcenter import agent_create
from tests.functional.storefront.error_urls import HALF_WRITTEN_DOMAIN

ERROR_URLS = pytest.mark.urls("tests.functional.storefront.error_urls")


def assert_site_layout(html: str, *, language: str, home: str):
    assert f'<html lang="{language}"' in html
    assert '<div class="brand">' in html
    assert f'<a href="{home}">Encadena</a>' in html
    assert "/static/storefront/encadena.css" in html
    assert "oscar/css/styles.css" not in html


def test_an_unknown_page_is_a_spanish_404_in_the_site_layout(db, client, settings):
    assert settings.DEBUG is False

    response = client.get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert_site_layout(html, language="es", home="/")
    assert "<h1>No encontramos esta página</h1>" in html
    assert "Ir a la página de inicio" in html
    assert 'action="/search/"' in html


def test_an_unknown_english_page_is_an_english_404(db, client):
    response = client.get("/en/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert_site_layout(html, language="en", home="/en/")
    assert "<h1>We cannot find this page</h1>" in html
    assert 'action="/en/search/"' in html


def test_an_english_browser_still_gets_spanish_pages_at_the_root(db, client):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en")

    assert "<h1>No encontramos esta página</h1>" in response.content.decode()


def test_the_way_back_is_the_page_the_visitor_came_from_on_this_site(db, client):
    response = client.get("/no-such-page/", HTTP_REFERER="http://testserver/catalogue/?page=2")
    elsewhere = client.get("/no-such-page/", HTTP_REFERER="https://evil.example/phish/")

    assert (
        '<a class="btn btn-outline-primary" href="/catalogue/?page=2">Volver a la página '
        "anterior</a>" in response.content.decode()
    )
    assert "Volver a la página anterior" not in elsewhere.content.decode()


def test_an_agent_on_the_operators_dashboard_gets_the_sites_403(db):
    client = Client()
    client.force_login(agent_create(first_name="Ángel", last_name="Agente"))

    response = client.get("/dashboard/")

    html = response.content.decode()
    assert response.status_code == 403
    assert_site_layout(html, language="es", home="/")
    assert "<h1>No puede abrir esta página</h1>" in html
    assert "403 Forbidden" not in html


def test_a_shopper_on_the_english_dashboard_gets_the_english_403(db):
    client = Client()
    client.force_login(UserFactory())

    response = client.get("/en/dashboard/")

    assert response.status_code == 403
    assert "<h1>You cannot open this page</h1>" in response.content.decode()


def test_a_form_without_its_csrf_token_gets_the_sites_csrf_page(db):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = response.content.decode()
    assert response.status_code == 403
    assert_site_layout(html, language="es", home="/")
    assert "<h1>No pudimos aceptar este formulario</h1>" in html
    assert "Nada se guardó" in html
    assert "CSRF verification failed" not in html


def test_a_disallowed_host_gets_the_sites_400(db):
    response = Client(HTTP_HOST="malo.example").get("/")

    html = response.content.decode()
    assert response.status_code == 400
    assert_site_layout(html, language="es", home="/")
    assert "<h1>No pudimos entender esta solicitud</h1>" in html


@ERROR_URLS
def test_a_bug_gives_the_sites_500_in_spanish(db):
    response = Client(raise_request_exception=False).get("/prueba/fallo/")

    html = response.content.decode()
    assert response.status_code == 500
    assert_site_layout(html, language="es", home="/")
    assert "<h1>Algo salió mal de nuestro lado</h1>" in html
    assert "Server Error (500)" not in html


def test_the_500_page_reads_nothing_from_the_database(db, django_assert_num_queries):
    request = RequestFactory().get("/en/catalogue/")

    with django_assert_num_queries(0):
        try:
            raise RuntimeError("a bug")
        except RuntimeError:
            response = errors.server_error(request)

    assert response.status_code == 500
    assert "<h1>Something went wrong on our side</h1>" in response.content.decode()


def test_the_try_again_page_reads_nothing_from_the_database(db, django_assert_num_queries):
    request = RequestFactory().get("/catalogue/")

    with django_assert_num_queries(0):
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError:
            response = errors.server_error(request)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "<h1>Inténtelo de nuevo en un momento</h1>" in response.content.decode()


@pytest.mark.postgres
@ERROR_URLS
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_database_lost_mid_request_is_a_spanish_try_again_page_and_saves_nothing():
    sites_before = Site.objects.count()

    response = Client(raise_request_exception=False).get("/prueba/base-de-datos-perdida/")

    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_site_layout(html, language="es", home="/")
    assert "<h1>Inténtelo de nuevo en un momento</h1>" in html
    assert Site.objects.filter(domain=HALF_WRITTEN_DOMAIN).exists() is False
    assert Site.objects.count() == sites_before
