"""On a 390 px phone, a buyer who asks for 50 units of a product sold in multiples of
24 is refused with the store's reason and the two quantities it sells, and 48 goes in
at the tier price, with the next break shown."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import new_page
from tests.factories import PartnerFactory, ProductFactory
from vendors.pricing.rules import QuantityTerms, Tier
from vendors.pricing.services import product_terms_set

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_fifty_of_a_24_multiple_is_refused_with_the_reason_on_a_phone(
    live_server, browser, test_output_dir
):
    coffee = ProductFactory(
        title="Café molido tostado medio, 250 g",
        stockrecord__partner=PartnerFactory(name="Torrefactora Serrano"),
        stockrecord__price=Decimal("500.00"),
        stockrecord__num_in_stock=500,
    )
    product_terms_set(
        stockrecord=coffee.stockrecords.get(),
        terms=QuantityTerms(
            multiple=24, tiers=(Tier(48, Decimal("460.00")), Tier(96, Decimal("430.00")))
        ),
    )
    page = new_page(browser)
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{live_server.url}{coffee.get_absolute_url()}")
    assert page.locator("#add_to_basket_form input[name=quantity]").input_value() == "24"
    terms = page.locator(".wholesale-terms").inner_text()
    assert "Desde 48 unidades: 460,00 CUP cada una." in terms
    assert "Se vende en múltiplos de 24." in terms
    page.fill("#add_to_basket_form input[name=quantity]", "50")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()

    # Said above the page and again beside the quantity field.
    refusal = page.locator("#add_to_basket_form").get_by_text(
        "Esta tienda vende este producto en múltiplos de 24: puede pedir 48 o 72."
    )
    expect(refusal).to_be_visible()
    box = refusal.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(test_output_dir / "refused-50-of-24.png"), full_page=True)

    page.fill("#add_to_basket_form input[name=quantity]", "48")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/basket/")
    terms = page.locator(".line-terms").inner_text()
    assert "Precio por volumen desde 48 unidades: 460,00 CUP cada una." in terms
    assert "Desde 96 unidades: 430,00 CUP cada una." in terms
    assert "22.080,00 CUP" in page.locator(".basket-vendor-part").inner_text()
    page.screenshot(path=str(test_output_dir / "basket-48-at-tier.png"), full_page=True)

    # In the basket itself: the line changed to 50 is refused under the line, kept at 48.
    page.fill("#basket_formset input[name$=quantity]", "50")
    page.locator("#basket_formset button[type=submit]").first.click()
    page.wait_for_load_state()
    error = page.locator("#basket_formset .error-block").first
    assert error.inner_text().strip() == (
        "Esta tienda vende este producto en múltiplos de 24: puede pedir 48 o 72."
    )
    box = error.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(test_output_dir / "basket-refuses-50-of-24.png"), full_page=True)
