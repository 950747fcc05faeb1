"""A part cancelled or rejected after its money was taken: the money goes back and the
vendor's invoice gets its credit note; nothing of the sort when nothing was paid."""

from decimal import Decimal

import pytest

from payments.models import Payment, PaymentEvent
from shop.invoices.models import CreditNote, Invoice
from shop.invoices.services import invoice_issue
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import purchase
from tests.integration.invoices.test_credit_notes import paid
from vendors.exceptions import VendorOrderTransitionError
from vendors.ledger.entries import vendor_balance
from vendors.orders.transitions import vendor_order_transition


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("to_status", "role"), [("cancelled", "vendor"), ("rejected", "vendor"), ("cancelled", "buyer")]
)
def test_a_paid_and_invoiced_part_cancelled_refunds_it_and_issues_a_credit_note(
    paid_vendor_order, django_capture_on_commit_callbacks, to_status, role
):
    payment = paid(paid_vendor_order)
    with django_capture_on_commit_callbacks(execute=True):
        invoice = invoice_issue(vendor_order=paid_vendor_order)

    with django_capture_on_commit_callbacks(execute=True):
        vendor_order_transition(
            vendor_order_id=paid_vendor_order.pk,
            to_status=to_status,
            actor=None,
            actor_role=role,
            reason="Sin existencias",
        )

    refunds = PaymentEvent.objects.filter(payment=payment, kind="refund", phase="success")
    assert [event.amount for event in refunds] == [Decimal("1230.50")]
    credit_note = CreditNote.objects.get()
    assert (credit_note.invoice, credit_note.snapshot["total"]) == (invoice, "1230.50")
    assert credit_note.snapshot["reason"] == "Sin existencias"
    assert vendor_balance(vendor=paid_vendor_order.vendor) == Decimal("0.00")


@pytest.mark.django_db
def test_a_partly_refunded_part_cancelled_gives_back_only_the_rest(
    paid_vendor_order, django_capture_on_commit_callbacks
):
    from vendors.orders.actions import vendor_part_refund

    payment = paid(paid_vendor_order)
    with django_capture_on_commit_callbacks(execute=True):
        vendor_part_refund(vendor_order=paid_vendor_order, amount=Decimal("200.00"), key="k")
        vendor_order_transition(
            vendor_order_id=paid_vendor_order.pk,
            to_status="cancelled",
            actor=None,
            actor_role="vendor",
            reason="Cerramos",
        )

    refunds = PaymentEvent.objects.filter(payment=payment, kind="refund", phase="success")
    assert sorted(event.amount for event in refunds) == [Decimal("200.00"), Decimal("1030.50")]
    assert sorted(note.snapshot["total"] for note in CreditNote.objects.all()) == [
        "1030.50",
        "200.00",
    ]


@pytest.mark.django_db
def test_a_part_nobody_paid_for_yet_is_cancelled_without_refund_or_credit_note(
    paid_vendor_order, django_capture_on_commit_callbacks
):
    Payment.objects.create(
        reference=paid_vendor_order.order.number,
        order=paid_vendor_order.order,
        gateway="cash_on_delivery",
        amount=Decimal("1230.50"),
        currency="CUP",
    )
    with django_capture_on_commit_callbacks(execute=True):
        vendor_order_transition(
            vendor_order_id=paid_vendor_order.pk,
            to_status="cancelled",
            actor=None,
            actor_role="buyer",
        )

    assert not PaymentEvent.objects.filter(kind="refund").exists()
    assert not CreditNote.objects.exists() and not Invoice.objects.exists()


@pytest.mark.django_db
def test_when_the_gateway_cannot_refund_the_part_stays_as_it_was():
    partner = PartnerFactory()
    product = ProductFactory(
        stockrecord__partner=partner, stockrecord__price="100.03", stockrecord__num_in_stock=5
    )
    vendor_order = purchase({partner: [(product, 1)]}).vendor_orders.get()
    paid(vendor_order)

    with pytest.raises(VendorOrderTransitionError) as refused:
        vendor_order_transition(
            vendor_order_id=vendor_order.pk,
            to_status="cancelled",
            actor=None,
            actor_role="vendor",
            reason="Cerramos",
        )

    assert refused.value.code == "refund_failed"
    vendor_order.refresh_from_db()
    product.stockrecords.get().refresh_from_db()
    assert vendor_order.status == "placed"
    assert product.stockrecords.get().num_allocated == 1
    assert not PaymentEvent.objects.filter(kind="refund", phase="success").exists()
