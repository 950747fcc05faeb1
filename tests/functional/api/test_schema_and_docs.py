"""The schema describes every endpoint; the docs page loads only our own files, under
the site's Content-Security-Policy."""

import re

from django.contrib.staticfiles import finders
from django.urls import get_resolver

from tests.functional.api.conftest import api_client


def api_paths() -> set[str]:
    namespace = get_resolver().namespace_dict["api"][1]
    # The last pattern, unnamed, answers 404 in the API's shape for every other path.
    return {pattern.name for pattern in namespace.url_patterns if pattern.name} - {
        "schema",
        "docs",
    }


def test_the_schema_lists_every_endpoint(db):
    response = api_client().get("/api/v1/schema/?format=json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert len(schema["paths"]) == len(api_paths())
    assert "apiKey" in schema["components"]["securitySchemes"]
    stock = schema["paths"]["/api/v1/stores/{vendor_slug}/products/{product_id}/stock/"]["post"]
    assert {"201", "400", "401", "403", "404", "429"} <= set(stock["responses"])
    assert stock["responses"]["429"]["headers"]["Retry-After"]


def test_a_path_outside_the_api_is_refused_in_its_shape(db):
    response = api_client().post("/api/v1/no-existe/", {}, content_type="application/json")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_docs_page_uses_only_our_own_files_and_no_inline_code(db):
    response = api_client().get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "<style" not in html and re.search(r"<script>", html) is None
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source
    assert "script-src 'self'" in response["Content-Security-Policy"]
    script = api_client().get(next(s for s in sources if "?script" in s or "script=" in s))
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()
