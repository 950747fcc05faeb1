from decimal import Decimal

import pytest

from payments.models import Payment
from shop.invoices.models import Invoice, RenderState
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.orders import purchase
from vendors.models import VendorOrderStatus
from vendors.orders.outcomes import purchase_paid
from vendors.orders.transitions import ActorRole, vendor_order_transition


def two_vendor_purchase(*, status: str, gateway: str):
    coffee = PartnerFactory(name="Café Serrano")
    honey = PartnerFactory(name="Miel del Valle")
    order = purchase(
        {
            coffee: [
                (
                    ProductFactory(
                        stockrecord__partner=coffee, stockrecord__price=Decimal("100.00")
                    ),
                    1,
                )
            ],
            honey: [
                (
                    ProductFactory(
                        stockrecord__partner=honey, stockrecord__price=Decimal("250.00")
                    ),
                    2,
                )
            ],
        },
        status=status,
    )
    Payment.objects.create(
        reference=order.number,
        order=order,
        gateway=gateway,
        amount=Decimal("600.00"),
        currency="CUP",
    )
    return order


@pytest.mark.django_db
def test_secured_money_invoices_every_part_once(django_capture_on_commit_callbacks):
    order = two_vendor_purchase(status=VendorOrderStatus.PENDING_PAYMENT, gateway="dummy")

    with django_capture_on_commit_callbacks(execute=True):
        purchase_paid(order_id=order.pk)
    with django_capture_on_commit_callbacks(execute=True):
        purchase_paid(order_id=order.pk)  # a late duplicate changes nothing

    invoices = Invoice.objects.filter(vendor_order__order=order).order_by("vendor_order__sequence")
    assert [(i.issuer.trade_name, i.number, i.snapshot["total"]) for i in invoices] == [
        ("Café Serrano", 1, "100.00"),
        ("Miel del Valle", 1, "500.00"),
    ]
    assert {i.render_state for i in invoices} == {RenderState.RENDERED}


@pytest.mark.django_db
def test_cash_on_delivery_invoices_a_part_when_its_cash_is_recorded(
    django_capture_on_commit_callbacks,
):
    order = two_vendor_purchase(status=VendorOrderStatus.PLACED, gateway="cash_on_delivery")
    coffee, honey = order.vendor_orders.order_by("sequence")

    with django_capture_on_commit_callbacks(execute=True):
        for step in ("accepted", "ready", "shipped"):
            vendor_order_transition(
                vendor_order_id=coffee.pk, to_status=step, actor=None, actor_role=ActorRole.VENDOR
            )
    assert not Invoice.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        vendor_order_transition(
            vendor_order_id=coffee.pk,
            to_status="delivered",
            actor=None,
            actor_role=ActorRole.VENDOR,
        )

    invoice = Invoice.objects.get()
    assert invoice.vendor_order == coffee
    assert invoice.snapshot["total"] == "100.00"
    assert not Invoice.objects.filter(vendor_order=honey).exists()


@pytest.mark.django_db
def test_nothing_is_invoiced_when_the_payment_rolls_back(django_capture_on_commit_callbacks):
    order = two_vendor_purchase(status=VendorOrderStatus.PENDING_PAYMENT, gateway="dummy")

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        purchase_paid(order_id=order.pk)

    # The invoices wait for the commit: a rolled-back payment never runs these.
    assert not Invoice.objects.exists()
    assert len(callbacks) >= 2
