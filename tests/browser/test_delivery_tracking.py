"""A vendor ships its part with its own courier; the courier, with only a link, records
out for delivery and delivered with the cash; the buyer follows it in "My purchases" and
the public tracking page shows the steps without anyone's personal data."""

import re
from decimal import Decimal

import pytest

from logistics.models import Shipment
from tests.browser.conftest import new_page
from tests.browser.test_multi_store_purchase import log_in
from tests.factories import PartnerFactory, UserFactory
from tests.factories.shipments import ready_part
from vendors.models import MembershipRole, VendorOrderStatus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ship_courier_delivers_with_cash_buyer_and_public_follow(
    live_server, browser, test_output_dir
):
    partner = PartnerFactory(name="Café Serrano", code="cafe-serrano")
    owner = UserFactory(email="duena@example.test")
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    buyer = UserFactory(email="lucia@example.test", first_name="Lucía")
    part = ready_part(partner=partner, user=buyer, quantity=2, price="160.00")

    vendor = new_page(browser)
    log_in(vendor, live_server.url, owner.email)
    vendor.goto(f"{live_server.url}/vendedor/{partner.vendor.slug}/pedidos/{part.number}/")
    vendor.fill("#id_parcels", "2")
    vendor.fill("#id_weight_kg", "1.5")
    vendor.locator(".shipment-create button[type=submit]").click()
    vendor.wait_for_load_state()
    card = vendor.locator(".shipment-card")
    assert card.count() == 1
    courier_url = card.locator(".courier-link input[readonly]").input_value()
    code = card.locator(".shipment-code").inner_text()
    vendor.screenshot(path=str(test_output_dir / "vendor-order.png"), full_page=True)
    assert re.fullmatch(rf"{re.escape(live_server.url)}/mensajero/\d+\.0:[^/]+/", courier_url)

    courier = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="es-ES"
    ).new_page()  # a phone, no account
    courier.goto(courier_url)
    courier.locator("button[value=out_for_delivery]").click()
    courier.wait_for_load_state()
    assert courier.locator(".courier-status").get_attribute("data-status") == "out_for_delivery"
    assert "320" in courier.locator(".courier-cash").inner_text()
    courier.locator("button[value=delivered]").click()  # without the cash: refused
    courier.wait_for_load_state()
    assert courier.locator(".alert-danger").count() == 1
    courier.fill("input[name=cash_collected]", "320.00")
    courier.locator("button[value=delivered]").click()
    courier.wait_for_load_state()
    courier.screenshot(path=str(test_output_dir / "courier.png"), full_page=True)
    assert courier.locator(".courier-status").get_attribute("data-status") == "delivered"
    assert courier.locator("button[name=status]").count() == 0

    shipment = Shipment.objects.get()
    part.refresh_from_db()
    assert (shipment.status, shipment.cash_collected) == ("delivered", Decimal("320.00"))
    assert part.status == VendorOrderStatus.DELIVERED

    shopper = new_page(browser)
    log_in(shopper, live_server.url, buyer.email)
    shopper.goto(f"{live_server.url}/accounts/orders/{part.order.number}/")
    steps = shopper.locator(".purchase-part-shipment .shipment-step")
    assert [steps.nth(i).get_attribute("data-status") for i in range(steps.count())] == [
        "registered",
        "out_for_delivery",
        "delivered",
    ]
    shopper.screenshot(path=str(test_output_dir / "my-purchase.png"), full_page=True)

    public = browser.new_context(locale="es-ES").new_page()
    public.goto(f"{live_server.url}/seguimiento/")
    public.fill("#code", code.lower())
    public.locator(".tracking-lookup button[type=submit]").click()
    public.wait_for_url(f"**/seguimiento/{code}/")
    html = public.content()
    public.screenshot(path=str(test_output_dir / "public-tracking.png"), full_page=True)
    assert public.locator(".shipment-step").count() == 3
    assert "Plaza de la Revolución" in html
    for private in (
        "Lucía",
        "Fernández",
        "Calle 23",
        "5352345678",
        "lucia@example.test",
        "320",
        part.number,
    ):
        assert private not in html, private
