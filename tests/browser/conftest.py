import os

import pytest

from tests.conftest import chromium_path
from tests.factories.users import PASSWORD

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser():
    """Debian's Chromium under Playwright; one browser, a fresh context per page."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes around it are ordinary synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def new_page(browser):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-ES").new_page()
    page.set_default_timeout(15_000)
    return page


def delivery_address_fill(page, *, municipality: str = "Plaza de la Revolución"):
    """The checkout's address step, filled as a buyer in La Habana would (not sent)."""
    page.fill("#id_first_name", "Lucía")
    page.fill("#id_last_name", "Fernández")
    page.fill("#id_line1", "Calle 23 No. 1155")
    page.select_option("#id_province", label="La Habana")
    page.select_option("#id_municipality", label=municipality)
    page.fill("#id_phone_number", "+53 5 234 5678")


def log_in(page, url, email):
    """Sign in through the login form with the factories' password."""
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", PASSWORD)
    page.locator("button[name=login_submit]").click()
    page.wait_for_load_state()


from tests.fakes.fixtures import enzona_url, transfermovil_url  # noqa: E402, F401  (fixtures)
from tests.localstripe_server import localstripe_url  # noqa: E402, F401  (a fixture)
