"""The vendor ledger: sales, commission, cash on delivery, refunds, payouts."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from payments.interface import Money
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.exceptions import PayoutTransferFailed
from vendors.ledger.entries import (
    commission_amount,
    payout_create,
    platform_commission_total,
    vendor_adjustment_record,
    vendor_balance,
    vendor_balances,
    vendor_cash_collected_record,
    vendor_ledger,
    vendor_refund_record,
    vendor_sale_record,
)
from vendors.ledger.payouts import RecordingTransfer, TransferCall
from vendors.models import LedgerEntryKind as K
from vendors.models import Payout, VendorLedgerEntry

D = Decimal


def entries(vendor) -> list[tuple[str, Decimal]]:
    return list(
        VendorLedgerEntry.objects.filter(vendor=vendor).order_by("id").values_list("kind", "amount")
    )


def part(partner, price: str, quantity: int = 1, delivery: str = "0.00"):
    """A paid vendor part of `quantity` × `price`, with its delivery charge."""
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=D(price))
    vendor_order = purchase({partner: [(product, quantity)]}).vendor_orders.get()
    vendor_order.delivery_charge = D(delivery)
    vendor_order.save(update_fields=["delivery_charge"])
    return vendor_order


@pytest.fixture
def store(db):
    return PartnerFactory(name="Dulces Guayabita", code="guayabita")


@pytest.fixture
def operator(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_a_sale_records_goods_and_delivery_less_commission_on_goods_only(store):
    vendor_order = part(store, "312.45", quantity=3, delivery="150.00")  # goods 937.35

    recorded = vendor_sale_record(vendor_order=vendor_order)

    # 8 % of 937.35 = 74.988 -> 74.99; the delivery carries no commission
    assert [(e.kind, e.amount, e.currency) for e in recorded] == [
        (K.SALE, D("1087.35"), "CUP"),
        (K.COMMISSION, D("-74.99"), "CUP"),
    ]
    assert all(e.vendor_order_id == vendor_order.pk for e in recorded)
    assert vendor_balance(vendor=store.vendor) == D("1012.36")
    assert platform_commission_total() == D("74.99")


def test_commission_rounds_half_up_to_the_cent():
    assert commission_amount(goods=D("10.50"), percent=D("5.00")) == D("0.53")  # 0.525
    assert commission_amount(goods=D("2.50"), percent=D("5.00")) == D("0.13")  # 0.125
    assert commission_amount(goods=D("56.25"), percent=D("8.00")) == D("4.50")
    assert commission_amount(goods=D("0.06"), percent=D("8.00")) == D("0.00")  # 0.0048


def test_the_vendor_override_wins_over_the_default(store, settings):
    settings.MARKETPLACE_COMMISSION_PERCENT = D("12.00")
    other = PartnerFactory(name="CPA La Esperanza", code="esperanza")
    store.vendor.commission_percent = D("5.50")
    store.vendor.save(update_fields=["commission_percent"])

    vendor_sale_record(vendor_order=part(store, "200.00"))
    vendor_sale_record(vendor_order=part(other, "200.00"))

    assert entries(store.vendor) == [(K.SALE, D("200.00")), (K.COMMISSION, D("-11.00"))]
    assert entries(other.vendor) == [(K.SALE, D("200.00")), (K.COMMISSION, D("-24.00"))]


def test_the_default_is_read_when_the_sale_is_recorded(store, settings):
    first, second = part(store, "100.00"), part(store, "100.00")

    vendor_sale_record(vendor_order=first)
    settings.MARKETPLACE_COMMISSION_PERCENT = D("10")
    vendor_sale_record(vendor_order=second)

    assert [amount for kind, amount in entries(store.vendor) if kind == K.COMMISSION] == [
        D("-8.00"),
        D("-10.00"),
    ]


def test_recording_a_sale_twice_records_it_once(store):
    vendor_order = part(store, "100.00")
    first = vendor_sale_record(vendor_order=vendor_order)

    again = vendor_sale_record(vendor_order=vendor_order)

    assert [e.pk for e in again] == [e.pk for e in first]
    assert entries(store.vendor) == [(K.SALE, D("100.00")), (K.COMMISSION, D("-8.00"))]


def test_cash_on_delivery_leaves_the_vendor_owing_the_commission(store, operator):
    vendor_order = part(store, "250.00", quantity=2, delivery="80.00")

    vendor_cash_collected_record(vendor_order=vendor_order, amount=D("580.00"), actor=operator)
    vendor_cash_collected_record(vendor_order=vendor_order, amount=D("580.00"), actor=operator)

    assert entries(store.vendor) == [
        (K.SALE, D("580.00")),
        (K.COMMISSION, D("-40.00")),
        (K.CASH_COLLECTED, D("-580.00")),
    ]
    assert vendor_balance(vendor=store.vendor) == D("-40.00")
    cash = VendorLedgerEntry.objects.get(kind=K.CASH_COLLECTED)
    assert cash.created_by == operator


def test_more_cash_than_was_sold_is_refused(store, operator):
    vendor_order = part(store, "100.00")

    with pytest.raises(ValidationError) as refused:
        vendor_cash_collected_record(vendor_order=vendor_order, amount=D("100.01"), actor=operator)

    assert refused.value.error_dict["amount"][0].code == "cash_out_of_range"
    assert not VendorLedgerEntry.objects.filter(kind=K.CASH_COLLECTED).exists()


def test_refunds_return_commission_in_proportion_and_in_total_exactly(store):
    vendor_order = part(store, "100.00", quantity=1, delivery="0.00")  # commission 8.00
    vendor_sale_record(vendor_order=vendor_order)

    first = vendor_refund_record(vendor_order=vendor_order, amount=D("33.33"), key="re_1")
    second = vendor_refund_record(vendor_order=vendor_order, amount=D("33.33"), key="re_2")
    third = vendor_refund_record(vendor_order=vendor_order, amount=D("33.34"), key="re_3")

    # cumulative: 8 × 33.33 % = 2.6664 -> 2.67; 8 × 66.66 % = 5.3328 -> 5.33; then all of it
    assert [(e.kind, e.amount) for e in first + second + third] == [
        (K.REFUND, D("-33.33")),
        (K.REFUND_COMMISSION, D("2.67")),
        (K.REFUND, D("-33.33")),
        (K.REFUND_COMMISSION, D("2.66")),
        (K.REFUND, D("-33.34")),
        (K.REFUND_COMMISSION, D("2.67")),
    ]
    assert vendor_balance(vendor=store.vendor) == D("0.00")
    assert platform_commission_total() == D("0.00")


def test_the_commission_returned_is_in_proportion_to_the_whole_part(store):
    vendor_order = part(store, "400.00", delivery="100.00")  # sold 500, commission 32.00
    vendor_sale_record(vendor_order=vendor_order)

    refund = vendor_refund_record(vendor_order=vendor_order, amount=D("125.00"), key="re_1")

    assert [(e.kind, e.amount) for e in refund] == [
        (K.REFUND, D("-125.00")),
        (K.REFUND_COMMISSION, D("8.00")),
    ]
    assert vendor_balance(vendor=store.vendor) == D("351.00")


def test_refunds_cannot_exceed_the_sale(store):
    vendor_order = part(store, "100.00", delivery="20.00")
    vendor_sale_record(vendor_order=vendor_order)
    vendor_refund_record(vendor_order=vendor_order, amount=D("100.00"), key="re_1")
    before = entries(store.vendor)

    with pytest.raises(ValidationError) as refused:
        vendor_refund_record(vendor_order=vendor_order, amount=D("20.01"), key="re_2")

    assert refused.value.error_dict["amount"][0].code == "refund_exceeds_sale"
    assert entries(store.vendor) == before
    vendor_refund_record(vendor_order=vendor_order, amount=D("20.00"), key="re_3")
    assert vendor_balance(vendor=store.vendor) == D("0.00")


def test_nothing_can_be_refunded_before_the_sale_is_recorded(store):
    vendor_order = part(store, "100.00")

    with pytest.raises(ValidationError):
        vendor_refund_record(vendor_order=vendor_order, amount=D("1.00"), key="re_1")

    assert entries(store.vendor) == []


def test_recording_a_refund_twice_records_it_once(store):
    vendor_order = part(store, "100.00")
    vendor_sale_record(vendor_order=vendor_order)
    first = vendor_refund_record(vendor_order=vendor_order, amount=D("50.00"), key="re_1")

    again = vendor_refund_record(vendor_order=vendor_order, amount=D("50.00"), key="re_1")

    assert [e.pk for e in again] == [e.pk for e in first]
    assert vendor_balance(vendor=store.vendor) == D("46.00")


def test_a_refund_the_vendor_paid_from_collected_cash_only_returns_commission(store, operator):
    vendor_order = part(store, "100.00")
    vendor_cash_collected_record(vendor_order=vendor_order, amount=D("100.00"), actor=operator)

    vendor_refund_record(vendor_order=vendor_order, amount=D("25.00"), key="devolucion-1")

    assert entries(store.vendor)[3:] == [
        (K.REFUND, D("-25.00")),
        (K.REFUND_COMMISSION, D("2.00")),
        (K.CASH_COLLECTED, D("25.00")),
    ]
    assert vendor_balance(vendor=store.vendor) == D("-6.00")


def test_a_payout_reduces_the_balance(store, operator):
    vendor_sale_record(vendor_order=part(store, "500.00"))  # balance 460.00

    payout = payout_create(
        vendor=store.vendor, amount=D("400.00"), reference=" TRF-0001 ", actor=operator
    )

    assert (payout.amount, payout.currency, payout.reference, payout.created_by) == (
        D("400.00"),
        "CUP",
        "TRF-0001",
        operator,
    )
    assert entries(store.vendor)[-1] == (K.PAYOUT, D("-400.00"))
    assert VendorLedgerEntry.objects.get(kind=K.PAYOUT).payout == payout
    assert vendor_balance(vendor=store.vendor) == D("60.00")


def test_a_payout_larger_than_the_balance_is_refused(store, operator):
    vendor_sale_record(vendor_order=part(store, "500.00"))  # balance 460.00

    with pytest.raises(ValidationError) as refused:
        payout_create(vendor=store.vendor, amount=D("460.01"), reference="TRF-1", actor=operator)

    assert refused.value.error_dict["amount"][0].code == "payout_exceeds_balance"
    assert Payout.objects.count() == 0
    assert vendor_balance(vendor=store.vendor) == D("460.00")
    payout_create(vendor=store.vendor, amount=D("460.00"), reference="TRF-1", actor=operator)
    assert vendor_balance(vendor=store.vendor) == D("0.00")


@pytest.mark.parametrize("amount", [D("0.00"), D("-5.00")])
def test_a_payout_must_be_positive(store, operator, amount):
    vendor_sale_record(vendor_order=part(store, "500.00"))

    with pytest.raises(ValidationError) as refused:
        payout_create(vendor=store.vendor, amount=amount, reference="TRF-1", actor=operator)

    assert refused.value.error_dict["amount"][0].code == "amount_not_positive"
    assert Payout.objects.count() == 0


def test_a_vendor_who_owes_the_platform_cannot_be_paid(store, operator):
    vendor_cash_collected_record(
        vendor_order=part(store, "100.00"), amount=D("100.00"), actor=operator
    )

    with pytest.raises(ValidationError):
        payout_create(vendor=store.vendor, amount=D("0.01"), reference="TRF-1", actor=operator)

    assert Payout.objects.count() == 0


def test_a_reference_is_used_once_per_vendor(store, operator):
    vendor_sale_record(vendor_order=part(store, "500.00"))
    payout_create(vendor=store.vendor, amount=D("10.00"), reference="TRF-1", actor=operator)

    with pytest.raises(ValidationError) as refused:
        payout_create(vendor=store.vendor, amount=D("10.00"), reference="TRF-1", actor=operator)

    assert refused.value.error_dict["reference"][0].code == "duplicate_reference"
    assert vendor_balance(vendor=store.vendor) == D("450.00")


def test_a_transfer_is_made_with_a_key_from_the_vendor_and_reference(store, operator):
    vendor_sale_record(vendor_order=part(store, "500.00"))
    transfer = RecordingTransfer()

    payout = payout_create(
        vendor=store.vendor,
        amount=D("100.00"),
        reference="TRF-7",
        actor=operator,
        transfer=transfer,
    )

    key = f"payout-{store.vendor.pk}-TRF-7"
    assert transfer.calls == [TransferCall(store.vendor.pk, Money(D("100.00"), "CUP"), key)]
    payout.refresh_from_db()
    assert payout.transfer_reference == f"tr_{key}"


def test_a_failed_transfer_leaves_nothing(store, operator):
    vendor_sale_record(vendor_order=part(store, "500.00"))
    before = entries(store.vendor)
    transfer = RecordingTransfer(fail_with=PayoutTransferFailed("cuenta bloqueada"))

    with pytest.raises(PayoutTransferFailed):
        payout_create(
            vendor=store.vendor,
            amount=D("100.00"),
            reference="TRF-7",
            actor=operator,
            transfer=transfer,
        )

    assert len(transfer.calls) == 1
    assert Payout.objects.count() == 0
    assert entries(store.vendor) == before
    assert vendor_balance(vendor=store.vendor) == D("460.00")


def test_an_adjustment_needs_a_reason_and_is_recorded_once(store, operator):
    with pytest.raises(ValidationError):
        vendor_adjustment_record(
            vendor=store.vendor, amount=D("15.00"), note=" ", key="a1", actor=operator
        )

    for _ in range(2):
        vendor_adjustment_record(
            vendor=store.vendor, amount=D("-15.00"), note="Cargo bancario", key="a1", actor=operator
        )

    assert entries(store.vendor) == [(K.ADJUSTMENT, D("-15.00"))]
    assert vendor_balance(vendor=store.vendor) == D("-15.00")


def test_entries_are_append_only(store):
    vendor_sale_record(vendor_order=part(store, "100.00"))
    entry = VendorLedgerEntry.objects.get(kind=K.SALE)

    entry.amount = D("1000.00")
    with pytest.raises(ValueError):
        entry.save()

    assert entries(store.vendor)[0] == (K.SALE, D("100.00"))


@pytest.mark.parametrize(
    "kind, amount",
    [
        (K.SALE, "-1.00"),
        (K.COMMISSION, "1.00"),
        (K.REFUND, "1.00"),
        (K.REFUND_COMMISSION, "-1.00"),
        (K.PAYOUT, "-1.00"),
    ],
)
def test_the_database_refuses_an_entry_moving_the_wrong_way(store, kind, amount):
    with pytest.raises(IntegrityError), transaction.atomic():
        VendorLedgerEntry.objects.create(
            vendor=store.vendor, kind=kind, amount=D(amount), currency="CUP", idempotency_key="mal"
        )

    assert entries(store.vendor) == []


def test_balances_read_in_a_constant_number_of_queries(store, operator):
    others = [PartnerFactory(name=f"Tienda {n}", code=f"tienda-x{n}") for n in range(3)]
    vendor_sale_record(vendor_order=part(store, "100.00"))
    for index, partner in enumerate(others):
        vendor_sale_record(vendor_order=part(partner, f"{(index + 1) * 100}.00"))
    payout_create(vendor=store.vendor, amount=D("50.00"), reference="TRF-1", actor=operator)

    with CaptureQueriesContext(connection) as queries:
        balances = [(v.trade_name, v.balance) for v in vendor_balances()]
        balance = vendor_balance(vendor=store.vendor)
        ledger = [
            (e.kind, e.vendor_order and e.vendor_order.number, e.payout and e.payout.pk)
            for e in vendor_ledger(vendor=store.vendor)
        ]

    assert len(queries.captured_queries) == 3
    assert balances == [
        ("Dulces Guayabita", D("42.00")),
        ("Tienda 0", D("92.00")),
        ("Tienda 1", D("184.00")),
        ("Tienda 2", D("276.00")),
    ]
    assert balance == D("42.00")
    assert [kind for kind, _number, _payout in ledger] == [K.PAYOUT, K.COMMISSION, K.SALE]
