"""A two-store purchase paid by card in Chromium, through Stripe.js (localstripe's fake
one): the card goes from the browser to the card processor, our server sees ids only."""

from decimal import Decimal

import pytest

from payments.models import Payment
from tests.browser.conftest import delivery_address_fill, new_page
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import PickupPointFactory
from tests.localstripe_server import CARD_PAID, stripe_options
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def stripe_enabled(settings, localstripe_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "stripe": {
            "BACKEND": "payments.gateways.stripe.StripeGateway",
            "OPTIONS": stripe_options(localstripe_url, currencies=("CUP",)),
        },
    }


def test_a_guest_pays_a_two_store_purchase_by_card(
    live_server, browser, stripe_enabled, test_output_dir
):
    products = []
    for name, title in (("Café Serrano", "Café molido 250 g"), ("Miel del Valle", "Miel 500 ml")):
        partner = PartnerFactory(name=name)
        PickupPointFactory(vendor=partner.vendor, name=f"Tienda {name}")
        products.append(
            ProductFactory(
                title=title,
                stockrecord__partner=partner,
                stockrecord__price=Decimal("320.00"),
                stockrecord__num_in_stock=4,
            )
        )
    page = new_page(browser)
    for product in products:
        page.goto(f"{live_server.url}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(f"{live_server.url}/checkout/")
    page.fill("#id_username", "lucia@example.test")
    page.locator("#id_options_0").check()
    page.locator("form:has(#id_username) button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-address/")
    delivery_address_fill(page, municipality="Playa")
    page.locator("#new_shipping_address button[type=submit]").click()
    page.wait_for_url("**/checkout/shipping-method/")
    for part in range(2):
        page.locator(".delivery-part").nth(part).get_by_label("Recogida en", exact=False).check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.get_by_label("Tarjeta").check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    page.locator("#place-order").click()

    page.wait_for_url("**/pagar/**")
    assert list(VendorOrder.objects.values_list("status", flat=True)) == [
        "pending_payment",
        "pending_payment",
    ]
    page.locator("#card-element input").first.wait_for()
    inputs = page.locator("#card-element input")
    for index, value in enumerate([CARD_PAID, "12", "34", "123", "10400"]):
        if index < inputs.count():
            inputs.nth(index).fill(value)
    page.screenshot(path=str(test_output_dir / "card.png"), full_page=True)
    page.get_by_role("button", name="Pagar").click()
    page.wait_for_url("**/checkout/thank-you/")
    page.screenshot(path=str(test_output_dir / "paid.png"), full_page=True)
    # The confirmation tells each store's part as paid by card, by what Stripe can do.
    assert page.locator(".confirmed-payment").all_inner_texts() == ["Pagado con tarjeta."] * 2
    assert "Pagado con tarjeta: 640,00 CUP." in page.locator(".how-to-pay").inner_text()

    payment = Payment.objects.get()
    assert payment.state == "captured"
    assert payment.amount == Decimal("640.00")
    assert sorted(VendorOrder.objects.values_list("status", flat=True)) == ["placed", "placed"]
