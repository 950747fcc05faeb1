from django.db import connection
from django.test.utils import CaptureQueriesContext


def query_count(client, url: str) -> int:
    """SQL queries of a warm GET of `url` (session, basket and caches are first-request
    costs, paid by a first request that is not counted)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries.captured_queries)


def query_count_after_change(client, url: str) -> int:
    """SQL queries of a GET of `url` just after the catalogue and its categories changed: the
    page's cost when none of its cached counts, facets, menus and cards can be used (its
    session and basket are warm, as in query_count)."""
    from shop.apps.catalogue.versions import SCOPES, catalogue_version_bump

    client.get(url)
    catalogue_version_bump(*SCOPES)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    return len(queries.captured_queries)
