"""A company buys as a company in Chromium, JavaScript off, on a 390 px phone: the owner
invites a buyer and an approver by e-mail, the buyer goes over its spending limit at
checkout and its purchase waits, the approver approves it and it goes to its stores."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from shop.companies.models import ApprovalStatus, CompanyInvitation, CompanyPurchase
from shop.companies.services import CompanyFields, company_create
from tests.browser.conftest import delivery_address_fill, log_in
from tests.factories import UserFactory
from tests.factories.callcenter import stores_create

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def test_owner_invites_buyer_goes_over_its_limit_and_the_approver_approves(
    live_server, browser, test_output_dir
):
    stores = stores_create(stock=10)
    owner = UserFactory(email="elena@example.test", first_name="Elena")
    buyer = UserFactory(email="camilo@example.test", first_name="Camilo")
    approver = UserFactory(email="adela@example.test", first_name="Adela")
    company_create(
        fields=CompanyFields(
            legal_name="Cafetería El Portal S.R.L.", nit="30100200301", actor_type="mipyme_privada"
        ),
        owner=owner,
    )
    shots = iter(range(1, 100))

    def page_for(user):
        context = browser.new_context(viewport=PHONE, locale="es-ES", java_script_enabled=False)
        context.set_default_timeout(15_000)
        page = context.new_page()
        log_in(page, live_server.url, user.email)
        return page

    def screenshot(page, name):
        page.screenshot(path=str(test_output_dir / f"{next(shots):02d}-{name}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The owner invites a buyer (limit 600) and an approver.
    page = page_for(owner)
    for user, role, limit in ((buyer, "Comprador", "600"), (approver, "Aprobador", "")):
        page.goto(f"{live_server.url}/cuenta/empresa/miembros/")
        page.fill("form.company-invite #id_email", user.email)
        page.select_option("form.company-invite #id_role", label=role)
        page.fill("form.company-invite #id_spending_limit", limit)
        page.locator("form.company-invite button[type=submit]").click()
        page.wait_for_url("**/cuenta/empresa/miembros/")
        expect(page.get_by_text(f"Se envió una invitación a {user.email}.")).to_be_visible()
    screenshot(page, "owner-members")

    def accept(page, user):
        token = CompanyInvitation.objects.get(email=user.email).token
        page.goto(f"{live_server.url}/cuenta/empresa/invitacion/{token}/")
        page.get_by_role("button", name="Aceptar la invitación").click()
        page.wait_for_url("**/cuenta/empresa/")
        expect(page.get_by_text("Usted se unió a Cafetería El Portal S.R.L.")).to_be_visible()

    # The buyer joins, fills a basket from two stores (1.200 CUP with delivery) as the company.
    buyer_page = page_for(buyer)
    accept(buyer_page, buyer)
    for _partner, product in stores:
        buyer_page.goto(f"{live_server.url}{product.get_absolute_url()}")
        buyer_page.locator("#add_to_basket_form button[type=submit]").click()
        buyer_page.wait_for_load_state()
    buyer_page.goto(f"{live_server.url}/checkout/")
    delivery_address_fill(buyer_page)
    buyer_page.locator("#new_shipping_address button[type=submit]").click()
    buyer_page.wait_for_url("**/checkout/shipping-method/")
    for index in range(2):
        buyer_page.locator(".delivery-part").nth(index).get_by_label(
            "Entrega a domicilio", exact=False
        ).check()
    buyer_page.get_by_role("button", name="Continuar").click()
    buyer_page.wait_for_url("**/checkout/payment-method/")
    buyer_page.get_by_label("Cafetería El Portal S.R.L.").check()
    screenshot(buyer_page, "buy-as-company")
    buyer_page.get_by_role("button", name="Continuar").click()
    buyer_page.wait_for_url("**/checkout/preview/")
    buyer_page.locator("#place-order").click()
    buyer_page.wait_for_url("**/cuenta/empresa/compras/*/")
    assert buyer_page.locator(".approval-status").inner_text().startswith("Esperando aprobación")
    assert buyer_page.get_by_role("button", name="Aprobar").count() == 0
    screenshot(buyer_page, "buyer-waits")
    purchase = CompanyPurchase.objects.get()
    assert purchase.order.total_incl_tax == Decimal("1200.00")
    assert set(purchase.order.vendor_orders.values_list("status", flat=True)) == {"pending_payment"}

    # The approver joins and approves it.
    approver_page = page_for(approver)
    accept(approver_page, approver)
    approver_page.goto(f"{live_server.url}/cuenta/empresa/compras/{purchase.pk}/")
    screenshot(approver_page, "approver-sees-it")
    approver_page.get_by_role("button", name="Aprobar").click()
    approver_page.wait_for_url(f"**/cuenta/empresa/compras/{purchase.pk}/")
    expect(approver_page.get_by_text("La compra fue aprobada y sigue adelante.")).to_be_visible()
    screenshot(approver_page, "approved")

    purchase.refresh_from_db()
    assert (purchase.approval_status, purchase.decided_by) == (ApprovalStatus.APPROVED, approver)
    assert set(purchase.order.vendor_orders.values_list("status", flat=True)) == {"placed"}
    buyer_page.reload()
    assert buyer_page.locator(".approval-status").inner_text().startswith("Aprobada")
