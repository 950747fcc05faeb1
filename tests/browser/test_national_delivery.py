"""A buyer in Pinar del Río buys from Baracoa, Holguín and La Habana on a phone: each
part is offered home delivery by the national carrier, with its price and date."""

from decimal import Decimal

import pytest
from django.utils import formats, timezone

from logistics.models import Municipality
from logistics.national.rates import estimated_delivery
from tests.browser.conftest import log_in
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.national import NationalCarrierFactory, national_table, store_sends_through
from vendors.catalogue.products import product_weight_set
from vendors.models import VendorOrder

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# store, its municipality, product, weight (kg) -> the band's price (tests/factories/national)
STORES = [
    ("Cacao de Baracoa", "Baracoa", "Chocolate de Baracoa", "1.5", "300,00 CUP", 3),
    ("Cárnica de Holguín", "Holguín", "Chorizo ahumado", "3", "450,00 CUP", 3),
    ("Construcciones Habana", "Playa", "Pintura blanca, galón", "7", "700,00 CUP", 4),
]


@pytest.fixture
def three_provinces():
    carrier = NationalCarrierFactory(allows_consolidation=False)
    national_table(
        carrier,
        origins=["Guantánamo", "Holguín", "La Habana"],
        destinations=["Pinar del Río"],
    )
    products = []
    for index, (name, municipality, title, weight, _price, _days) in enumerate(STORES):
        partner = PartnerFactory(
            name=name,
            code=f"tienda-{index}",
            vendor__municipality=Municipality.objects.get(name=municipality),
        )
        product = ProductFactory(
            title=title,
            stockrecord__partner=partner,
            stockrecord__price=Decimal("400.00"),
            stockrecord__num_in_stock=10,
        )
        product_weight_set(product=product, weight_kg=Decimal(weight))
        store_sends_through(partner.vendor, carrier)
        products.append(product)
    return products


def pinar_buyer_at_the_delivery_step(browser, url, products):
    """A buyer in Pinar del Río, on a 390 px phone, with one of each product in the basket,
    past the address step: the page shows the delivery step."""
    shopper = UserFactory(email="pedro@example.test", first_name="Pedro")
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="es-ES").new_page()
    page.set_default_timeout(15_000)
    log_in(page, url, shopper.email)
    for product in products:
        page.goto(f"{url}{product.get_absolute_url()}")
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()
    page.goto(f"{url}/checkout/")
    page.fill("#id_first_name", "Pedro")
    page.fill("#id_last_name", "Pérez")
    page.fill("#id_line1", "Calle Martí No. 20")
    page.select_option("#id_province", label="Pinar del Río")
    page.select_option("#id_municipality", label="Pinar del Río")
    page.fill("#id_phone_number", "+53 5 234 5678")
    page.locator("#new_shipping_address button[type=submit]").click()

    page.wait_for_url("**/checkout/shipping-method/")
    return page


def test_a_pinar_buyer_gets_a_home_delivery_price_and_date_for_three_parts_on_a_phone(
    live_server, browser, three_provinces, test_output_dir
):
    page = pinar_buyer_at_the_delivery_step(browser, live_server.url, three_provinces)
    parts = page.locator(".delivery-part")
    assert parts.count() == 3
    assert "no entrega en" not in page.content()
    today = timezone.localdate()
    for index, (name, _m, _t, _w, price, days) in enumerate(STORES):
        arrives = formats.date_format(
            estimated_delivery(today=today, handling_days=1, transit_days=days), r"l j \d\e F"
        )
        assert name in parts.nth(index).inner_text()
        home = parts.nth(index).get_by_label("Entrega a domicilio en Pinar del Río", exact=False)
        label = home.locator("xpath=following-sibling::label").inner_text()
        assert "Paquetería Nacional" in label and arrives in label and price in label, label
        home.check()
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(test_output_dir / "delivery-390.png"), full_page=True)
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/payment-method/")
    page.get_by_role("button", name="Continuar").click()
    page.wait_for_url("**/checkout/preview/")
    assert page.locator(".review-part").count() == 3
    page.screenshot(path=str(test_output_dir / "review-390.png"), full_page=True)
    page.locator("#place-order").click()
    page.wait_for_url("**/checkout/thank-you/")

    charges = list(
        VendorOrder.objects.order_by("sequence").values_list("delivery_charge", flat=True)
    )
    assert charges == [Decimal("300.00"), Decimal("450.00"), Decimal("700.00")]
