"""Every store endpoint of the API × method × who asks, on store A's objects.

The endpoints come from walking the `api` namespace, so one added later is checked
without touching this file. Another store's key, a personal key and no key never learn
that A's objects exist (404; 401 without a key); A's own key without the endpoint's
scope gets 403; nothing any of them sends changes anything of A's."""

import json

import pytest
from django.urls import get_resolver, reverse

from shop.api.models import STORE_SCOPES
from shop.api.services import personal_api_key_create, store_api_key_create
from tests.functional.api.conftest import api_client
from tests.functional.vendors.test_isolation_matrix import (  # noqa: F401
    snapshot,
    world,
    world_built,
)

OBJECTS = {
    "product_id": lambda w: w["product_a"].pk,
    "number": lambda w: w["order_a"].number,
    "shipment_id": lambda w: w["shipment_a"].pk,
    "invoice_id": lambda w: w["order_a"].invoice.pk,
    "offer_id": lambda w: w["offer_a"].pk,
    "request_id": lambda w: w["sourcing_request"].pk,
}

POST_DATA = {
    "store-product-stock": lambda w: {"level": 3, "note": "Intruso"},
    "store-order-transition": lambda w: {"to_status": "ready"},
    "store-order-shipments": lambda w: {"carrier": "manual", "tracking_code": "INTRUSO-API"},
    "store-shipment-step": lambda w: {"status": "picked_up"},
    "store-offer-messages": lambda w: {"body": "¿Entregan el lunes?"},
    "store-request-offer": lambda w: {
        "price": "99.00",
        "quantity": 10,
        "lead_time_days": 1,
        "valid_until": w["offer_a"].valid_until.isoformat(),
    },
}


def _patterns():
    namespace = get_resolver().namespace_dict["api"][1]
    return [p for p in namespace.url_patterns if "vendor_slug" in p.pattern.converters]


def _methods(pattern) -> list[str]:
    view = pattern.callback.cls
    return [m.upper() for m in ("get", "post") if hasattr(view, m)]


def store_endpoints() -> list[tuple[str, str]]:
    return sorted(
        (pattern.name, method)
        for pattern in _patterns()
        if pattern.name != "store"  # the public store page, not the store's own
        for method in _methods(pattern)
    )


def required_scope(name: str, method: str) -> str:
    view = next(p for p in _patterns() if p.name == name).callback.cls
    return view.required_scopes.get(method) or view.required_scopes["*"]


def url_for(name: str, vendor, world) -> str:  # noqa: F811
    pattern = next(p for p in _patterns() if p.name == name)
    kwargs = {"vendor_slug": vendor.slug}
    for converter in pattern.pattern.converters:
        if converter in OBJECTS:
            kwargs[converter] = OBJECTS[converter](world)
    return reverse(f"api:{name}", kwargs=kwargs)


def send(client, method, url, name, world):  # noqa: F811
    if method == "GET":
        return client.get(url)
    body = POST_DATA[name](world)
    return client.post(url, json.dumps(body), content_type="application/json")


@pytest.fixture
def keys(world):  # noqa: F811
    users, a, b = world["users"], world["a"], world["b"]
    return {
        "anonymous": None,
        "personal": personal_api_key_create(user=users["shopper"], name="Mía").secret,
        "key_b": store_api_key_create(
            vendor=b, user=users["owner_b"], name="B", scopes=STORE_SCOPES
        ).secret,
        "key_a": store_api_key_create(
            vendor=a, user=users["owner_a"], name="A", scopes=STORE_SCOPES
        ).secret,
        "key_a_catalogue": store_api_key_create(
            vendor=a, user=users["owner_a"], name="A cat", scopes=["catalogue:read"]
        ).secret,
        "key_a_offers": store_api_key_create(
            vendor=a, user=users["owner_a"], name="A ofertas", scopes=["offers:read"]
        ).secret,
    }


def test_the_matrix_knows_every_store_endpoint():
    assert store_endpoints() == [
        ("store-invoice", "GET"),
        ("store-invoice-pdf", "GET"),
        ("store-invoices", "GET"),
        ("store-offer-messages", "GET"),
        ("store-offer-messages", "POST"),
        ("store-offers", "GET"),
        ("store-order", "GET"),
        ("store-order-shipments", "GET"),
        ("store-order-shipments", "POST"),
        ("store-order-transition", "POST"),
        ("store-orders", "GET"),
        ("store-product", "GET"),
        ("store-product-stock", "POST"),
        ("store-products", "GET"),
        ("store-request-offer", "POST"),
        ("store-shipment-step", "POST"),
        ("store-stock-movements", "GET"),
    ]
    assert {name for name, method in store_endpoints() if method == "POST"} == set(POST_DATA)


@pytest.mark.parametrize(("name", "method"), store_endpoints())
@pytest.mark.parametrize("who", ["anonymous", "personal", "key_b"])
def test_outsiders_learn_nothing_and_change_nothing(world, keys, name, method, who):  # noqa: F811
    before = snapshot(world)

    response = send(api_client(keys[who]), method, url_for(name, world["a"], world), name, world)

    assert response.status_code == (401 if who == "anonymous" else 404)
    assert response.json()["error"]["code"] in ("authentication", "not_found")
    assert snapshot(world) == before


def object_endpoints() -> list[tuple[str, str]]:
    # A public request is not A's object: any store may offer on it.
    of_a = set(OBJECTS) - {"request_id"}
    named = {p.name for p in _patterns() if set(p.pattern.converters) & of_a}
    return [(name, method) for name, method in store_endpoints() if name in named]


@pytest.mark.parametrize(("name", "method"), object_endpoints())
def test_b_cannot_reach_an_object_of_a_through_its_own_store(world, keys, name, method):  # noqa: F811
    before = snapshot(world)

    response = send(
        api_client(keys["key_b"]), method, url_for(name, world["b"], world), name, world
    )

    assert response.status_code == 404
    assert snapshot(world) == before


@pytest.mark.parametrize(("name", "method"), store_endpoints())
def test_a_key_of_the_store_without_the_scope_is_refused(world, keys, name, method):  # noqa: F811
    needed = required_scope(name, method)
    who = "key_a_offers" if needed == "catalogue:read" else "key_a_catalogue"
    before = snapshot(world)

    response = send(api_client(keys[who]), method, url_for(name, world["a"], world), name, world)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "scope"
    assert snapshot(world) == before


@pytest.mark.parametrize(
    ("name", "method"), [(n, m) for n, m in store_endpoints() if n != "store-invoice-pdf"]
)
def test_the_stores_own_key_is_answered(world, keys, name, method):  # noqa: F811
    before = snapshot(world)

    response = send(
        api_client(keys["key_a"]), method, url_for(name, world["a"], world), name, world
    )

    assert response.status_code in ({200} if method == "GET" else {200, 201}), response.content
    if method == "POST":
        assert snapshot(world) != before
    body = response.content.decode()
    assert "Producto de B" not in body and world["order_b"].number not in body
    assert "MATRIZ-B" not in body and "Oferta de B" not in body
