"""A two-store purchase paid in the gateway's app, in Chromium: the buyer follows the
payment's QR link to the gateway's (fake) page, pays there, and the order becomes paid:
by EnZona's callback and the return to our page, or by asking Transfermóvil."""

from decimal import Decimal

import pytest

from payments.models import Payment
from tests.browser.conftest import delivery_address_fill, new_page
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import PickupPointFactory
from tests.fakes import enzona_server, transfermovil_server
from tests.fakes.fixtures import fake_reset
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def link_gateways(settings, live_server, enzona_url, transfermovil_url):
    settings.PAYMENT_GATEWAYS = {
        **settings.PAYMENT_GATEWAYS,
        "enzona": {
            "BACKEND": "payments.gateways.enzona.adapter.EnzonaGateway",
            "OPTIONS": enzona_server.options(
                fake_reset(enzona_url),
                notify_url=f"{live_server.url}/payments/webhooks/enzona/",
                return_url=f"{live_server.url}/pagar/{{reference}}/codigo/",
            ),
        },
        "transfermovil": {
            "BACKEND": "payments.gateways.transfermovil.adapter.TransfermovilGateway",
            "OPTIONS": transfermovil_server.options(fake_reset(transfermovil_url)),
        },
    }


def purchase_to_payment_page(page, url, method_label):
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
    for product in products:
        page.goto(f"{url}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(f"{url}/checkout/")
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
    page.get_by_label(method_label, exact=True).check()
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    page.locator("#place-order").click()
    page.wait_for_url("**/pagar/*/codigo/")


@pytest.mark.parametrize("method_label", ["Transfermóvil", "EnZona"])
def test_a_guest_pays_by_following_the_qr_link_to_the_gateway(
    live_server, browser, link_gateways, method_label, test_output_dir
):
    page = new_page(browser)
    purchase_to_payment_page(page, live_server.url, method_label)
    assert sorted(VendorOrder.objects.values_list("status", flat=True)) == [
        "pending_payment",
        "pending_payment",
    ]
    assert page.locator(".qr-code-box svg[role=img]").count() == 1
    code = page.locator("#payment-code").inner_text()
    assert code
    page.screenshot(path=str(test_output_dir / f"qr-{method_label}.png"), full_page=True)

    payment_page = page.url
    page.locator("#payment-link").click()  # what scanning the QR code opens
    page.get_by_role("button", name="Pagar").click()
    page.wait_for_load_state()
    if not page.url.startswith(live_server.url):  # Transfermóvil does not send the buyer back
        page.goto(payment_page)  # our page asks the gateway
    assert "Esta compra está pagada" in page.locator("[role=status]").inner_text()
    page.get_by_role("link", name="Ver su compra").click()
    page.wait_for_url("**/checkout/thank-you/")
    page.screenshot(path=str(test_output_dir / f"paid-{method_label}.png"), full_page=True)

    payment = Payment.objects.get()
    assert payment.state == "captured"
    assert payment.amount == Decimal("640.00")
    assert sorted(VendorOrder.objects.values_list("status", flat=True)) == ["placed", "placed"]
