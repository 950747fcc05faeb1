"""The "Busco" loop in Chromium with JavaScript off, on a phone and on a desktop: a
cooperative posts a request with a bad then a good input, a store answers from its
dashboard, they ask and answer in the offer's conversation, the cooperative compares and
buys the offer at its price."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from shop.sourcing.models import OfferStatus, SourcingOffer, SourcingRequest
from tests.browser.conftest import log_in
from tests.factories.sourcing import sourcing_world
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.mark.parametrize("device", VIEWPORTS)
def test_a_request_is_posted_answered_and_bought_without_scripts(
    live_server, browser, device, test_output_dir
):
    world = sourcing_world()
    shot = 0

    def page_for(email):
        context = browser.new_context(
            viewport=VIEWPORTS[device], locale="es-ES", java_script_enabled=False
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        log_in(page, live_server.url, email)
        return page

    def screenshot(page, name):
        nonlocal shot
        shot += 1
        page.screenshot(path=str(test_output_dir / f"{shot:02d}-{name}.png"), full_page=True)

    buyer = page_for(world["requester"].email)
    buyer.goto(f"{live_server.url}/solicitudes/nueva/")
    buyer.fill("#id_quantity", "120")
    buyer.locator("form.sourcing-request-form button[type=submit]").click()
    expect(buyer.get_by_text("Diga qué necesita.")).to_be_visible()
    expect(buyer.get_by_text("No se guardó nada.")).to_be_visible()
    screenshot(buyer, "request-errors")
    buyer.fill("#id_title", "Harina de trigo para la panadería")
    buyer.select_option("#id_sector", label="Alimentos y bebidas")
    buyer.select_option("#id_unit", label="kg")
    buyer.fill("#id_needed_by", (timezone.localdate() + timedelta(days=9)).isoformat())
    buyer.select_option("#id_province", label="Villa Clara")
    buyer.select_option("#id_municipality", label="Santa Clara")
    buyer.locator("form.sourcing-request-form button[type=submit]").click()
    buyer.wait_for_url("**/solicitudes/*/")
    request = SourcingRequest.objects.get()
    screenshot(buyer, "request-posted")

    store = world["stores"]["a"]
    seller = page_for(world["owners"]["a"].email)
    seller.goto(f"{live_server.url}/vendedor/{store.slug}/solicitudes/")
    seller.get_by_role("link", name="Harina de trigo para la panadería").click()
    seller.fill("#id_price", "85.00")
    seller.fill("#id_quantity", "120")
    seller.fill("#id_lead_time_days", "3")
    seller.fill("#id_valid_until", (timezone.localdate() + timedelta(days=5)).isoformat())
    seller.fill("#id_message", "Sacos de 50 kg, harina de primera.")
    seller.get_by_role("button", name="Enviar la oferta").click()
    expect(seller.get_by_text("Su oferta está enviada.")).to_be_visible()
    screenshot(seller, "offer-sent")

    buyer.goto(f"{live_server.url}/solicitudes/{request.pk}/")
    expect(buyer.get_by_text("Sacos de 50 kg, harina de primera.")).to_be_visible()
    buyer.get_by_role("link", name="Preguntar a la tienda").click()
    buyer.fill("#id_body", "¿Entregan el lunes? Llámeme al 52345678.")
    buyer.get_by_role("button", name="Enviar el mensaje").click()
    seller.goto(f"{live_server.url}/vendedor/{store.slug}/solicitudes/")
    expect(seller.get_by_text("1 mensaje nuevo")).to_be_visible()
    seller.locator("article").get_by_role("link", name="Harina de trigo para la panadería").click()
    expect(
        seller.get_by_text("[datos de contacto ocultos hasta que haya una compra]")
    ).to_be_visible()
    seller.fill("#id_body", "Sí, el lunes por la mañana.")
    seller.get_by_role("button", name="Enviar el mensaje").click()
    screenshot(seller, "store-answers")
    buyer.goto(f"{live_server.url}/solicitudes/{request.pk}/")
    expect(buyer.get_by_text("Preguntar a la tienda (1 mensaje nuevo)")).to_be_visible()
    screenshot(buyer, "offers-compared")
    buyer.get_by_role("link", name="Aceptar").click()
    buyer.fill("#id_first_name", "Rosa")
    buyer.fill("#id_last_name", "Pérez")
    buyer.fill("#id_line1", "Calle Maceo No. 12")
    buyer.fill("#id_phone_number", "+53 5 234 5678")
    buyer.get_by_label("Pago contra entrega", exact=False).check()
    screenshot(buyer, "accept")
    buyer.get_by_role("button", name="Comprar al precio de esta oferta").click()
    buyer.wait_for_url("**/checkout/thank-you/")
    screenshot(buyer, "thank-you")

    part = VendorOrder.objects.get()
    assert part.vendor == store
    assert part.order.total_incl_tax == Decimal("10350.00")  # 120 × 85 + 150 delivery
    assert SourcingOffer.objects.get().status == OfferStatus.ACCEPTED
