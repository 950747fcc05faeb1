"""A crash at each step between "money taken" and "order placed": after reconciliation
every paid purchase has its order, handed to its vendors, and nobody paid twice."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from payments import services
from payments.models import Payment, PaymentEvent
from payments.reconciliation import payments_reconcile
from tests.factories import PartnerFactory, ProductFactory
from tests.factories.delivery import PickupPointFactory
from tests.functional.checkout.flow import basket_add, checkout_to_review, order_place
from vendors.models import VendorOrder
from vendors.orders import outcomes


class Crash(Exception):
    pass


def crash(*args, **kwargs):
    raise Crash("the process died here")


# Where the process dies, from just before the gateway is called to just after it
# answered (the answer's record and the parts' hand-over commit together).
FAULTS = {
    "before_the_gateway_call": (services, "PaymentRequest"),
    "after_the_charge_before_recording_it": (services, "payment_status_apply"),
    "while_handing_the_parts_over": (outcomes, "purchase_paid"),
}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_reconciliation_finishes_what_a_crash_interrupted(client, monkeypatch, fault):
    partners = [PartnerFactory(name=name) for name in ("Café Serrano", "Miel del Valle")]
    choices = {}
    for partner in partners:
        choices[partner.vendor] = f"pickup-{PickupPointFactory(vendor=partner.vendor).pk}"
        basket_add(
            client,
            ProductFactory(stockrecord__partner=partner, stockrecord__price=Decimal("150.00")),
            1,
        )
    review = checkout_to_review(client, choices, payment="dummy")
    with monkeypatch.context() as patched:
        patched.setattr(*FAULTS[fault], crash)
        response = order_place(client, review)

    assert response.status_code == 200  # the buyer is told something went wrong
    payment = Payment.objects.get()
    assert payment.state == "pending"

    later = timezone.now() + timedelta(minutes=10)
    payments_reconcile(now=later)
    payments_reconcile(now=later)

    payment.refresh_from_db()
    assert payment.state == "captured"
    assert PaymentEvent.objects.filter(payment=payment, kind="charge", phase="success").count() == 1
    assert payment.gateway_reference.startswith("dummy_")
    assert sorted(VendorOrder.objects.values_list("status", flat=True)) == ["placed", "placed"]
