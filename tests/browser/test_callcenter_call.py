"""A whole call in Chromium: the agent finds the caller by the phone they read out,
opens their file, places an order across two stores paid cash on delivery, leaves a
note and cancels one line the caller changed their mind about."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.callcenter.models import AuditAction, AuditEntry, CustomerNote, PurchaseOrigin
from shop.core.money import money_format
from tests.browser.conftest import log_in, new_page
from tests.factories import ProductFactory, UserFactory
from tests.factories.callcenter import ADDRESS, agent_create, cuba, stores_create
from vendors.models import LINE_CANCELLED

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
Order = get_model("order", "Order")
UserAddress = get_model("address", "UserAddress")
StockRecord = get_model("partner", "StockRecord")


def test_a_whole_call(live_server, browser, test_output_dir):
    (serrano, _coffee), (valle, _honey) = stores_create()
    ProductFactory(
        title="Azúcar morena 1 kg",
        stockrecord__partner=serrano,
        stockrecord__price=Decimal("120.00"),
        stockrecord__num_in_stock=5,
    )
    marta = UserFactory(email="marta@example.test", first_name="Marta", last_name="Díaz")
    UserAddress.objects.create(user=marta, country=cuba(), is_default_for_shipping=True, **ADDRESS)
    agent = agent_create(email="agente@example.test", first_name="Ángel", last_name="Agente")
    page = new_page(browser)
    log_in(page, live_server.url, agent.email)

    # The caller reads out their phone the way people do.
    page.goto(f"{live_server.url}/atencion/")
    page.locator(".console-search input[name=q]").fill("52 34 56 78")
    page.locator(".console-search button[type=submit]").click()
    page.locator(".customer-row a", has_text="Marta Díaz").click()
    page.wait_for_url(f"**/atencion/clientes/{marta.pk}/")
    assert "+5352345678" in page.content()

    # A new order: two stores, cash on delivery.
    page.locator(".contact a.btn-primary").click()
    page.wait_for_url("**/pedido/")
    for title in ("Producto de Café Serrano", "Azúcar morena", "Producto de Miel del Valle"):
        page.locator(".product-search input[name=q]").fill(title)
        page.locator(".product-search button").click()
        page.wait_for_load_state()
        page.locator(".product-offer", has_text=title).locator("button").click()
        page.wait_for_load_state()
    assert page.locator(".basket-part").count() == 2
    page.locator("button[value=options]").click()
    page.wait_for_load_state()
    assert page.locator(".delivery-part").count() == 2
    page.select_option("#id_channel", "phone")
    page.locator("#pay-cash_on_delivery").check()
    page.screenshot(path=str(test_output_dir / "phone-order.png"), full_page=True)
    page.locator("#place-order").click()
    page.wait_for_url("**/atencion/compras/**")
    order = Order.objects.get(user=marta)
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == ["placed", "placed"]
    origin = PurchaseOrigin.objects.get(order=order)
    assert (origin.channel, origin.agent_id) == ("phone", agent.pk)

    # A note about the call, then the caller drops the sugar.
    page.locator(".note-form textarea[name=text]").fill("Pide que llamen antes de llegar.")
    page.locator(".note-form button").click()
    page.wait_for_load_state()
    sugar = page.locator("tr.line", has_text="Azúcar morena")
    sugar.locator("input[name=reason]").fill("El cliente ya tiene azúcar")
    sugar.locator("button").click()
    page.wait_for_load_state()
    page.screenshot(path=str(test_output_dir / "purchase.png"), full_page=True)

    assert page.locator("tr.line-cancelled", has_text="Azúcar morena").count() == 1
    assert CustomerNote.objects.get(customer=marta).text == "Pide que llamen antes de llegar."
    sugar_line = order.lines.get(title="Azúcar morena 1 kg")
    assert sugar_line.status == LINE_CANCELLED
    assert StockRecord.objects.get(pk=sugar_line.stockrecord_id).num_allocated == 0
    assert sorted(order.vendor_orders.values_list("status", flat=True)) == ["placed", "placed"]
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        AuditAction.ORDER_PLACED,
        AuditAction.NOTE_ADDED,
        AuditAction.LINE_CANCELLED,
    ]

    # The customer's file now holds the new purchase, its cancelled line and the note.
    page.goto(f"{live_server.url}/atencion/clientes/{marta.pk}/")
    page.screenshot(path=str(test_output_dir / "customer.png"), full_page=True)
    assert page.locator(".purchase-file").count() == 1
    assert "+5352345678" in page.locator(".contact").inner_text()
    assert page.locator(".note", has_text="Pide que llamen antes de llegar.").count() == 1

    # The operator reads what the agent did, in sentences.
    operator = UserFactory(email="operadora@example.test", is_staff=True, is_superuser=True)
    supervisor = new_page(browser)
    log_in(supervisor, live_server.url, operator.email)
    supervisor.goto(f"{live_server.url}/atencion/registro/")
    sentences = supervisor.locator(".audit-sentence").all_inner_texts()
    first, second = order.vendor_orders.order_by("sequence")
    assert sentences == [
        f"Ángel Agente quitó 1 × Azúcar morena 1 kg de la parte {first.number}: "
        "El cliente ya tiene azúcar.",
        f"Ángel Agente dejó una nota en la compra {order.number}: Pide que llamen antes de llegar.",
        f"Ángel Agente hizo la compra {order.number} para Marta Díaz (Teléfono): "
        f"{money_format(order.total_incl_tax, 'CUP', language='es')}, Pago contra entrega.",
    ]
    supervisor.screenshot(path=str(test_output_dir / "audit-log-1280.png"), full_page=True)
    supervisor.set_viewport_size({"width": 390, "height": 844})
    supervisor.screenshot(path=str(test_output_dir / "audit-log-390.png"), full_page=True)
