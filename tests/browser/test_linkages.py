"""A deal declared by one actor and confirmed by the other, in Chromium on a 390 px phone
with JavaScript off: it appears once in /encadenamientos/, in both stores' pages, on the
map and in the open data."""

import json

import pytest
from playwright.sync_api import expect

from shop.linkages.models import Deal, DealStatus
from tests.browser.conftest import log_in
from tests.factories.callcenter import owner_of
from tests.factories.linkages import actors

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_a_declared_deal_is_confirmed_and_counted_once_everywhere(
    live_server, browser, test_output_dir
):
    world = actors()
    farmer_user, baker_user = owner_of(world["farm"].partner), owner_of(world["bakery"].partner)
    shot = 0

    def page_for(email=None):
        context = browser.new_context(viewport=PHONE, locale="es-ES", java_script_enabled=False)
        context.set_default_timeout(15_000)
        page = context.new_page()
        if email:
            log_in(page, live_server.url, email)
        return page

    def screenshot(page, name):
        nonlocal shot
        shot += 1
        page.screenshot(path=str(test_output_dir / f"{shot:02d}-{name}.png"), full_page=True)

    farmer = page_for(farmer_user.email)
    farmer.goto(f"{live_server.url}/vendedor/{world['farm'].slug}/negocios/")
    farmer.fill("#id_counterpart", "no-existe")
    farmer.get_by_role("button", name="Declarar el negocio").click()
    expect(farmer.get_by_text("Ningún actor activo en Encadena tiene ese NIT")).to_be_visible()
    assert Deal.objects.count() == 0
    farmer.fill("#id_counterpart", world["bakery"].nit)
    farmer.get_by_label("vendió").check()
    farmer.select_option("#id_band", "10k-50k")
    farmer.get_by_label("En una feria o evento").check()
    farmer.fill("#id_note", "Mangos para dulce")
    farmer.get_by_role("button", name="Declarar el negocio").click()
    expect(farmer.get_by_text("Negocio declarado: contará cuando")).to_be_visible()
    screenshot(farmer, "declared")
    assert Deal.objects.get().status == DealStatus.PENDING

    baker = page_for(baker_user.email)
    baker.goto(f"{live_server.url}/vendedor/{world['bakery'].slug}/negocios/")
    expect(baker.get_by_text("dice que le vendió")).to_be_visible()
    screenshot(baker, "to-confirm")
    baker.get_by_role("button", name="Confirmar").click()
    expect(baker.get_by_text("Negocio confirmado")).to_be_visible()
    expect(baker.get_by_text("1 negocio con 1 actores de 1 provincias")).to_be_visible()
    screenshot(baker, "confirmed")
    farmer.reload()
    expect(farmer.get_by_text("1 negocio con 1 actores de 1 provincias")).to_be_visible()

    visitor = page_for()
    visitor.goto(f"{live_server.url}/encadenamientos/")
    totals = visitor.locator(".linkage-figures li").all_inner_texts()
    assert [" ".join(text.split()) for text in totals] == [
        "1 negocios este mes",
        "1 negocios en total",
        "2 actores encadenados",
    ]
    expect(visitor.get_by_text("Artemisa → La Habana", exact=True)).to_be_visible()
    assert visitor.locator("svg.linkage-chart").count() >= 4
    width = visitor.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    screenshot(visitor, "linkages")

    visitor.goto(f"{live_server.url}/mapa/")
    visitor.get_by_role("link", name="Artemisa", exact=True).click()
    expect(visitor.get_by_role("link", name="Finca El Mango")).to_be_visible()
    assert visitor.locator('a[aria-label="Artemisa — actores: 1, negocios: 1"]').count() == 1
    assert visitor.locator('a[aria-label="La Habana — actores: 1, negocios: 1"]').count() == 1
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(visitor, "map")
    visitor.locator(".map-towns").get_by_role("link", name="Artemisa", exact=True).click()
    row = visitor.locator(".map-towns tr.chosen").inner_text().split()
    assert row == ["Artemisa", "1", "1"]
    expect(visitor.get_by_role("heading", name="Actores en Artemisa (Artemisa)")).to_be_visible()
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(visitor, "map-municipality")

    # Who needs what: the bakery needs what the farm sells; both see it on a phone.
    world["bakery"].need_sectors.set(world["farm"].sectors.all())
    visitor.goto(f"{live_server.url}/actores/?need=alimentos-y-bebidas")
    assert visitor.locator(".directory-entry h2 > a").all_inner_texts() == ["Panadería La Habanera"]
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    farmer.goto(f"{live_server.url}/vendedor/{world['farm'].slug}/")
    needing = farmer.locator(".complementary-list").first
    expect(needing.get_by_role("link", name="Panadería La Habanera")).to_be_visible()
    assert farmer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(farmer, "who-needs-what")
    for store in (world["farm"], world["bakery"]):
        visitor.goto(f"{live_server.url}/tiendas/{store.slug}/")
        expect(visitor.get_by_text("1 negocio con 1 actores de 1 provincias")).to_be_visible()

    opened = visitor.goto(f"{live_server.url}/encadenamientos/datos.json")
    total = json.loads(opened.text())["figures"][0]
    # One deal is under the threshold: the open data does not say it.
    assert (total["scope"], total["deals"], total["suppressed"]) == ("total", None, True)
