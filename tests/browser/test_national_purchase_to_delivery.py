"""The issue's check as a new user would do it, on a 390 px phone: a buyer in Pinar del
Río buys from stores in Baracoa, Holguín and La Habana, gets a home-delivery price and
date for each part, pays by following Transfermóvil's QR link on the fake, sees three
parts with their timelines on the order page, and follows them to delivered as the
national carrier reports each step (signed, on its webhook)."""

import json
import urllib.request
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import formats, timezone

from logistics.carriers.webhook import SIGNATURE_HEADER, webhook_signature
from logistics.models import Shipment
from logistics.national.rates import estimated_delivery
from logistics.tracking import shipment_create
from payments.models import Payment
from tests.browser.test_national_delivery import STORES, pinar_buyer_at_the_delivery_step
from tests.browser.test_national_delivery import three_provinces as three_provinces  # noqa: F401
from tests.fakes import transfermovil_server
from tests.fakes.fixtures import fake_reset
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.transitions import ActorRole, vendor_order_transition

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECRET = "test-national-carrier-secret"


@pytest.fixture
def transfermovil(settings, transfermovil_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "transfermovil": {
            "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
            "OPTIONS": transfermovil_server.options(fake_reset(transfermovil_url)),
        },
    }


def carrier_post(url: str, events: list) -> dict:
    """The carrier's signed report of steps, as its servers send it."""
    raw = json.dumps({"events": events}).encode()
    request = urllib.request.Request(
        f"{url}/logistics/webhooks/nacional/",
        data=raw,
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: webhook_signature(secret=SECRET, body=raw),
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def test_a_pinar_buyer_pays_by_transfermovil_and_follows_three_parts_to_delivery(
    live_server,
    browser,
    three_provinces,
    transfermovil,
    test_output_dir,  # noqa: F811
):
    page = pinar_buyer_at_the_delivery_step(browser, live_server.url, three_provinces)
    parts = page.locator(".delivery-part")
    assert parts.count() == 3
    today = timezone.localdate()
    for index, (name, _m, _t, _w, price, days) in enumerate(STORES):
        arrives = formats.date_format(
            estimated_delivery(today=today, handling_days=1, transit_days=days), r"l j \d\e F"
        )
        assert name in parts.nth(index).inner_text()
        home = parts.nth(index).get_by_label("Entrega a domicilio en Pinar del Río", exact=False)
        label = home.locator("xpath=following-sibling::label").inner_text()
        assert "Paquetería Nacional" in label and arrives in label and price in label, label
        home.check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(test_output_dir / "1-delivery.png"), full_page=True)
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.get_by_label("Transfermóvil", exact=True).check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    page.locator("#place-order").click()
    page.wait_for_url("**/pagar/*/codigo/")
    assert page.locator(".qr-code-box svg[role=img]").count() == 1
    page.screenshot(path=str(test_output_dir / "2-qr.png"), full_page=True)

    payment_page = page.url
    page.locator("#payment-link").click()  # what scanning the QR code opens
    page.get_by_role("button", name="Pagar").click()
    page.wait_for_load_state()
    page.goto(payment_page)  # Transfermóvil does not send the buyer back: our page asks
    assert "Esta compra está pagada" in page.locator("[role=status]").inner_text()
    payment = Payment.objects.get()
    assert payment.state == "captured"
    assert payment.amount == Decimal("1200.00") + Decimal("1450.00")

    order_url = f"{live_server.url}{reverse('customer:order', args=[payment.order.number])}"
    page.goto(order_url)
    cards = page.locator(".purchase-part")
    assert cards.count() == 3
    for index, (name, _m, _t, _w, price, _d) in enumerate(STORES):
        text = cards.nth(index).inner_text()
        assert name in text and price in text, text
        assert cards.nth(index).locator(".purchase-part-history li").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(test_output_dir / "3-order-paid.png"), full_page=True)

    # Each store accepts and hands its parcel over; the carrier reports the journey.
    for part in VendorOrder.objects.order_by("sequence"):
        vendor_order_transition(
            vendor_order_id=part.pk,
            to_status=VendorOrderStatus.ACCEPTED,
            actor=None,
            actor_role=ActorRole.VENDOR,
        )
        shipment_create(
            vendor_order=part,
            carrier="nacional",
            parcels=1,
            weight_kg=None,
            estimated_delivery=None,
        )
    start = timezone.now() - timedelta(hours=6)
    events = [
        {
            "id": f"{shipment.tracking_code}-{step}",
            "tracking_code": shipment.tracking_code,
            "status": status,
            "occurred_at": (start + timedelta(hours=step)).isoformat(),
        }
        for shipment in Shipment.objects.all()
        for step, status in enumerate(("picked_up", "in_transit", "out_for_delivery"))
    ]
    assert carrier_post(live_server.url, events)["recorded"] == 9
    page.goto(order_url)
    assert page.locator(".purchase-part-shipment[data-status=out_for_delivery]").count() == 3
    page.screenshot(path=str(test_output_dir / "4-on-the-way.png"), full_page=True)
    delivered = [
        {
            "id": f"{shipment.tracking_code}-done",
            "tracking_code": shipment.tracking_code,
            "status": "delivered",
            "occurred_at": (start + timedelta(hours=4)).isoformat(),
        }
        for shipment in Shipment.objects.all()
    ]
    assert carrier_post(live_server.url, delivered)["recorded"] == 3
    assert carrier_post(live_server.url, delivered)["recorded"] == 0  # a retry: nothing twice

    page.goto(order_url)
    assert page.locator(".purchase-part-shipment[data-status=delivered]").count() == 3
    for index in range(3):
        card = cards.nth(index)
        assert "Entregado" in card.locator(".purchase-part-status").inner_text()
        timeline = card.locator(".purchase-part-shipment").inner_text()
        assert "Entregado" in timeline and "En tránsito" in timeline, timeline
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(test_output_dir / "5-delivered.png"), full_page=True)
    assert set(VendorOrder.objects.values_list("status", flat=True)) == {"delivered"}
