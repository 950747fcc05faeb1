"""The vendor's account page and the operator's balances and payouts pages."""

import re
from decimal import Decimal

import pytest
from django.test import Client

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from tests.queries import query_count
from vendors.ledger.entries import payout_create, vendor_balance, vendor_sale_record
from vendors.models import LedgerEntryKind, MembershipRole, Payout, VendorLedgerEntry

D = Decimal


def sale(partner, price: str):
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=D(price))
    vendor_order = purchase({partner: [(product, 1)]}).vendor_orders.get()
    vendor_sale_record(vendor_order=vendor_order)
    return vendor_order


@pytest.fixture
def world(db):
    partner_a = PartnerFactory(name="Tienda A", code="tienda-a")
    partner_b = PartnerFactory(name="Tienda B", code="tienda-b")
    users = {
        "shopper": UserFactory(),
        "owner_a": UserFactory(),
        "staff_a": UserFactory(),
        "owner_b": UserFactory(),
        "agent": UserFactory(is_staff=True),
        "operator": UserFactory(is_staff=True, is_superuser=True),
    }
    partner_a.vendor.memberships.create(user=users["owner_a"], role=MembershipRole.OWNER)
    partner_a.vendor.memberships.create(user=users["staff_a"], role=MembershipRole.STAFF)
    partner_b.vendor.memberships.create(user=users["owner_b"], role=MembershipRole.OWNER)
    order_a = sale(partner_a, "1000.00")  # balance 920.00
    order_b = sale(partner_b, "777.00")  # balance 714.84
    return {
        "a": partner_a.vendor,
        "b": partner_b.vendor,
        "users": users,
        "order_a": order_a,
        "order_b": order_b,
    }


def client_for(world, role) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


@pytest.mark.parametrize("role", ["owner_a", "staff_a", "operator"])
def test_members_and_operators_see_the_vendors_account(world, role):
    payout_create(
        vendor=world["a"], amount=D("500.00"), reference="TRF-A-1", actor=world["users"]["operator"]
    )

    response = client_for(world, role).get("/vendedor/tienda-a/cuenta/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "420,00" in html  # the balance: 1000 − 80 − 500
    assert world["order_a"].number in html and "TRF-A-1" in html
    assert world["order_b"].number not in html and "714,84" not in html


def test_the_ledger_reads_every_amount_in_the_one_money_format(world, settings):
    settings.MARKETPLACE_COMMISSION_PERCENT = D("7.50")
    partner = PartnerFactory(name="Tienda C", code="tienda-c")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=D("2446.00"))
    part = purchase({partner: [(product, 1)]}).vendor_orders.get()
    part.delivery_charge = D("100.00")
    part.save(update_fields=["delivery_charge"])
    vendor_sale_record(vendor_order=part)
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client = Client()
    client.force_login(owner)

    spanish = client.get("/vendedor/tienda-c/cuenta/").content.decode()
    english = client.get("/en/vendedor/tienda-c/cuenta/").content.decode()

    assert "productos 2.446,00 CUP + entrega 100,00 CUP" in spanish
    assert "2.546,00 CUP" in spanish and "-183,45 CUP" in spanish
    assert "7,50 % de 2.446,00 CUP" in spanish
    assert "La plataforma le debe 2.362,55 CUP." in spanish
    assert "products 2,446.00 CUP + delivery 100.00 CUP" in english
    assert "7.50 % of 2,446.00 CUP" in english and "2,546.00 CUP" in english
    for html in (spanish, english):
        assert "2546.00" not in html and "2446.00" not in html


@pytest.mark.parametrize("role", ["shopper", "owner_b", "agent"])
def test_others_cannot_see_a_vendors_account(world, role):
    response = client_for(world, role).get("/vendedor/tienda-a/cuenta/")

    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(world):
    response = Client().get("/vendedor/tienda-a/cuenta/")

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_vendor_that_owes_the_platform_is_told_so(world):
    VendorLedgerEntry.objects.create(
        vendor=world["a"],
        kind=LedgerEntryKind.CASH_COLLECTED,
        amount=D("-1000.00"),
        currency="CUP",
        vendor_order=world["order_a"],
        idempotency_key="prueba-efectivo",
    )

    html = client_for(world, "owner_a").get("/vendedor/tienda-a/cuenta/").content.decode()

    balance = re.search(r'<p class="lead vendor-balance">(.*?)</p>', html, re.S).group(1)
    assert re.findall(r"-?[\d.]+,\d\d", balance) == ["80,00"]


def test_the_operator_sees_every_vendors_balance(world):
    response = client_for(world, "operator").get("/dashboard/actores/saldos/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tienda A" in html and "920,00" in html
    assert "Tienda B" in html and "714,84" in html
    assert "142,16" in html  # the platform's commission: 80.00 + 62.16


@pytest.mark.parametrize("role", ["anonymous", "shopper", "agent", "owner_a", "staff_a"])
@pytest.mark.parametrize(
    "url", ["/dashboard/actores/saldos/", "/dashboard/actores/tienda-a/pagos/nuevo/"]
)
def test_only_operators_reach_the_balances_and_payout_pages(world, role, url):
    response = client_for(world, role).get(url)

    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("role", ["anonymous", "shopper", "agent", "owner_a"])
def test_only_operators_can_record_a_payout(world, role):
    response = client_for(world, role).post(
        "/dashboard/actores/tienda-a/pagos/nuevo/", {"amount": "100.00", "reference": "TRF-X"}
    )

    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Payout.objects.count() == 0
    assert vendor_balance(vendor=world["a"]) == D("920.00")


def test_the_operator_records_a_payout(world):
    client = client_for(world, "operator")
    assert client.get("/dashboard/actores/tienda-a/pagos/nuevo/").status_code == 200

    response = client.post(
        "/dashboard/actores/tienda-a/pagos/nuevo/", {"amount": "900.00", "reference": "TRF-0001"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/dashboard/actores/saldos/"
    payout = Payout.objects.get()
    assert (payout.vendor, payout.amount, payout.reference, payout.created_by) == (
        world["a"],
        D("900.00"),
        "TRF-0001",
        world["users"]["operator"],
    )
    assert vendor_balance(vendor=world["a"]) == D("20.00")
    assert vendor_balance(vendor=world["b"]) == D("714.84")


def test_the_operator_cannot_pay_more_than_the_balance(world):
    response = client_for(world, "operator").post(
        "/dashboard/actores/tienda-a/pagos/nuevo/", {"amount": "920.01", "reference": "TRF-0001"}
    )

    errors = re.findall(r'<div class="invalid-feedback[^>]*>(.*?)</div>', response.content.decode())
    assert response.status_code == 400
    assert len(errors) == 1 and "Tienda A 920,00 CUP" in errors[0]
    assert Payout.objects.count() == 0
    assert vendor_balance(vendor=world["a"]) == D("920.00")


def test_a_payout_for_an_unknown_store_is_a_404(world):
    response = client_for(world, "operator").get("/dashboard/actores/no-existe/pagos/nuevo/")

    assert response.status_code == 404


def test_the_pages_cost_the_same_queries_with_more_entries_and_vendors(world):
    owner, operator = client_for(world, "owner_a"), client_for(world, "operator")
    account = query_count(owner, "/vendedor/tienda-a/cuenta/")
    balances = query_count(operator, "/dashboard/actores/saldos/")

    for n in range(3):
        sale(world["a"].partner, "10.00")
        sale(PartnerFactory(name=f"Tienda extra {n}", code=f"extra-{n}"), "10.00")
    payout_create(
        vendor=world["a"], amount=D("1.00"), reference="TRF-Q", actor=world["users"]["operator"]
    )

    assert query_count(owner, "/vendedor/tienda-a/cuenta/") == account
    assert query_count(operator, "/dashboard/actores/saldos/") == balances
