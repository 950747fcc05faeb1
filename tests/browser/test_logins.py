"""Logging in, in Chromium: an agent lands on the console; with the second factor
required, an operator sets up an authenticator app on first login and reaches the
dashboard, and at the next login gets in with a recovery code; a guessed password runs
into the lockout page. Screenshots at phone and
desktop widths."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.factories import UserFactory
from tests.factories.accounts import operator_create, totp_token
from tests.factories.callcenter import agent_create
from tests.factories.users import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"phone": 390, "desktop": 1280}


def new_page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="es-ES")
    context.set_default_timeout(15_000)
    return context.new_page()


def log_in(page, url: str, email: str, password: str = PASSWORD):
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", password)
    page.locator("button[name=login_submit]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_agent_logs_in_and_lands_on_the_console(live_server, browser, test_output_dir, width):
    agent = agent_create(email="agente@example.test")
    page = new_page(browser, width)

    log_in(page, live_server.url, agent.email)

    page.wait_for_url(f"{live_server.url}/atencion/")
    expect(page.locator(".console-search input[name=q]")).to_be_visible()
    page.screenshot(path=str(test_output_dir / f"agent-console-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_an_operator_sets_up_the_second_factor_and_reaches_the_dashboard(
    live_server, browser, test_output_dir, settings, width
):
    settings.STAFF_REQUIRE_SECOND_FACTOR = True
    operator = operator_create(email="operadora@example.test")
    page = new_page(browser, width)

    log_in(page, live_server.url, operator.email)

    page.wait_for_url(re.compile(r".*/cuenta/segundo-factor/configurar/\?next=%2Fdashboard%2F$"))
    expect(page.locator("svg.qr-code")).to_be_visible()
    assert page.locator("svg.qr-code").bounding_box()["width"] <= width
    page.screenshot(path=str(test_output_dir / f"set-up-{width}.png"), full_page=True)
    device = TOTPDevice.objects.get(user=operator, confirmed=False)
    page.fill("#id_code", totp_token(device))
    page.get_by_role("button", name="Confirmar").click()

    page.wait_for_url("**/cuenta/segundo-factor/codigos/**")
    assert page.locator(".recovery-codes li").count() == 10
    recovery_code = page.locator(".recovery-codes li").first.inner_text()
    page.screenshot(path=str(test_output_dir / f"recovery-codes-{width}.png"), full_page=True)
    page.get_by_role("link", name="Ya los guardé: continuar").click()

    page.wait_for_url(f"{live_server.url}/dashboard/")
    assert page.locator('a[href="/dashboard/accesos/bloqueos/"]').count() == 1
    page.screenshot(path=str(test_output_dir / f"dashboard-{width}.png"), full_page=True)

    # The next login asks for a code; without the phone, a recovery code does.
    page.goto(f"{live_server.url}/accounts/logout/")
    log_in(page, live_server.url, operator.email)
    page.wait_for_url("**/cuenta/segundo-factor/verificar/?next=%2Fdashboard%2F")
    page.screenshot(path=str(test_output_dir / f"verify-{width}.png"), full_page=True)
    page.fill("#id_code", recovery_code)
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")
    assert "le quedan 9" in page.content()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_eleventh_try_meets_the_lockout_page(live_server, browser, test_output_dir, width):
    buyer = UserFactory(email="ana@example.test")
    page = new_page(browser, width)
    for attempt in range(10):
        log_in(page, live_server.url, buyer.email, password=f"guess-{attempt}")

    log_in(page, live_server.url, buyer.email)

    assert page.get_by_role("heading", level=1).inner_text() == "Demasiados intentos fallidos"
    assert "Vuelva a intentarlo a las" in page.locator(".login-locked-until").inner_text()
    page.screenshot(path=str(test_output_dir / f"locked-out-{width}.png"), full_page=True)
