"""Payment on account: a store's terms for a company, its credit limit, the due date
from delivery, the vendor's ledger (sale on account at delivery, the money when the
transfer is confirmed) and the reminders, once each."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from payments.models import PaymentEvent
from shop.apps.checkout.exceptions import PurchaseRefused
from shop.companies.credit import credit_paid_confirm
from shop.companies.models import CreditCharge, CreditTerms
from shop.companies.notifications import credit_reminders_send
from shop.companies.selectors import company_statement
from shop.invoices.models import Invoice
from tests.factories.callcenter import purchase_place_for, stores_create
from tests.factories.companies import credit_world, place_as_company
from tests.factories.orders import vendor_order_deliver
from vendors.ledger.entries import vendor_balance
from vendors.models import VendorLedgerEntry
from vendors.orders.transitions import ActorRole, vendor_order_transition

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return credit_world()


def on_account(world, items):
    return place_as_company(
        world["company"], world["members"]["buyer"], items, gateway="on_account"
    )


def used(world) -> Decimal:
    return CreditTerms.objects.get(pk=world["terms"].pk).used


def test_a_part_on_account_goes_to_its_store_at_once_and_takes_its_credit(world):
    placed = on_account(world, [(world["coffee"], 1)])  # 300 + 200 delivery

    part = placed.order.vendor_orders.get()
    assert part.status == "placed"
    assert CreditCharge.objects.get(vendor_order=part).amount == Decimal("500.00")
    assert used(world) == Decimal("500.00")


def test_the_credit_limit_refuses_what_would_pass_it_and_keeps_nothing(world):
    on_account(world, [(world["coffee"], 1)])
    on_account(world, [(world["coffee"], 1)])

    with pytest.raises(PurchaseRefused) as refused:
        on_account(world, [(world["coffee"], 1)])

    assert refused.value.code == "credit_limit"
    assert "0,00 CUP" in refused.value.message
    assert used(world) == Decimal("1000.00")
    assert CreditCharge.objects.count() == 2
    assert world["coffee"].stockrecords.get().num_allocated == 2


def test_a_store_without_terms_and_a_buyer_without_company_are_refused(world):
    with pytest.raises(PurchaseRefused) as refused:
        on_account(world, [(world["coffee"], 1), (world["honey"], 1)])
    assert refused.value.code == "no_terms"

    with pytest.raises(PurchaseRefused) as refused:
        purchase_place_for(world["members"]["buyer"], [(world["coffee"], 1)], gateway="on_account")
    assert refused.value.code == "on_account_without_company"
    assert used(world) == 0
    assert CreditCharge.objects.count() == 0


def test_a_cancelled_part_gives_its_credit_back(world):
    part = on_account(world, [(world["coffee"], 1)]).order.vendor_orders.get()

    vendor_order_transition(
        vendor_order_id=part.pk, to_status="cancelled", actor=None, actor_role=ActorRole.BUYER
    )

    assert used(world) == 0
    assert CreditCharge.objects.get().released_at is not None


def test_delivery_makes_it_due_records_the_sale_and_the_invoice_prints_the_due_date(
    world, django_capture_on_commit_callbacks
):
    part = on_account(world, [(world["coffee"], 1)]).order.vendor_orders.get()
    delivered_on = timezone.localdate()

    with django_capture_on_commit_callbacks(execute=True):
        vendor_order_deliver(part)

    charge = CreditCharge.objects.get()
    assert charge.due_on == delivered_on + timedelta(days=30)
    kinds = dict(VendorLedgerEntry.objects.filter(vendor_order=part).values_list("kind", "amount"))
    assert kinds == {
        "sale": Decimal("500.00"),
        "commission": Decimal("-24.00"),
        "credit_sale": Decimal("-500.00"),
    }
    assert vendor_balance(vendor=world["cafe"]) == Decimal("-24.00")
    snapshot = Invoice.objects.get(vendor_order=part).snapshot
    assert (snapshot["due_on"], snapshot["due_days"]) == (charge.due_on.isoformat(), 30)
    assert snapshot["recipient"]["company_nit"] == "40012345678"
    statement = company_statement(company=world["company"])
    assert (statement.open, statement.open_total) == ([charge], Decimal("500.00"))


def test_the_confirmed_transfer_pays_it_once_and_frees_the_credit(world):
    part = on_account(world, [(world["coffee"], 1)]).order.vendor_orders.get()
    vendor_order_deliver(part)
    charge = CreditCharge.objects.get()
    operator = world["members"]["owner"]  # who confirms is recorded, whoever it is

    credit_paid_confirm(charge_id=charge.pk, actor=operator)
    credit_paid_confirm(charge_id=charge.pk, actor=operator)

    assert vendor_balance(vendor=world["cafe"]) == Decimal("476.00")
    assert used(world) == 0
    assert PaymentEvent.objects.filter(
        gateway_reference=f"account:{part.number}", phase="success"
    ).values_list("amount", flat=True).get() == Decimal("500.00")
    statement = company_statement(company=world["company"])
    assert (statement.open, statement.paid) == ([], [CreditCharge.objects.get()])


def test_a_store_confirms_only_its_own_parts_and_only_once_delivered(world):
    (other, _product), _second = stores_create()
    part = on_account(world, [(world["coffee"], 1)]).order.vendor_orders.get()
    charge = CreditCharge.objects.get()

    with pytest.raises(CreditCharge.DoesNotExist):
        credit_paid_confirm(charge_id=charge.pk, actor=None, vendor=other.vendor)
    with pytest.raises(Exception) as refused:
        credit_paid_confirm(charge_id=charge.pk, actor=None, vendor=world["cafe"])
    assert refused.value.code == "charge_not_open"
    vendor_order_deliver(part)
    credit_paid_confirm(charge_id=charge.pk, actor=None, vendor=world["cafe"])
    assert CreditCharge.objects.get().paid_at is not None


def test_reminders_go_once_before_and_once_after_the_due_date(world, settings):
    settings.COMPANY_CREDIT_REMINDER_DAYS = 3
    part = on_account(world, [(world["coffee"], 1)]).order.vendor_orders.get()
    vendor_order_deliver(part)
    due = CreditCharge.objects.get().due_on
    mail.outbox.clear()

    assert credit_reminders_send(today=due - timedelta(days=4)) == 0
    assert credit_reminders_send(today=due - timedelta(days=3)) == 1
    assert credit_reminders_send(today=due - timedelta(days=1)) == 0
    assert credit_reminders_send(today=due) == 0
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        assert credit_reminders_send(today=due + timedelta(days=1)) == 1
        assert credit_reminders_send(today=due + timedelta(days=5)) == 0

    assert sorted(address for message in mail.outbox for address in message.to) == [
        "accountant-40012345678@example.test",
        "accountant-40012345678@example.test",
        "dueno-40012345678@example.test",
        "dueno-40012345678@example.test",
    ]
    assert "vence" in mail.outbox[0].subject or "due" in mail.outbox[0].subject
