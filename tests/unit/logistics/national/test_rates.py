from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from logistics.national.rates import (
    Band,
    combined_shares,
    estimated_delivery,
    parcel_price,
)

BANDS = [
    Band(Decimal("5"), Decimal("450.00"), 3),
    Band(Decimal("2"), Decimal("300.00"), 2),
    Band(Decimal("10"), Decimal("700.00"), 4),
]


@pytest.mark.parametrize(
    ("weight", "charge", "days"),
    [
        ("0.4", "300.00", 2),
        ("2", "300.00", 2),
        ("2.001", "450.00", 3),
        ("9.999", "700.00", 4),
        ("10", "700.00", 4),
    ],
)
def test_a_parcel_takes_the_lightest_band_it_fits_in(weight, charge, days):
    price = parcel_price(bands=BANDS, weight=Decimal(weight), minimum=Decimal("0"))

    assert (price.charge, price.transit_days) == (Decimal(charge), days)


def test_the_minimum_per_parcel_raises_a_cheap_band_only():
    light = parcel_price(bands=BANDS, weight=Decimal("1"), minimum=Decimal("350"))
    heavy = parcel_price(bands=BANDS, weight=Decimal("4"), minimum=Decimal("350"))

    assert light.charge == Decimal("350.00")
    assert heavy.charge == Decimal("450.00")


def test_a_parcel_heavier_than_every_band_or_a_route_without_bands_is_not_taken():
    assert parcel_price(bands=BANDS, weight=Decimal("10.5"), minimum=Decimal("0")) is None
    assert parcel_price(bands=[], weight=Decimal("1"), minimum=Decimal("0")) is None


# A Wednesday in Havana two days before Good Friday (11 April 2031).
BEFORE_GOOD_FRIDAY = datetime(2031, 4, 9, 10, 0, tzinfo=ZoneInfo("America/Havana"))


@time_machine.travel(BEFORE_GOOD_FRIDAY, tick=False)
def test_the_estimate_adds_the_handling_days_to_the_transit_in_business_days():
    wednesday = timezone.localdate()

    # 1 day to hand over, 3 travelling: Thursday, (Good Friday,) Saturday, (Sunday,)
    # Monday, Tuesday.
    assert estimated_delivery(today=wednesday, handling_days=1, transit_days=3) == (
        wednesday + timedelta(days=6)
    )


@pytest.mark.parametrize(
    ("total", "weights", "shares"),
    [
        ("100.00", ["1", "1", "1"], ["33.34", "33.33", "33.33"]),
        ("0.02", ["1", "1", "1"], ["0.01", "0.01", "0.00"]),
        ("650.00", ["300", "450", "300"], ["185.72", "278.57", "185.71"]),
        ("10.00", ["0", "0"], ["5.00", "5.00"]),
        ("999.99", ["7"], ["999.99"]),
    ],
)
def test_combined_shares_follow_the_weights_and_sum_to_the_cent(total, weights, shares):
    result = combined_shares(total=Decimal(total), weights=[Decimal(w) for w in weights])

    assert result == [Decimal(share) for share in shares]
    assert sum(result) == Decimal(total)


def test_combined_shares_sum_exactly_for_awkward_totals():
    weights = [Decimal(w) for w in ("250.00", "300.00", "450.00", "700.00", "275.50")]
    for cents in range(1, 5000, 37):
        total = Decimal(cents) / 100
        shares = combined_shares(total=total, weights=weights)
        assert sum(shares) == total
        assert all(share >= 0 for share in shares)
        # Deterministic: the same split every time.
        assert shares == combined_shares(total=total, weights=weights)
