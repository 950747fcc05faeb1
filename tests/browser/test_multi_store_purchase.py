"""A shopper buys from three stores in one basket; each store sees only its part."""

from decimal import Decimal

import pytest

from tests.browser.conftest import delivery_address_fill, log_in, new_page
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from vendors.models import MembershipRole, VendorOrder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORES = [
    ("Café Serrano", "Café de Jibacoa 250 g", "320.00"),
    ("Miel del Valle", "Miel de abejas 500 ml", "450.00"),
    ("Artesanías Yumurí", "Cesta de yarey", "900.00"),
]


@pytest.fixture
def three_stores():
    stores = []
    for index, (name, title, price) in enumerate(STORES):
        partner = PartnerFactory(name=name, code=f"tienda-{index}")
        owner = UserFactory(email=f"duena{index}@example.test")
        partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
        product = ProductFactory(
            title=title,
            stockrecord__partner=partner,
            stockrecord__price=Decimal(price),
            stockrecord__num_in_stock=10,
        )
        DeliveryZoneFactory(
            vendor=partner.vendor, name=f"La Habana ({name})", price=Decimal("150.00")
        )
        PickupPointFactory(vendor=partner.vendor, name=f"Taller {name}")
        stores.append((partner.vendor, product, owner))
    return stores


def test_one_basket_three_stores_two_deliveries_and_a_pickup(
    live_server, browser, three_stores, test_output_dir
):
    shopper = UserFactory(email="lucia@example.test", first_name="Lucía")
    page = new_page(browser)
    log_in(page, live_server.url, shopper.email)
    for _vendor, product, _owner in three_stores:
        page.goto(f"{live_server.url}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()

    page.goto(f"{live_server.url}/basket/")
    assert page.locator(".basket-vendor-part").count() == 3
    page.screenshot(path=str(test_output_dir / "basket.png"), full_page=True)
    page.goto(f"{live_server.url}/checkout/")
    delivery_address_fill(page)
    page.locator("#new_shipping_address button[type=submit]").click()

    page.wait_for_url("**/checkout/shipping-method/")
    parts = page.locator(".delivery-part")
    assert parts.count() == 3
    parts.nth(0).get_by_label("Entrega a domicilio", exact=False).check()
    parts.nth(1).get_by_label("Entrega a domicilio", exact=False).check()
    parts.nth(2).get_by_label("Recogida en", exact=False).check()
    page.screenshot(path=str(test_output_dir / "delivery.png"), full_page=True)
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    assert page.locator(".review-part").count() == 3
    page.screenshot(path=str(test_output_dir / "review.png"), full_page=True)
    page.locator("#place-order").click()
    page.wait_for_url("**/checkout/thank-you/")
    # Per store: how it arrives and the cash to have ready, on a desktop and on a phone.
    assert page.locator(".confirmed-payment").all_inner_texts() == [
        "Pague en efectivo al recibirlo: tenga listos 470,00 CUP.",
        "Pague en efectivo al recibirlo: tenga listos 600,00 CUP.",
        "Pague en efectivo al recogerlo: tenga listos 900,00 CUP.",
    ]
    assert (
        page.locator(".confirmed-delivery")
        .nth(2)
        .inner_text()
        .startswith("Recogida en Taller Artesanías Yumurí: Calle 23 No. 1010")
    )
    page.screenshot(path=str(test_output_dir / "confirmation-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(test_output_dir / "confirmation-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    order_parts = list(VendorOrder.objects.order_by("sequence"))
    assert [part.delivery_code.split("-")[0] for part in order_parts] == ["home", "home", "pickup"]
    page.goto(f"{live_server.url}/accounts/orders/")
    page.get_by_role("link", name=order_parts[0].order.number).first.click()
    page.wait_for_load_state()
    html = page.content()
    for part in order_parts:
        assert part.number in html
    page.screenshot(path=str(test_output_dir / "my-purchases.png"), full_page=True)

    for index, (vendor, product, owner) in enumerate(three_stores):
        vendor_page = new_page(browser)
        log_in(vendor_page, live_server.url, owner.email)
        vendor_page.goto(f"{live_server.url}/vendedor/{vendor.slug}/pedidos/")
        listing = vendor_page.content()
        assert order_parts[index].number in listing
        assert all(
            other.number not in listing for other in order_parts if other != order_parts[index]
        )
        vendor_page.get_by_role("link", name=order_parts[index].number).click()
        vendor_page.wait_for_load_state()
        detail = vendor_page.content()
        assert product.title in detail
        assert all(
            other_product.title not in detail
            for _v, other_product, _o in three_stores
            if other_product != product
        )
        vendor_page.screenshot(path=str(test_output_dir / f"vendor-{index}.png"), full_page=True)
