"""Honest reviews in Chromium on a 390 px phone, scripts off: the buyer who received a part
rates the store from the invitation's link, a buyer who did not finds no form, and the
store answers in public from its dashboard."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import UserFactory
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.factories.orders import vendor_order_deliver
from vendors.models import MembershipRole

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_a_buyer_rates_the_store_and_the_store_replies(live_server, browser, test_output_dir):
    (coffee_store, coffee), _honey = stores_create()
    store = coffee_store.vendor
    buyer, other, owner = (
        UserFactory(email=f"{name}@example.test") for name in ("recibio", "otro", "duena")
    )
    store.memberships.create(user=owner, role=MembershipRole.OWNER)
    part = purchase_place_for(buyer, [(coffee, 1)]).vendor_orders.get()
    vendor_order_deliver(part)
    other_part = purchase_place_for(other, [(coffee, 1)]).vendor_orders.get()

    def page_for(email):
        context = browser.new_context(viewport=PHONE, locale="es-ES", java_script_enabled=False)
        context.set_default_timeout(15_000)
        page = context.new_page()
        log_in(page, live_server.url, email)
        return page

    rater = page_for(buyer.email)
    rater.goto(f"{live_server.url}/accounts/orders/")
    rater.goto(f"{live_server.url}/opiniones/tienda/{part.number}/")
    rater.locator("input[name=as_described][value='5']").check()
    rater.locator("input[name=delivery][value='4']").check()
    rater.locator("input[name=communication][value='5']").check()
    rater.fill("#id_body", "El café llegó fresco y bien envasado.")
    rater.screenshot(path=str(test_output_dir / "01-rating-form.png"), full_page=True)
    rater.locator("form.store-review-form button[type=submit]").click()
    rater.wait_for_load_state()
    assert rater.url.endswith(f"/tiendas/{store.slug}/")
    expect(rater.get_by_text("El café llegó fresco y bien envasado.")).to_be_visible()
    assert rater.locator(".store-rating").first.inner_text().startswith("★ 4,7")

    # Someone whose part was not delivered is told so; a stranger to the part finds nothing.
    waiting = page_for(other.email)
    waiting.goto(f"{live_server.url}/opiniones/tienda/{other_part.number}/")
    assert waiting.url.endswith(f"/tiendas/{store.slug}/")
    assert waiting.locator("form.store-review-form").count() == 0
    response = waiting.goto(f"{live_server.url}/opiniones/tienda/{part.number}/")
    assert response.status == 404

    answering = page_for(owner.email)
    answering.goto(f"{live_server.url}/vendedor/{store.slug}/opiniones/tienda/")
    answering.fill("textarea[name=body]", "¡Gracias! Tostamos cada semana.")
    answering.locator("form.review-reply button[type=submit]").click()
    answering.wait_for_load_state()
    expect(answering.get_by_text("Respuesta publicada.")).to_be_visible()

    rater.goto(f"{live_server.url}/tiendas/{store.slug}/")
    reply = rater.locator(".store-reviews .store-reply")
    assert "¡Gracias! Tostamos cada semana." in reply.inner_text()
    assert rater.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    reply.scroll_into_view_if_needed()
    rater.screenshot(path=str(test_output_dir / "02-store-page-with-reply.png"), full_page=True)
