"""The site's URLs plus views that fail on purpose, for the error-page tests only
(`@pytest.mark.urls("tests.functional.storefront.error_urls")`)."""

import psycopg
from django.contrib.sites.models import Site
from django.db import connection
from django.http import HttpResponse
from django.urls import path

from shop.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401

HALF_WRITTEN_DOMAIN = "half-written.example"


def broken(request):
    raise RuntimeError("a bug in a view")


def database_lost_mid_request(request):
    """Writes a row in the request's transaction (ATOMIC_REQUESTS), then the database
    server drops this connection (terminated from another connection, as a restart or
    failover does) and the next query fails."""
    Site.objects.create(domain=HALF_WRITTEN_DOMAIN, name="Half written")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    Site.objects.count()
    return HttpResponse("unreachable")


urlpatterns = [
    path("prueba/fallo/", broken),
    path("prueba/base-de-datos-perdida/", database_lost_mid_request),
    *urlpatterns,
]
