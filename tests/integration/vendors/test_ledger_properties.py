"""Whatever is bought, refunded and paid out, each vendor's balance is, to the cent,
sales − commissions − refunds + commission returned − payouts, all worked out here
from the rule, independently of vendors/ledger/entries.py; and the platform keeps exactly
the commission on each part less what it gave back."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.orders import purchase
from vendors.ledger.entries import (
    payout_create,
    platform_commission_total,
    vendor_balance,
    vendor_refund_record,
    vendor_sale_record,
)

D = Decimal
CENT = D("0.01")


def money(low: str, high: str):
    return st.decimals(
        min_value=D(low), max_value=D(high), places=2, allow_nan=False, allow_infinity=False
    )


# Values whose percentages land on half a cent (10.50 × 5 % = 0.525), so rounding is tested.
TIES = st.sampled_from([D("0.25"), D("2.50"), D("10.50"), D("0.75")])
TIE_PERCENTS = st.sampled_from([D("5.00"), D("2.50"), D("12.50"), D("50.00")])


def half_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Part:
    """The test's own account of one vendor part."""

    def __init__(self, vendor_index, vendor_order, goods, delivery, percent):
        self.vendor_index = vendor_index
        self.vendor_order = vendor_order
        self.sold = goods + delivery
        self.commission = half_up(goods * percent / 100)
        self.refunded = D("0.00")
        self.returned = D("0.00")

    def refund(self, amount: Decimal) -> bool:
        if amount <= 0 or self.refunded + amount > self.sold:
            return False
        self.refunded += amount
        returned_after = half_up(self.commission * self.refunded / self.sold)
        self.returned = returned_after
        return True


part_lines = st.lists(
    st.tuples(TIES | money("0.01", "5000.00"), st.integers(1, 5)), min_size=1, max_size=2
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    default_percent=TIE_PERCENTS | money("0.00", "20.00"),
    overrides=st.lists(st.none() | TIE_PERCENTS | money("0.00", "30.00"), min_size=1, max_size=3),
    data=st.data(),
)
def test_every_balance_is_what_the_rule_says(db, default_percent, overrides, data):
    with transaction.atomic(), override_settings(MARKETPLACE_COMMISSION_PERCENT=default_percent):
        operator = UserFactory()
        vendors = []
        for override in overrides:
            vendor = PartnerFactory().vendor
            vendor.commission_percent = override
            vendor.save(update_fields=["commission_percent"])
            vendors.append(vendor)
        parts: list[Part] = []
        for _purchase in range(data.draw(st.integers(1, 3), label="purchases")):
            chosen = data.draw(
                st.sets(st.sampled_from(range(len(vendors))), min_size=1), label="vendors"
            )
            lines = {index: data.draw(part_lines, label="lines") for index in sorted(chosen)}
            products = {
                index: [
                    (
                        ProductFactory(
                            stockrecord__partner=vendors[index].partner, stockrecord__price=price
                        ),
                        quantity,
                    )
                    for price, quantity in items
                ]
                for index, items in lines.items()
            }
            order = purchase({vendors[index].partner: items for index, items in products.items()})
            for vendor_order, index in zip(
                order.vendor_orders.order_by("sequence"), sorted(chosen), strict=True
            ):
                delivery = data.draw(st.just(D("0.00")) | money("0.00", "500.00"), label="delivery")
                vendor_order.delivery_charge = delivery
                vendor_order.save(update_fields=["delivery_charge"])
                goods = sum((price * quantity for price, quantity in lines[index]), D("0"))
                percent = overrides[index] if overrides[index] is not None else default_percent
                parts.append(Part(index, vendor_order, goods, delivery, percent))
                vendor_sale_record(vendor_order=vendor_order)
        payouts = [D("0.00")] * len(vendors)

        def expected_balance(index):
            return (
                sum(
                    (
                        p.sold - p.commission - p.refunded + p.returned
                        for p in parts
                        if p.vendor_index == index
                    ),
                    D("0.00"),
                )
                - payouts[index]
            )

        for step in range(data.draw(st.integers(0, 8), label="steps")):
            if data.draw(st.booleans(), label="refund?"):
                part = data.draw(st.sampled_from(parts), label="part")
                amount = data.draw(
                    st.sampled_from([half_up(part.sold / 2), part.sold])
                    | money("0.01", str(part.sold + 100)),
                    label="refund",
                )
                try:
                    vendor_refund_record(
                        vendor_order=part.vendor_order, amount=amount, key=f"refund-{step}"
                    )
                    recorded = True
                except ValidationError:
                    recorded = False
                assert recorded == part.refund(amount)
                assert vendor_balance(vendor=vendors[part.vendor_index]) == expected_balance(
                    part.vendor_index
                )
            else:
                index = data.draw(st.integers(0, len(vendors) - 1), label="payee")
                ceiling = max(expected_balance(index), D("0.00")) + 50
                amount = data.draw(money("0.01", str(ceiling)), label="payout")
                try:
                    payout_create(
                        vendor=vendors[index],
                        amount=amount,
                        reference=f"TRF-{step}",
                        actor=operator,
                    )
                    paid = True
                except ValidationError:
                    paid = False
                assert paid == (amount <= expected_balance(index))
                if paid:
                    payouts[index] += amount
                assert vendor_balance(vendor=vendors[index]) == expected_balance(index)

        for index, vendor in enumerate(vendors):
            assert vendor_balance(vendor=vendor) == expected_balance(index)
        assert platform_commission_total() == sum(
            (p.commission - p.returned for p in parts), D("0.00")
        )
        transaction.set_rollback(True)
