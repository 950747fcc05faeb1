"""The product page's question loop in Chromium on a 390 px phone with JavaScript off:
a buyer asks the store from the product page, the store reads the question in its
inbox and answers, the buyer reads the answer in their own inbox. Nothing on the way is
wider than the phone."""

import pytest
from playwright.sync_api import expect

from shop.sourcing.models import Conversation
from tests.browser.conftest import log_in
from tests.factories import UserFactory
from tests.factories.callcenter import owner_of, stores_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PHONE = {"width": 390, "height": 844}


def fits_the_phone(page, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_a_buyer_asks_from_the_product_page_and_reads_the_answer(
    live_server, browser, test_output_dir
):
    (partner, product), _other = stores_create()
    owner = owner_of(partner)
    buyer_user = UserFactory(email="marta@example.test")

    def page_for(email):
        context = browser.new_context(viewport=PHONE, locale="es-ES", java_script_enabled=False)
        context.set_default_timeout(15_000)
        page = context.new_page()
        log_in(page, live_server.url, email)
        return page

    buyer = page_for(buyer_user.email)
    buyer.goto(live_server.url + product.get_absolute_url())
    fits_the_phone(buyer, "p.ask-store a")
    buyer.get_by_role("link", name="Preguntar a la tienda").click()
    buyer.wait_for_url("**/accounts/mensajes/preguntar/**")
    buyer.get_by_role("button", name="Enviar el mensaje").click()
    expect(buyer.get_by_text("Escriba un mensaje.").first).to_be_visible()
    buyer.fill("#id_body", "¿Lo tienen molido? Escríbame a marta@example.test")
    fits_the_phone(buyer, "#id_body")
    buyer.get_by_role("button", name="Enviar el mensaje").click()
    buyer.wait_for_url("**/accounts/mensajes/*/")
    expect(
        buyer.get_by_text("[datos de contacto ocultos hasta que haya una compra]")
    ).to_be_visible()
    buyer.screenshot(path=str(test_output_dir / "01-question-390.png"), full_page=True)

    store = page_for(owner.email)
    store.goto(f"{live_server.url}/vendedor/{partner.vendor.slug}/mensajes/")
    expect(store.get_by_text("1 mensaje nuevo")).to_be_visible()
    store.get_by_role("link", name=product.title).first.click()
    store.wait_for_url(f"**/mensajes/{Conversation.objects.get().pk}/")
    expect(store.get_by_text("¿Lo tienen molido?")).to_be_visible()
    store.fill("#id_body", "Sí, molido y en grano.")
    fits_the_phone(store, "#id_body")
    store.get_by_role("button", name="Enviar el mensaje").click()
    store.wait_for_load_state()
    store.screenshot(path=str(test_output_dir / "02-answer-390.png"), full_page=True)

    buyer.goto(f"{live_server.url}/accounts/mensajes/")
    expect(buyer.get_by_text("1 mensaje nuevo")).to_be_visible()
    fits_the_phone(buyer, "table.buyer-inbox")
    buyer.get_by_role("link", name=product.title).first.click()
    expect(buyer.get_by_text("Sí, molido y en grano.")).to_be_visible()
    buyer.goto(f"{live_server.url}/accounts/mensajes/")
    assert buyer.get_by_text("1 mensaje nuevo").count() == 0
    buyer.screenshot(path=str(test_output_dir / "03-inbox-390.png"), full_page=True)
