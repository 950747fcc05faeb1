"""Every trade between two actors is one deal, counted once: a part delivered or paid
whose buyer is an actor, undone when it is refunded in full; a declared deal counts once
confirmed, and is merged into the platform deal that follows it."""

from decimal import Decimal

import pytest

from shop.companies.models import ApprovalStatus, Company, CompanyPurchase
from shop.linkages.exceptions import LinkageRefused
from shop.linkages.figures import linkage_figures, linkage_figures_refresh
from shop.linkages.models import Deal, DealSource, DealStatus, FigureScope
from shop.linkages.services import deal_confirm, deal_reject, vendor_order_deal_sync
from tests.factories.linkages import actor_purchase, actors, declared_deal
from tests.factories.orders import vendor_order_deliver
from vendors.models import ActorType
from vendors.orders.actions import vendor_part_refund

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return actors()


def counted():
    return list(
        Deal.objects.filter(counts=True).values_list("source", "seller__slug", "buyer_vendor__slug")
    )


def test_a_store_buying_as_itself_makes_one_deal_once_the_part_is_delivered(world):
    part = actor_purchase(seller=world["farm"], buyer_nit=world["bakery"].nit, paid=False)
    vendor_order_deal_sync(vendor_order_id=part.pk)
    assert counted() == []  # placed, not paid, not delivered

    vendor_order_deliver(part)
    vendor_order_deal_sync(vendor_order_id=part.pk)  # again: still one deal

    assert counted() == [(DealSource.PURCHASE, "finca-el-mango", "panaderia-la-habanera")]
    deal = Deal.objects.get()
    assert (deal.amount, deal.amount_band, deal.seller_province.name) == (
        Decimal("1200.00"),
        "0-10k",
        "Artemisa",
    )
    assert (deal.buyer_province.name, deal.seller_actor_type, deal.buyer_actor_type) == (
        "La Habana",
        "ccs",
        "mipyme_privada",
    )


def test_a_person_buying_makes_no_deal(world):
    part = actor_purchase(seller=world["farm"], buyer_nit="")
    vendor_order_deliver(part)

    assert Deal.objects.count() == 0


def test_a_buyer_with_a_nit_not_on_encadena_is_an_actor_placed_where_it_receives(world):
    part = actor_purchase(seller=world["farm"], buyer_nit="99000000001")
    vendor_order_deal_sync(vendor_order_id=part.pk)  # paid online: counts before delivery

    deal = Deal.objects.get(counts=True)
    assert (deal.buyer_vendor, deal.buyer_nit, deal.buyer_actor_type) == (
        None,
        "99000000001",
        "con_nit",
    )


def test_a_part_refunded_in_full_stops_counting_and_leaves_the_figures(world):
    part = actor_purchase(seller=world["farm"], buyer_nit=world["bakery"].nit)
    vendor_order_deliver(part)
    linkage_figures_refresh()
    assert linkage_figures().total.deals == 1

    vendor_part_refund(vendor_order=part, amount=Decimal("200.00"), key="r1")
    assert Deal.objects.get().amount == Decimal("1000.00")  # what is left of it counts
    vendor_part_refund(vendor_order=part, amount=Decimal("1000.00"), key="r2")

    deal = Deal.objects.get()
    assert (deal.status, deal.counts) == (DealStatus.VOID, False)
    linkage_figures_refresh()
    assert linkage_figures().total.deals == 0


def test_a_cancelled_paid_part_stops_counting(world):
    part = actor_purchase(seller=world["farm"], buyer_nit=world["bakery"].nit)
    vendor_order_deal_sync(vendor_order_id=part.pk)
    assert counted() != []

    vendor_part_refund(vendor_order=part, amount=Decimal("1200.00"), key="all")

    part.refresh_from_db()
    assert part.status == "cancelled"
    assert counted() == []


def test_a_declared_deal_counts_once_the_other_side_confirms(world):
    deal = declared_deal(declarer=world["farm"], counterpart=world["bakery"])
    assert counted() == []

    with pytest.raises(LinkageRefused) as refused:
        deal_confirm(deal_id=deal.pk, vendor=world["farm"], user=None)  # not its own
    assert refused.value.code == "not_yours"
    deal_confirm(deal_id=deal.pk, vendor=world["bakery"], user=None)

    assert counted() == [(DealSource.DECLARED, "finca-el-mango", "panaderia-la-habanera")]
    with pytest.raises(LinkageRefused) as refused:
        deal_reject(deal_id=deal.pk, vendor=world["bakery"], user=None)
    assert refused.value.code == "not_pending"


def test_a_rejected_declaration_never_counts(world):
    deal = declared_deal(declarer=world["bakery"], counterpart=world["farm"], we_sold=False)

    deal_reject(deal_id=deal.pk, vendor=world["farm"], user=None)

    assert Deal.objects.get().status == DealStatus.REJECTED
    assert counted() == []


def test_a_declared_deal_later_placed_on_the_platform_is_counted_once(world):
    declared = declared_deal(declarer=world["farm"], counterpart=world["bakery"])
    deal_confirm(deal_id=declared.pk, vendor=world["bakery"], user=None)

    part = actor_purchase(seller=world["farm"], buyer_nit=world["bakery"].nit)
    vendor_order_deliver(part)

    declared.refresh_from_db()
    assert (declared.status, declared.merged_into.vendor_order_id) == (DealStatus.MERGED, part.pk)
    assert counted() == [(DealSource.PURCHASE, "finca-el-mango", "panaderia-la-habanera")]
    linkage_figures_refresh()
    figures = linkage_figures()
    assert figures.total.deals == 1
    assert [
        (row.key_from, row.key_to, row.deals) for row in figures.rows(FigureScope.PROVINCES)
    ] == [(world["farm"].province.code, world["bakery"].province.code, 1)]


def test_a_deal_cannot_be_declared_with_oneself_or_in_the_future(world):
    with pytest.raises(LinkageRefused) as refused:
        declared_deal(declarer=world["farm"], counterpart=world["farm"])
    assert refused.value.code == "own_store"
    with pytest.raises(LinkageRefused) as refused:
        declared_deal(declarer=world["farm"], counterpart=world["bakery"], days_ago=-1)
    assert refused.value.code == "date"
    assert Deal.objects.count() == 0


def test_a_company_account_without_a_store_is_an_actor_with_its_own_type(world):
    company = Company.objects.create(
        legal_name="Cooperativa Norte", nit="40099999991", actor_type=ActorType.CNA
    )
    part = actor_purchase(seller=world["farm"], buyer_nit="")
    CompanyPurchase.objects.create(
        order_id=part.order_id,
        company=company,
        approval_status=ApprovalStatus.NOT_NEEDED,
        payment_method="dummy",
    )
    vendor_order_deal_sync(vendor_order_id=part.pk)

    deal = Deal.objects.get(counts=True)
    assert (deal.buyer_vendor, deal.buyer_nit, deal.buyer_actor_type) == (
        None,
        "40099999991",
        "cna",
    )
    assert deal.buyer_province.name == "Villa Clara"  # where it receives the goods


def test_a_company_account_of_a_store_makes_the_store_the_buyer(world):
    company = Company.objects.create(
        legal_name="Panadería", nit="40099999992", actor_type=ActorType.MIPYME_PRIVATE
    )
    company.vendor = world["bakery"]
    company.save()
    part = actor_purchase(seller=world["farm"], buyer_nit="")
    CompanyPurchase.objects.create(
        order_id=part.order_id,
        company=company,
        approval_status=ApprovalStatus.NOT_NEEDED,
        payment_method="dummy",
    )
    vendor_order_deal_sync(vendor_order_id=part.pk)

    assert counted() == [(DealSource.PURCHASE, "finca-el-mango", "panaderia-la-habanera")]
