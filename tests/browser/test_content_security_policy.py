"""Chromium enforces our Content-Security-Policy on the shopper's pages, the dashboards and
the card page (Stripe.js from localstripe): nothing on them is refused, and the pages still
work. Every refusal is recorded (the `securitypolicyviolation` event, and console errors)."""

from decimal import Decimal

import pytest

from tests.browser.conftest import new_page
from tests.factories import CategoryFactory, PartnerFactory, ProductFactory, UserFactory
from tests.factories.callcenter import agent_create
from tests.factories.delivery import PickupPointFactory
from tests.factories.users import PASSWORD
from tests.localstripe_server import CARD_PAID, stripe_options

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber + " " + (event.sample || ""));
});
"""


class WatchedPage:
    """A page that remembers, across navigations, every CSP refusal and script error."""

    def __init__(self, browser, base_url: str):
        self.page = new_page(browser)
        self.base_url = base_url
        self.problems: list[str] = []
        self.expected_failures: set[str] = set()
        self.page.add_init_script(RECORD_VIOLATIONS)
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))

    def console(self, message):
        url = message.location.get("url")
        if message.type != "error" or (
            url in self.expected_failures and message.text.startswith("Failed to load")
        ):
            return
        self.problems.append(f"console: {message.text} ({url})")

    def visit(self, path: str, *, status: int = 200):
        if status != 200:  # the browser reports the page's own status as an error
            self.expected_failures.add(f"{self.base_url}{path}")
        response = self.page.goto(f"{self.base_url}{path}")
        assert response.status == status, path
        policy = response.headers.get("content-security-policy", "")
        assert "script-src 'self'" in policy and "object-src 'none'" in policy, path
        self.page.wait_for_load_state("load")
        self.collect(path)

    def collect(self, where: str):
        self.problems += [
            f"{where}: {text}" for text in self.page.evaluate("window.cspViolations || []")
        ]
        self.page.evaluate("window.cspViolations = []")

    def log_in(self, user):
        self.visit("/accounts/login/?next=/")  # where each role lands is not tested here
        self.page.fill("#id_login-username", user.email)
        self.page.fill("#id_login-password", PASSWORD)
        self.page.locator("button[name=login_submit]").click()
        self.page.wait_for_load_state()


@pytest.fixture
def shop_with_stripe(settings, localstripe_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": stripe_options(localstripe_url, currencies=("CUP",)),
        },
    }
    partner = PartnerFactory(name="Café Serrano")
    PickupPointFactory(vendor=partner.vendor, name="Tienda Café Serrano")
    product = ProductFactory(
        title="Café molido 250 g",
        stockrecord__partner=partner,
        stockrecord__price=Decimal("320.00"),
        stockrecord__num_in_stock=4,
    )
    return partner, product


def test_the_shoppers_pages_and_the_card_page_break_no_rule(
    live_server, browser, shop_with_stripe, test_output_dir
):
    partner, product = shop_with_stripe
    watched = WatchedPage(browser, live_server.url)
    page = watched.page
    for path in (
        "/",
        "/en/",
        "/catalogue/",
        "/search/?q=caf%C3%A9",
        "/actores/",
        f"/tiendas/{partner.vendor.slug}/",
        product.get_absolute_url(),
        "/vende/",
        "/accounts/login/",
    ):
        watched.visit(path)
    watched.visit("/no-such-page/", status=404)

    watched.visit(product.get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    watched.collect("add to basket")
    watched.visit("/basket/")
    watched.visit("/checkout/")
    page.fill("#id_username", "lucia@example.test")
    page.locator("#id_options_0").check()
    page.locator("form:has(#id_username) button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-address/")
    page.fill("#id_first_name", "Lucía")
    page.fill("#id_last_name", "Fernández")
    page.fill("#id_line1", "Calle 23 No. 1155")
    page.select_option("#id_province", label="La Habana")
    page.select_option("#id_municipality", label="Playa")  # territory.js filled the list
    page.fill("#id_phone_number", "+53 5 234 5678")
    watched.collect("shipping address")
    page.locator("#new_shipping_address button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-method/")
    page.locator(".delivery-part").first.get_by_label("Recogida en", exact=False).check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.get_by_label("Tarjeta").check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    watched.collect("preview")
    page.locator("#place-order").click()

    # The card page: Stripe.js from localstripe mounts its card fields and pays.
    page.wait_for_url("**/pagar/**")
    page.locator("#card-element input").first.wait_for()
    watched.collect("card page")
    inputs = page.locator("#card-element input")
    for index, value in enumerate([CARD_PAID, "12", "34", "123", "10400"]):
        if index < inputs.count():
            inputs.nth(index).fill(value)
    page.get_by_role("button", name="Pagar").click()
    page.wait_for_url("**/checkout/thank-you/")
    watched.collect("thank you")
    page.screenshot(path=str(test_output_dir / "thank-you.png"), full_page=True)

    (test_output_dir / "problems.txt").write_text("\n".join(watched.problems))
    assert watched.problems == []


def test_the_dashboards_break_no_rule(live_server, browser, test_output_dir):
    partner = PartnerFactory(name="Miel del Valle")
    product = ProductFactory(
        title="Miel 500 ml",
        stockrecord__partner=partner,
        categories=[CategoryFactory(name="Alimentos")],
        description="<p>Miel <em>pura</em></p>",
    )
    operator = UserFactory(email="operadora@example.test", is_staff=True, is_superuser=True)
    owner = UserFactory(email="duena@example.test")
    partner.vendor.memberships.create(user=owner, role="owner")
    agent = agent_create(email="agente@example.test")

    watched = WatchedPage(browser, live_server.url)
    watched.log_in(operator)
    for path in (
        "/dashboard/",
        "/dashboard/catalogue/",
        f"/dashboard/catalogue/products/{product.pk}/",
        "/dashboard/orders/",
        "/dashboard/users/",
        "/dashboard/actores/",
        "/dashboard/pages/create/",
        "/dashboard/envios/",
        "/atencion/",
        "/admin/",
    ):
        watched.visit(path)
    watched.page.screenshot(path=str(test_output_dir / "admin.png"), full_page=True)
    # Oscar's editor (TinyMCE) works under the policy: the operator edits a description.
    watched.visit(f"/dashboard/catalogue/products/{product.pk}/")
    editor = watched.page.frame_locator(".tox-edit-area iframe").locator("body")
    editor.click()
    watched.page.keyboard.press("Control+End")
    watched.page.keyboard.type(" de abejas")
    watched.page.screenshot(path=str(test_output_dir / "product-form.png"), full_page=True)
    watched.page.locator("button[name=action][value=save]").click()
    watched.page.wait_for_url("**/dashboard/catalogue/")
    watched.collect("product form")
    product.refresh_from_db()
    assert product.description == "<p>Miel <em>pura de abejas</em></p>"

    watched.page.context.clear_cookies()
    watched.log_in(owner)
    slug = partner.vendor.slug
    for path in (
        f"/vendedor/{slug}/",
        f"/vendedor/{slug}/pedidos/",
        f"/vendedor/{slug}/productos/importar/",
        f"/vendedor/{slug}/entregas/zonas/",
        f"/vendedor/{slug}/perfil/",
        f"/vendedor/{slug}/facturas/",
        f"/vendedor/{slug}/cuenta/",
    ):
        watched.visit(path)

    watched.page.context.clear_cookies()
    watched.log_in(agent)
    watched.visit("/atencion/")
    watched.visit("/dashboard/", status=403)

    (test_output_dir / "problems.txt").write_text("\n".join(watched.problems))
    assert watched.problems == []
