"""The arithmetic of a national carrier, with no database: which band prices a parcel,
when it arrives, and how a combined shipment's price is shared among the parts in it."""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal

from shop.core.business_days import business_days_after

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Band:
    max_weight_kg: Decimal
    price: Decimal
    transit_days: int


@dataclass(frozen=True)
class Price:
    charge: Decimal
    transit_days: int


def parcel_price(*, bands: list[Band], weight: Decimal, minimum: Decimal) -> Price | None:
    """The lightest band `weight` fits in, never below the carrier's per-parcel minimum;
    None when the parcel is heavier than every band (the carrier does not take it)."""
    fitting = [band for band in bands if band.max_weight_kg >= weight]
    if not fitting:
        return None
    band = min(fitting, key=lambda band: band.max_weight_kg)
    return Price(charge=max(band.price, minimum).quantize(CENT), transit_days=band.transit_days)


def estimated_delivery(*, today: date, handling_days: int, transit_days: int) -> date:
    """The store hands the parcel over within its handling days, then it travels; both
    counted in business days (shop.core.business_days)."""
    return business_days_after(today, handling_days + transit_days)


def combined_shares(*, total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """`total` split in proportion to `weights`, to the cent, summing to `total` exactly:
    each share rounded down, the cents left over given one by one to the largest
    remainders (the earlier part on a tie). Equal weights (or none) split evenly."""
    cents = int((total / CENT).to_integral_value())
    if not weights:
        return []
    basis = [weight if weight > 0 else Decimal("0") for weight in weights]
    whole = sum(basis, Decimal("0"))
    if whole == 0:
        basis, whole = [Decimal("1")] * len(weights), Decimal(len(weights))
    exact = [Decimal(cents) * weight / whole for weight in basis]
    floors = [int(value.to_integral_value(rounding=ROUND_DOWN)) for value in exact]
    left = cents - sum(floors)
    order = sorted(range(len(exact)), key=lambda index: (-(exact[index] - floors[index]), index))
    for index in order[:left]:
        floors[index] += 1
    return [Decimal(share) * CENT for share in floors]
