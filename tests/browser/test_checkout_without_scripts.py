"""A guest buys with JavaScript off, on a phone and on a desktop: every checkout step
is a plain form, and the first one lets a guest through without a password."""

from decimal import Decimal

import pytest

from tests.browser.conftest import delivery_address_fill
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def coffee():
    partner = PartnerFactory(name="Café Serrano", code="serrano")
    DeliveryZoneFactory(vendor=partner.vendor, name="La Habana", price=Decimal("150.00"))
    PickupPointFactory(vendor=partner.vendor, name="Taller Café Serrano")
    return ProductFactory(
        title="Café de Jibacoa 250 g",
        stockrecord__partner=partner,
        stockrecord__price=Decimal("320.00"),
        stockrecord__num_in_stock=10,
    )


@pytest.mark.parametrize("device", VIEWPORTS)
def test_a_guest_checks_out_with_cash_on_delivery_and_no_scripts(
    live_server, browser, coffee, device, test_output_dir
):
    context = browser.new_context(
        viewport=VIEWPORTS[device], locale="es-ES", java_script_enabled=False
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    shot = 0

    def screenshot(name):
        nonlocal shot
        shot += 1
        page.screenshot(path=str(test_output_dir / f"{shot:02d}-{name}.png"), full_page=True)

    page.goto(f"{live_server.url}{coffee.get_absolute_url()}")
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.goto(f"{live_server.url}/basket/")
    page.get_by_role("link", name="Realizar el pedido").click()

    page.wait_for_url("**/checkout/")
    assert page.get_by_label("Soy un cliente nuevo y quiero comprar como invitado").is_checked()
    page.get_by_label("Mi correo electrónico es").fill("lucia@example.test")
    screenshot("gateway")
    page.get_by_role("button", name="Continuar").click()

    page.wait_for_url("**/checkout/shipping-address/")
    delivery_address_fill(page)
    screenshot("address")
    page.locator("#new_shipping_address button[type=submit]").click()

    page.wait_for_url("**/checkout/shipping-method/")
    page.get_by_label("Entrega a domicilio", exact=False).check()
    screenshot("delivery")
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.get_by_label("Pago contra entrega", exact=False).check()
    screenshot("payment")
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    screenshot("review")
    page.locator("#place-order").click()
    page.wait_for_url("**/checkout/thank-you/")
    screenshot("thank-you")

    part = VendorOrder.objects.get()
    assert (part.order.guest_email, part.status, part.delivery_charge) == (
        "lucia@example.test",
        "placed",
        Decimal("150.00"),
    )
    assert part.order.total_incl_tax == Decimal("470.00")
    context.close()
