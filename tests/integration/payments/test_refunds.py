from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from payments.ledger import payment_outcome_record
from payments.models import Payment, PaymentEvent
from tests.concurrency import run_in_threads
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import purchase, vendor_order_deliver
from vendors.exceptions import RefundRefused
from vendors.ledger.entries import vendor_balance, vendor_sale_record
from vendors.models import VendorOrder, VendorOrderStatus
from vendors.orders.actions import vendor_part_refund
from vendors.orders.transitions import ActorRole

StockRecord = get_model("partner", "StockRecord")


def paid_purchase(gateway: str = "dummy") -> tuple[Payment, VendorOrder, VendorOrder]:
    coffee = PartnerFactory(name="Café Serrano")
    honey = PartnerFactory(name="Miel del Valle")
    order = purchase(
        {
            coffee: [
                (
                    ProductFactory(
                        stockrecord__partner=coffee,
                        stockrecord__num_in_stock=5,
                        stockrecord__price=Decimal("100.00"),
                    ),
                    1,
                )
            ],
            honey: [
                (
                    ProductFactory(
                        stockrecord__partner=honey,
                        stockrecord__num_in_stock=5,
                        stockrecord__price=Decimal("250.00"),
                    ),
                    2,
                )
            ],
        }
    )
    payment = Payment.objects.create(
        reference=order.number,
        order=order,
        gateway=gateway,
        amount=Decimal("600.00"),
        currency="CUP",
        gateway_reference="dummy_abc_60000",
    )
    first, second = order.vendor_orders.order_by("sequence")
    if gateway == "dummy":
        payment_outcome_record(
            payment_id=payment.pk,
            kind="charge",
            phase="success",
            amount=payment.amount,
            gateway_reference="dummy_abc_60000",
        )
        for vendor_order in (first, second):
            vendor_sale_record(vendor_order=vendor_order)
    return payment, first, second


@pytest.mark.django_db
def test_a_partial_refund_of_one_part_is_made_once_however_often_it_is_sent():
    payment, coffee, _honey = paid_purchase()

    results = [
        vendor_part_refund(vendor_order=coffee, amount=Decimal("40.00"), key="f1") for _ in range(3)
    ]

    payment.refresh_from_db()
    assert results == [True, False, False]
    # 100 sold − 8 commission − 40 refunded + 3.20 commission given back
    assert vendor_balance(vendor=coffee.vendor) == Decimal("55.20")
    assert payment.state == "partially_refunded"
    assert list(
        PaymentEvent.objects.filter(kind="refund", phase="success").values_list("amount", flat=True)
    ) == [Decimal("40.00")]
    assert VendorOrder.objects.get(pk=coffee.pk).status == VendorOrderStatus.PLACED


@pytest.mark.django_db
def test_a_part_cannot_be_refunded_more_than_it_cost():
    _payment, coffee, _honey = paid_purchase()
    vendor_part_refund(vendor_order=coffee, amount=Decimal("60.00"), key="f1")

    with pytest.raises(RefundRefused, match="40"):
        vendor_part_refund(vendor_order=coffee, amount=Decimal("40.01"), key="f2")


@pytest.mark.django_db
def test_refunding_a_part_in_full_before_it_ships_cancels_it_and_frees_its_stock():
    payment, _coffee, honey = paid_purchase()

    vendor_part_refund(
        vendor_order=honey,
        amount=Decimal("500.00"),
        key="f1",
        actor_role=ActorRole.STAFF,
        reason="Sin existencias",
    )

    honey.refresh_from_db()
    assert honey.status == VendorOrderStatus.CANCELLED
    assert StockRecord.objects.get(partner__name="Miel del Valle").num_allocated == 0
    payment.refresh_from_db()
    assert payment.state == "partially_refunded"


@pytest.mark.django_db
def test_nothing_paid_nothing_to_refund():
    _payment, coffee, _honey = paid_purchase(gateway="cash_on_delivery")

    with pytest.raises(RefundRefused):
        vendor_part_refund(vendor_order=coffee, amount=Decimal("10.00"), key="f1")


@pytest.mark.django_db
def test_cash_collected_on_delivery_is_recorded_once_per_part():
    payment, coffee, honey = paid_purchase(gateway="cash_on_delivery")
    vendor_order_deliver(coffee)

    payment.refresh_from_db()
    assert payment.state == "captured"
    assert list(
        payment.events.filter(kind="charge", phase="success").values_list(
            "gateway_reference", "amount"
        )
    ) == [(f"cash:{coffee.number}", Decimal("100.00"))]
    # The vendor holds the 100 in cash and owes the platform its 8% commission.
    assert vendor_balance(vendor=coffee.vendor) == Decimal("-8.00")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_refund_submitted_eight_times_at_once_refunds_once():
    payment, coffee, _honey = paid_purchase()
    results = []

    errors = run_in_threads(
        8,
        lambda i: results.append(
            vendor_part_refund(vendor_order=coffee, amount=Decimal("30.00"), key="double-click")
        ),
    )

    assert errors == []
    assert sorted(results) == [False] * 7 + [True]
    assert PaymentEvent.objects.filter(kind="refund", phase="success").count() == 1
