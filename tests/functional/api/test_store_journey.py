"""A store owner creates a key in the dashboard, lists its products, sets stock and
ships an order through the API; the dashboard shows the same movements and timeline."""

import re

from django.urls import reverse

from shop.api.models import ApiKey
from tests.functional.api.conftest import api_client
from vendors.models import StockMovement, VendorOrderEvent


def test_owner_creates_a_key_shown_once_and_stored_hashed(client, shop_a):
    vendor = shop_a["vendor"]
    client.force_login(shop_a["owner"])
    url = reverse("vendor_dashboard:api-keys", kwargs={"vendor_slug": vendor.slug})

    response = client.post(url, {"name": "ERP", "scopes": ["catalogue:read", "stock:write"]})

    assert response.status_code == 201
    secret = re.search(r"enc_[0-9a-f]{10}_[A-Za-z0-9_-]{43}", response.content.decode()).group()
    api_key = ApiKey.objects.get(vendor=vendor)
    assert api_key.scopes == ["catalogue:read", "stock:write"]
    assert secret not in str(ApiKey.objects.filter(pk=api_key.pk).values().get())
    assert secret not in client.get(url).content.decode()
    products = api_client(secret).get(f"/api/v1/stores/{vendor.slug}/products/")
    assert products.status_code == 200
    assert [item["title"] for item in products.json()["results"]] == ["Café de A"]


def test_stock_set_through_the_api_is_the_dashboards_movement(shop_a, key_a, client):
    vendor, product = shop_a["vendor"], shop_a["product"]

    response = api_client(key_a).post(
        f"/api/v1/stores/{vendor.slug}/products/{product.pk}/stock/",
        {"level": 25, "note": "Conteo del lunes"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["delta"] == 15
    movement = StockMovement.objects.filter(vendor=vendor).latest("pk")
    assert (movement.reason, movement.delta, movement.level_after, movement.actor) == (
        "adjustment",
        15,
        25,
        shop_a["owner"],
    )
    client.force_login(shop_a["owner"])
    page = client.get(
        reverse(
            "vendor_dashboard:product-stock",
            kwargs={"vendor_slug": vendor.slug, "pk": product.pk},
        )
    )
    assert "Conteo del lunes" in page.content.decode()


def test_a_stock_change_without_a_note_is_refused_in_one_shape_in_both_languages(shop_a, key_a):
    url = f"/api/v1/stores/{shop_a['vendor'].slug}/products/{shop_a['product'].pk}/stock/"

    spanish = api_client(key_a, "es").post(url, {"delta": -1}, content_type="application/json")
    english = api_client(key_a, "en").post(url, {"delta": -1}, content_type="application/json")

    assert spanish.status_code == english.status_code == 400
    assert spanish.json()["error"]["code"] == english.json()["error"]["code"] == "note_required"
    assert spanish.json()["error"]["message"] != english.json()["error"]["message"]
    assert english.json()["error"]["message"] == "Say why the stock changes."
    assert StockMovement.objects.filter(vendor=shop_a["vendor"], reason="adjustment").count() == 0


def test_accept_and_ship_an_order_through_the_api(shop_a, key_a):
    vendor, part = shop_a["vendor"], shop_a["vendor_order"]
    api = api_client(key_a)
    base = f"/api/v1/stores/{vendor.slug}/orders/{part.number}/"

    accepted = api.post(
        base + "transitions/", {"to_status": "accepted"}, content_type="application/json"
    )
    shipped = api.post(
        base + "shipments/",
        {"carrier": "manual", "parcels": 1, "tracking_code": "API-0001"},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="envio-1",
    )
    again = api.post(
        base + "shipments/",
        {"carrier": "manual", "parcels": 1, "tracking_code": "API-0001"},
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY="envio-1",
    )

    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"
    assert shipped.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == shipped.json()
    assert part.shipments.count() == 1
    detail = api.get(base).json()
    assert detail["status"] == "shipped"
    assert [(e["from_status"], e["to_status"]) for e in detail["events"]] == [
        ("placed", "accepted"),
        ("accepted", "ready"),
        ("ready", "shipped"),
    ]
    assert (
        list(VendorOrderEvent.objects.filter(vendor_order=part).values_list("actor", flat=True))
        == [shop_a["owner"].pk] * 3
    )


def test_a_rejection_without_a_reason_is_the_dashboards_refusal(shop_a, key_a):
    part = shop_a["vendor_order"]

    response = api_client(key_a, "en").post(
        f"/api/v1/stores/{shop_a['vendor'].slug}/orders/{part.number}/transitions/",
        {"to_status": "rejected"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "error": {"code": "reason_required", "message": "Give a reason: the buyer will read it."}
    }
    part.refresh_from_db()
    assert part.status == "placed"


def test_the_same_idempotency_key_with_another_body_is_refused(shop_a, key_a):
    url = f"/api/v1/stores/{shop_a['vendor'].slug}/products/{shop_a['product'].pk}/stock/"
    api = api_client(key_a)

    first = api.post(
        url, {"level": 12, "note": "a"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k"
    )
    other = api.post(
        url, {"level": 13, "note": "a"}, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k"
    )

    assert first.status_code == 201
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    shop_a["product"].stockrecords.get().refresh_from_db()
    assert shop_a["product"].stockrecords.get().num_in_stock == 12


def test_a_revoked_key_is_refused_at_once(shop_a, key_a):
    from shop.api.services import api_key_revoke

    api_key_revoke(api_key=ApiKey.objects.get(vendor=shop_a["vendor"]))

    response = api_client(key_a).get(f"/api/v1/stores/{shop_a['vendor'].slug}/products/")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication"


def test_a_buyer_reads_only_its_own_purchases(shop_a, buyer_key, key_a):
    mine = api_client(buyer_key).get("/api/v1/me/purchases/")
    with_a_store_key = api_client(key_a).get("/api/v1/me/purchases/")

    assert mine.status_code == 200
    assert [p["number"] for p in mine.json()["results"]] == [shop_a["purchase"].number]
    assert mine.json()["results"][0]["parts"][0]["store"] == shop_a["vendor"].slug
    assert with_a_store_key.status_code == 403


def test_a_key_over_its_rate_gets_429_with_retry_after(shop_a, key_a, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"api_key": "2/min", "api_anonymous": "2/min"},
    }
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    try:
        api = api_client(key_a)
        url = f"/api/v1/stores/{shop_a['vendor'].slug}/products/"
        statuses = [api.get(url).status_code for _ in range(3)]
        refused = api.get(url)
    finally:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
        api_settings.reload()
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES

    assert statuses == [200, 200, 429]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["error"]["code"] == "throttled"


def test_invoice_metadata_and_pdf_through_the_api(shop_a, key_a, key_b):
    from shop.invoices.files import invoice_pdf_store
    from shop.invoices.services import invoice_issue

    invoice = invoice_issue(vendor_order=shop_a["vendor_order"])
    invoice_pdf_store(invoice_id=invoice.pk)
    base = f"/api/v1/stores/{shop_a['vendor'].slug}/invoices/{invoice.pk}/"

    metadata = api_client(key_a).get(base)
    pdf = api_client(key_a).get(base + "pdf/")
    other_store = api_client(key_b).get(base + "pdf/")

    assert metadata.status_code == 200
    assert metadata.json()["number"] == invoice.display_number
    assert metadata.json()["vendor_order"] == shop_a["vendor_order"].number
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert other_store.status_code == 404
