"""A shopper's first minute, in Debian's Chromium driven by Playwright."""

import os

import pytest

from tests.browser.conftest import CHROMIUM_ARGS
from tests.conftest import chromium_path

# Transactional (the live server reads committed data); serialized rollback puts back the
# data that migrations load (territory, sectors) once the test has flushed the tables.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(test_output_dir):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes around it are ordinary synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-ES")
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            yield page
        finally:
            page.screenshot(path=str(test_output_dir / "last-page.png"), full_page=True)
            browser.close()
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def test_home_language_search_and_basket(
    live_server, page, catalogue_from_two_stores, test_output_dir
):
    page.goto(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Todo lo que Cuba produce, en un solo carrito"
    )
    page.screenshot(path=str(test_output_dir / "home-es.png"), full_page=True)

    page.locator("#language_switcher").get_by_role("button", name="English").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Everything Cuba produces, in one basket"
    )

    page.locator("input[name=q]").first.fill("café")
    page.locator("input[name=q]").first.press("Enter")
    page.wait_for_url("**/en/search/?q=caf*")
    results = page.locator(".product-grid article")
    assert results.count() == 1
    assert "Café molido tostado medio" in results.first.inner_text()

    results.first.get_by_role("button", name="Add to cart").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/en/basket/")
    basket = page.locator("#content_inner").inner_text()
    assert "Café molido tostado medio, 500 g" in basket
    assert "250.00 CUP" in basket
    page.screenshot(path=str(test_output_dir / "basket-en.png"), full_page=True)
