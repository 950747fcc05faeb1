"""Two web processes (the compose file's `web` command, twice, on two loopback ports)
against one PostgreSQL, one Redis and one object store, as behind a load balancer that
sends each request anywhere: a buyer signs in and fills the basket on one and checks out
on the other, downloads the invoice from both, a product page cached by one follows a
stock change made through the other, and pictures, the placeholder of a product without
one and a store's logo, all in the object store's bucket, show on both."""

import re
import time

import pytest
import requests
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from oscar.core.loading import get_model

from shop.api.models import STORE_SCOPES
from shop.api.services import store_api_key_create
from shop.invoices.models import Invoice, RenderState
from shop.invoices.services import invoice_issue
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.delivery import PickupPointFactory
from tests.factories.users import PASSWORD
from tests.functional.checkout.flow import address_data
from tests.functional.vendors.conftest import png_bytes
from tests.integration.storage.test_object_store import object_store, s3_storages  # noqa: F401
from tests.processes import (
    compose_command,
    free_port,
    http_get,
    process_environment,
    running,
    wait_for,
)
from vendors.models import MembershipRole

Order = get_model("order", "Order")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
TIMEOUT = 20  # seconds for any one request


def token(page: requests.Response) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found, (page.url, page.status_code, page.text[:1000])
    return found.group(1)


def form_post(browser: requests.Session, base: str, path: str, data: dict) -> requests.Response:
    """GET the form's page, then POST it with that page's CSRF token (not followed)."""
    page = browser.get(base + path, timeout=TIMEOUT)
    return browser.post(
        base + path,
        data={**data, "csrfmiddlewaretoken": token(page)},
        headers={"Referer": base + path},
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def availability(page: str) -> str:
    found = re.search(r'class="[^"]*availability">([^<]*)<', page)
    assert found, page[:2000]
    return found.group(1).strip()


def pictures_shown(page: requests.Response, bucket_url: str) -> list[str]:
    """The page's pictures that come from the bucket, each answering with an image."""
    assert page.status_code == 200, (page.url, page.text[:2000])
    sources = re.findall(r'<img[^>]* src="([^"]+)"', page.text)
    shown = [source for source in sources if source.startswith(bucket_url)]
    for source in shown:
        picture = requests.get(source, timeout=TIMEOUT)
        assert picture.status_code == 200, source
        assert picture.headers["Content-Type"].startswith("image/"), source
    return shown


@pytest.fixture
def world(s3_storages):  # noqa: F811
    partner = PartnerFactory(name="Tienda escalada", code="escalada")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    product = ProductFactory(
        title="Café escalado", stockrecord__partner=partner, stockrecord__num_in_stock=10
    )
    pictured = ProductFactory(title="Miel escalada", stockrecord__partner=partner)
    picture = ProductImage(product=pictured)
    picture.original.save("miel.png", ContentFile(png_bytes((600, 400))))
    partner.vendor.logo.save("logo.png", ContentFile(png_bytes((300, 300), "blue")))
    return {
        "pictured": pictured,
        "vendor": partner.vendor,
        "product": product,
        "point": PickupPointFactory(vendor=partner.vendor),
        "buyer": UserFactory(email="ana@example.test"),
        "key": store_api_key_create(
            vendor=partner.vendor, user=owner, name="ERP", scopes=STORE_SCOPES
        ).secret,
    }


@pytest.fixture
def two_web_processes(s3_storages, tmp_path):  # noqa: F811
    """Pictures and logos in the object store's media bucket, invoices in its private
    one. The processes upload to the store at 127.0.0.1; pages name pictures at the
    public address, here `localhost` (the same server under another name)."""
    endpoint, _ = s3_storages
    public_url = endpoint.replace("127.0.0.1", "localhost") + "/encadena-media"
    bases, logs, started = [], [], []
    for name in ("a", "b"):
        port = free_port()
        environment = process_environment(
            DJANGO_SETTINGS_MODULE="shop.settings.test",
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS="1",
            STORAGE_S3_ENDPOINT_URL=endpoint,
            STORAGE_S3_REGION="us-east-1",
            STORAGE_S3_MEDIA_BUCKET="encadena-media",
            STORAGE_S3_MEDIA_PUBLIC_URL=public_url,
            STORAGE_S3_PRIVATE_BUCKET="encadena-private",
        )
        log = tmp_path / f"web-{name}.log"
        process = running(compose_command("web"), environment=environment, log=log)
        process.__enter__()
        started.append(process)
        bases.append(f"http://127.0.0.1:{port}")
        logs.append(log)
    try:
        for base, log in zip(bases, logs, strict=True):
            wait_for(
                lambda base=base: http_get(f"{base}/healthz")[0] == 200,
                timeout=90,
                what=f"gunicorn at {base}",
                log=log,
            )
        yield bases, public_url
    finally:
        for process in reversed(started):
            process.__exit__(None, None, None)


def test_a_purchase_an_invoice_a_cached_page_and_pictures_hold_across_two_web_processes(
    world, two_web_processes
):
    (a, b), public_url = two_web_processes
    product, vendor = world["product"], world["vendor"]
    buyer = requests.Session()

    # Signed in and the basket filled on A...
    signed_in = form_post(
        buyer,
        a,
        reverse("customer:login"),
        {"login-username": "ana@example.test", "login-password": PASSWORD, "login_submit": "1"},
    )
    assert signed_in.status_code == 302, signed_in.text[:2000]
    page = buyer.get(a + product.get_absolute_url(), timeout=TIMEOUT)
    added = buyer.post(
        a + reverse("basket:add", kwargs={"pk": product.pk}),
        data={"quantity": 1, "csrfmiddlewaretoken": token(page)},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert added.status_code == 302

    # ...checked out on B: B knows the session (signed-in buyer, her basket).
    start = buyer.get(b + reverse("checkout:index"), allow_redirects=False, timeout=TIMEOUT)
    assert start.status_code == 302
    assert start.headers["Location"].endswith(reverse("checkout:shipping-address"))
    steps = [
        ("checkout:shipping-address", address_data()),
        ("checkout:shipping-method", {f"vendor-{vendor.pk}": f"pickup-{world['point'].pk}"}),
        ("checkout:payment-method", {"method": "cash_on_delivery"}),
    ]
    for name, data in steps:
        answer = form_post(buyer, b, reverse(name), data)
        assert answer.status_code == 302, (name, answer.text[:3000])
    review = buyer.get(b + reverse("checkout:preview"), timeout=TIMEOUT)
    fingerprint = re.search(r'name="purchase_fingerprint" value="([^"]+)"', review.text)
    assert fingerprint, review.text[:3000]
    placed = buyer.post(
        b + reverse("checkout:preview"),
        data={
            "action": "place_order",
            "purchase_fingerprint": fingerprint.group(1),
            "csrfmiddlewaretoken": token(review),
        },
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert placed.status_code == 302, placed.text[:3000]
    order = Order.objects.get(user=world["buyer"])
    assert order.lines.get().product_id == product.pk

    # The invoice's PDF, in the object store, downloaded through either process.
    with transaction.atomic():
        invoice = invoice_issue(vendor_order=order.vendor_orders.get())
    wait_for(
        lambda: Invoice.objects.filter(pk=invoice.pk, render_state=RenderState.RENDERED).exists(),
        timeout=60,
        what="the invoice's PDF",
    )
    pdf_path = reverse("invoices:pdf", kwargs={"pk": invoice.pk})
    downloads = [buyer.get(base + pdf_path, timeout=TIMEOUT) for base in (a, b)]
    assert [d.status_code for d in downloads] == [200, 200]
    assert {d.headers["Content-Type"] for d in downloads} == {"application/pdf"}
    assert downloads[0].content.startswith(b"%PDF") and downloads[0].content == downloads[1].content
    assert requests.get(a + pdf_path, timeout=TIMEOUT).status_code == 404  # nobody else's

    # A caches the product page; a change without a signal stays unseen there...
    visitor = requests.Session()
    url = product.get_absolute_url()
    before = availability(visitor.get(a + url, timeout=TIMEOUT).text)
    StockRecord.objects.filter(product=product).update(num_in_stock=2)
    assert availability(visitor.get(a + url, timeout=TIMEOUT).text) == before
    # ...and a stock change made through B's API moves the shared version: A shows it.
    changed = requests.post(
        f"{b}/api/v1/stores/{vendor.slug}/products/{product.pk}/stock/",
        json={"level": 5, "note": "Conteo"},
        headers={"Authorization": f"Bearer {world['key']}"},
        timeout=TIMEOUT,
    )
    assert changed.status_code in (200, 201), changed.text
    deadline = time.monotonic() + 5
    after = availability(visitor.get(a + url, timeout=TIMEOUT).text)
    while after == before and time.monotonic() < deadline:
        time.sleep(0.2)
        after = availability(visitor.get(a + url, timeout=TIMEOUT).text)
    assert after != before
    assert "4" in after and "9" in before, (before, after)  # 10 and 5 in stock, 1 allocated

    # Pictures, the placeholder of a product without one and the store's logo: thumbnails
    # in the bucket, made by either process, each answering.
    bucket_url = f"{public_url}/"
    pages = {
        "pictured": world["pictured"].get_absolute_url(),
        "placeholder": product.get_absolute_url(),
        "catalogue": reverse("catalogue:index"),
        "store": reverse("vendors:store", args=[vendor.slug]),
    }
    shown_by = []
    for base in (a, b):
        shown = {
            name: pictures_shown(visitor.get(base + path, timeout=TIMEOUT), bucket_url)
            for name, path in pages.items()
        }
        assert shown["pictured"][0] != shown["placeholder"][0]  # the picture, not the placeholder
        assert len(set(shown["catalogue"])) == 2  # both cards
        assert len(set(shown["store"])) == 3  # the logo and both cards
        shown_by.append(shown)
    assert shown_by[0] == shown_by[1]  # the same thumbnails, made once
