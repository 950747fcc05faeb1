"""Purchases on account at once, on PostgreSQL with real threads: together they never
owe a store more than the credit limit it granted the company, and those refused leave
nothing behind."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from shop.apps.checkout.exceptions import PurchaseRefused
from shop.companies.approvals import company_account
from shop.companies.credit import terms_grant
from shop.companies.models import CreditCharge, CreditTerms
from tests.concurrency import run_in_threads
from tests.factories.callcenter import ADDRESS, purchase_place_for, stores_create
from tests.factories.companies import company_world

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
Order = get_model("order", "Order")
BUYERS = 8


@pytest.mark.parametrize("mixed", [False, True], ids=["on-account", "mixed"])
def test_concurrent_purchases_on_account_never_pass_the_credit_limit(mixed):
    """Mixed: each purchase also has a honey part, paid on delivery."""
    (cafe, coffee), (_miel, honey) = stores_create(stock=100)
    company, members = company_world(limit="100000")
    terms = terms_grant(
        vendor=cafe.vendor, company=company, days=30, credit_limit=Decimal("2000.00")
    )
    buyer = members["buyer"]

    def buy(index):
        purchase_place_for(
            buyer,
            [(coffee, 1), (honey, 1)] if mixed else [(coffee, 1)],  # four cafe parts fit
            gateway="cash_on_delivery" if mixed else "on_account",
            account=company_account(company_id=company.pk, user=buyer),
            on_account_vendor_ids={cafe.vendor.pk} if mixed else frozenset(),
            address={**ADDRESS, "line1": f"Calle Maceo No. {index + 1}"},
        )

    errors = run_in_threads(BUYERS, buy)

    assert len(errors) == BUYERS - 4
    assert all(
        isinstance(error, PurchaseRefused) and error.code == "credit_limit" for error in errors
    )
    assert CreditTerms.objects.get(pk=terms.pk).used == Decimal("2000.00")
    assert CreditCharge.objects.count() == 4
    assert sum(CreditCharge.objects.values_list("amount", flat=True)) == Decimal("2000.00")
    assert Order.objects.count() == 4
    assert coffee.stockrecords.get().num_allocated == 4
    assert (honey.stockrecords.get().num_allocated or 0) == (4 if mixed else 0)
