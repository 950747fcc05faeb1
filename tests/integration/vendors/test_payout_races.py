"""Concurrent payouts on PostgreSQL: the vendor's balance is never overdrawn."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from tests.concurrency import run_in_threads
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.ledger.entries import payout_create, vendor_balance, vendor_sale_record
from vendors.models import LedgerEntryKind, Payout, VendorLedgerEntry

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ten_concurrent_payouts_of_30_against_100_pay_exactly_three():
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    product = ProductFactory(stockrecord__partner=partner, stockrecord__price=Decimal("108.70"))
    vendor_sale_record(vendor_order=purchase({partner: [(product, 1)]}).vendor_orders.get())
    vendor, operator = partner.vendor, UserFactory(is_staff=True, is_superuser=True)
    assert vendor_balance(vendor=vendor) == Decimal("100.00")  # 108.70 less 8 % (8.70)

    errors = run_in_threads(
        10,
        lambda i: payout_create(
            vendor=vendor, amount=Decimal("30.00"), reference=f"TRF-{i}", actor=operator
        ),
    )

    assert len(errors) == 7
    assert all(
        isinstance(error, ValidationError)
        and error.error_dict["amount"][0].code == "payout_exceeds_balance"
        for error in errors
    )
    assert Payout.objects.count() == 3
    assert VendorLedgerEntry.objects.filter(kind=LedgerEntryKind.PAYOUT).count() == 3
    assert vendor_balance(vendor=vendor) == Decimal("10.00")
