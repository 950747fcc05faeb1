"""A company's purchase from two stores where only one grants it terms: that store's
part goes on account, the other is paid by the method chosen, in one purchase. The
payment takes only the part not on account; a refused payment cancels both parts and
gives the credit back. Money is never lost or doubled: what the payments took equals
what the vendors' ledgers owe plus the commissions."""

from decimal import Decimal

import pytest

from payments.ledger import payment_totals
from payments.models import Payment
from shop.apps.checkout.exceptions import PurchaseRefused
from shop.companies.approvals import purchase_approve
from shop.companies.credit import credit_paid_confirm
from shop.companies.models import CompanyMember, CreditCharge, CreditTerms
from tests.factories.companies import credit_world, place_as_company
from tests.factories.orders import vendor_order_deliver
from vendors.ledger.entries import vendor_balance
from vendors.models import VendorLedgerEntry
from vendors.orders.actions import vendor_part_cancel

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return credit_world()


def mixed(world, *, honey_price: str = "500.00"):
    """Coffee (300 + 200 delivery) on the café's terms, honey (+ 200 delivery) paid by the
    test gateway, whose outcome follows the cents of the amount."""
    world["honey"].stockrecords.update(price=Decimal(honey_price))
    return place_as_company(
        world["company"],
        world["members"]["buyer"],
        [(world["coffee"], 1), (world["honey"], 1)],
        gateway="dummy",
        on_account_vendor_ids={world["cafe"].pk},
    )


def parts(order):
    return {part.vendor_id: part for part in order.vendor_orders.all()}


def used(world) -> Decimal:
    return CreditTerms.objects.get(pk=world["terms"].pk).used


def money_balances(world, payment) -> tuple[Decimal, Decimal]:
    """(what the payment holds, what the vendors are owed plus their commissions)."""
    totals = payment_totals(payment)
    commissions = -sum(
        VendorLedgerEntry.objects.filter(kind="commission").values_list("amount", flat=True),
        Decimal("0"),
    )
    owed = vendor_balance(vendor=world["cafe"]) + vendor_balance(vendor=world["miel"])
    return totals["captured"] - totals["refunded"], owed + commissions


def test_a_mixed_purchase_pays_now_only_the_part_not_on_account_and_the_sums_match(world):
    placed = mixed(world)
    order = placed.order
    cafe_part, miel_part = parts(order)[world["cafe"].pk], parts(order)[world["miel"].pk]

    assert placed.payment.amount == Decimal("700.00")
    assert placed.payment.state == "captured"
    assert (cafe_part.on_account, miel_part.on_account) == (True, False)
    assert (cafe_part.status, miel_part.status) == ("placed", "placed")
    assert CreditCharge.objects.get().vendor_order == cafe_part
    assert used(world) == Decimal("500.00")
    # The paid part is owed its sale now; the part on account only once delivered.
    assert not VendorLedgerEntry.objects.filter(vendor_order=cafe_part).exists()
    assert money_balances(world, placed.payment) == (Decimal("700.00"), Decimal("700.00"))

    vendor_order_deliver(cafe_part)
    vendor_order_deliver(miel_part)
    charge = CreditCharge.objects.get()
    credit_paid_confirm(charge_id=charge.pk, actor=None)

    payment = Payment.objects.get()
    assert money_balances(world, payment) == (order.total_incl_tax, order.total_incl_tax)
    assert order.total_incl_tax == Decimal("1200.00")
    assert used(world) == 0


def test_a_part_on_account_cancelled_before_its_transfer_gives_no_money_back(world):
    order = mixed(world).order
    cafe_part = parts(order)[world["cafe"].pk]

    vendor_part_cancel(vendor_order_id=cafe_part.pk, actor=None, reason="Sin existencias")

    payment = Payment.objects.get()
    assert payment_totals(payment) == {"captured": Decimal("700.00"), "refunded": Decimal("0")}
    assert used(world) == 0
    assert money_balances(world, payment) == (Decimal("700.00"), Decimal("700.00"))


def test_a_refused_payment_cancels_the_part_on_account_too_and_frees_its_credit(world):
    with pytest.raises(PurchaseRefused) as refused:
        mixed(world, honey_price="500.01")  # the test gateway declines .01

    assert refused.value.code == "payment_declined"
    payment = Payment.objects.get()
    assert (payment.amount, payment.state) == (Decimal("700.01"), "failed")
    assert {part.status for part in payment.order.vendor_orders.all()} == {"cancelled"}
    assert used(world) == 0
    assert CreditCharge.objects.get().released_at is not None
    assert money_balances(world, payment) == (Decimal("0"), Decimal("0"))
    assert world["coffee"].stockrecords.get().num_allocated == 0


def test_a_mixed_purchase_needs_a_company_and_a_part_to_pay_now(world):
    with pytest.raises(PurchaseRefused) as refused:
        place_as_company(
            world["company"],
            world["members"]["buyer"],
            [(world["coffee"], 1)],
            gateway="dummy",
            on_account_vendor_ids={world["cafe"].pk},
        )
    assert refused.value.code == "invalid"

    with pytest.raises(PurchaseRefused) as refused:
        place_as_company(
            world["company"],
            world["members"]["buyer"],
            [(world["coffee"], 1), (world["honey"], 1)],
            gateway="dummy",
            on_account_vendor_ids={world["miel"].pk},  # the honey store grants no terms
        )
    assert refused.value.code == "no_terms"
    assert used(world) == 0
    assert not Payment.objects.exists()


def test_a_held_mixed_purchase_asks_once_approved_only_for_the_part_not_on_account(world):
    buyer = world["members"]["buyer"]
    CompanyMember.objects.filter(user=buyer).update(spending_limit=Decimal("1000.00"))
    placed = mixed(world)  # 1200 in all: above the buyer's limit
    assert placed.held and not Payment.objects.exists()
    assert used(world) == Decimal("500.00")  # the credit is promised while it waits

    released = purchase_approve(
        company_purchase_id=placed.order.company_purchase.pk,
        user=world["members"]["approver"],
    )

    assert (released.payment.amount, released.payment.state) == (Decimal("700.00"), "captured")
    assert set(placed.order.vendor_orders.values_list("status", flat=True)) == {"placed"}
    assert money_balances(world, released.payment) == (Decimal("700.00"), Decimal("700.00"))
