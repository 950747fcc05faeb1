"""A purchase made as a company: invoiced to the company, held above the buyer's limit
until an approver approves (then it goes to its stores) or refuses (then it is
cancelled and its stock is back); nobody deciding by the deadline cancels it too."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from payments.models import Payment
from shop.companies.approvals import approvals_expire, purchase_approve, purchase_refuse
from shop.companies.exceptions import ApprovalRefused
from shop.companies.models import ApprovalStatus, CompanyPurchase
from shop.invoices.models import BillingDetails
from tests.factories.callcenter import stores_create
from tests.factories.companies import company_world, place_as_company
from vendors.models import VendorOrderEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    (cafe, coffee), (miel, honey) = stores_create(stock=5)
    company, members = company_world()
    return {"company": company, "members": members, "coffee": coffee, "honey": honey}


def stock_promised(product) -> int:
    return product.stockrecords.get().num_allocated


def test_a_purchase_within_the_limit_goes_to_its_stores_billed_to_the_company(world):
    placed = place_as_company(world["company"], world["members"]["buyer"], [(world["coffee"], 1)])

    purchase = CompanyPurchase.objects.get(order=placed.order)
    assert purchase.approval_status == ApprovalStatus.NOT_NEEDED
    assert list(placed.order.vendor_orders.values_list("status", flat=True)) == ["placed"]
    billing = BillingDetails.objects.get(order=placed.order)
    assert (billing.company_name, billing.company_nit) == (
        "Panadería La Espiga S.R.L.",
        "40012345678",
    )


def test_above_the_limit_it_waits_with_its_stock_promised_and_no_payment(
    world, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        placed = place_as_company(
            world["company"],
            world["members"]["buyer"],
            [(world["coffee"], 1), (world["honey"], 1)],
        )  # 300 + 500 + 2 × 200 delivery = 1200 > 600

    assert placed.held is True
    assert placed.payment is None
    purchase = CompanyPurchase.objects.get(order=placed.order)
    assert purchase.approval_status == ApprovalStatus.WAITING
    assert set(placed.order.vendor_orders.values_list("status", flat=True)) == {"pending_payment"}
    assert not Payment.objects.filter(order=placed.order).exists()
    assert stock_promised(world["coffee"]) == 1
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["approver-40012345678@example.test", "dueno-40012345678@example.test"]


def test_approving_releases_it_to_its_stores_and_payment(world):
    placed = place_as_company(
        world["company"], world["members"]["buyer"], [(world["coffee"], 1), (world["honey"], 1)]
    )
    purchase = CompanyPurchase.objects.get(order=placed.order)

    released = purchase_approve(company_purchase_id=purchase.pk, user=world["members"]["approver"])

    purchase.refresh_from_db()
    assert purchase.approval_status == ApprovalStatus.APPROVED
    assert purchase.decided_by == world["members"]["approver"]
    assert released.payment.amount == Decimal("1200.00")
    assert set(placed.order.vendor_orders.values_list("status", flat=True)) == {"placed"}
    assert stock_promised(world["coffee"]) == 1


def test_a_buyer_or_an_accountant_cannot_approve(world):
    placed = place_as_company(
        world["company"], world["members"]["buyer"], [(world["coffee"], 1), (world["honey"], 1)]
    )
    purchase = CompanyPurchase.objects.get(order=placed.order)

    for role in ("buyer", "accountant"):
        with pytest.raises(ApprovalRefused):
            purchase_approve(company_purchase_id=purchase.pk, user=world["members"][role])

    purchase.refresh_from_db()
    assert purchase.approval_status == ApprovalStatus.WAITING
    assert not Payment.objects.filter(order=placed.order).exists()


def test_refusing_cancels_it_with_the_reason_and_gives_the_stock_back(world):
    placed = place_as_company(
        world["company"], world["members"]["buyer"], [(world["coffee"], 2), (world["honey"], 1)]
    )
    purchase = CompanyPurchase.objects.get(order=placed.order)

    purchase_refuse(
        company_purchase_id=purchase.pk,
        user=world["members"]["approver"],
        reason="Ya compramos café este mes.",
    )

    purchase.refresh_from_db()
    assert purchase.approval_status == ApprovalStatus.REFUSED
    assert set(placed.order.vendor_orders.values_list("status", flat=True)) == {"cancelled"}
    assert stock_promised(world["coffee"]) == 0
    event = VendorOrderEvent.objects.filter(to_status="cancelled").first()
    assert (event.reason, event.actor_role) == ("Ya compramos café este mes.", "buyer")
    with pytest.raises(ApprovalRefused):
        purchase_approve(company_purchase_id=purchase.pk, user=world["members"]["approver"])


def test_a_refusal_needs_a_reason(world):
    placed = place_as_company(
        world["company"], world["members"]["buyer"], [(world["coffee"], 1), (world["honey"], 1)]
    )
    purchase = CompanyPurchase.objects.get(order=placed.order)

    with pytest.raises(ApprovalRefused):
        purchase_refuse(company_purchase_id=purchase.pk, user=world["members"]["owner"], reason=" ")

    assert set(placed.order.vendor_orders.values_list("status", flat=True)) == {"pending_payment"}


def test_nobody_deciding_by_the_deadline_cancels_it_once(world, settings):
    settings.COMPANY_APPROVAL_HOURS = 24
    placed = place_as_company(
        world["company"], world["members"]["buyer"], [(world["coffee"], 1), (world["honey"], 1)]
    )
    purchase = CompanyPurchase.objects.get(order=placed.order)

    assert approvals_expire(now=timezone.now() + timedelta(hours=23)) == []
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        assert approvals_expire() == [purchase.pk]
        assert approvals_expire() == []
        with pytest.raises(ApprovalRefused):
            purchase_approve(company_purchase_id=purchase.pk, user=world["members"]["approver"])

    purchase.refresh_from_db()
    assert purchase.approval_status == ApprovalStatus.EXPIRED
    assert set(placed.order.vendor_orders.values_list("status", flat=True)) == {"cancelled"}
    assert stock_promised(world["coffee"]) == 0
