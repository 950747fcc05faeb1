"""What the national carriers offer a basket's parts, for checkout: per part, home
delivery to the buyer's municipality by each carrier its store sends through, with its
price and estimated date; and, where a carrier combines parcels, one shipment for the
parts that leave one province for the same buyer, when that costs less than sending
them apart. Read in at most two queries however many parts and carriers."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from logistics.carriers.national import NationalCarrier
from logistics.carriers.registry import CARRIERS
from logistics.national.models import NationalPoint, NationalRate, PointKind, StoreCarrier
from logistics.national.rates import (
    Band,
    combined_shares,
    estimated_delivery,
    parcel_price,
)


@dataclass(frozen=True)
class Parcel:
    """One store's part as a carrier sees it."""

    key: str  # the part's key (its vendor's id)
    vendor_id: int
    origin_province_id: int
    weight: Decimal


@dataclass(frozen=True)
class NationalQuote:
    carrier_id: int
    carrier_code: str
    carrier_name: str
    charge: Decimal  # what this part pays
    estimated_delivery: date
    # A combined shipment: its group (the same for every part in it), what the whole
    # shipment costs, and the keys of the parts travelling in it.
    group: str = ""
    combined_total: Decimal | None = None
    combined_keys: tuple[str, ...] = ()
    # Where the buyer may collect the parcel instead (the carrier's offices in its province).
    pickup_points: tuple[NationalPoint, ...] = ()

    @property
    def is_combined(self) -> bool:
        return bool(self.group)


@dataclass(frozen=True)
class NationalOffer:
    quotes: dict[str, list[NationalQuote]]  # part key -> its quotes
    # Parts a carrier of their store reaches but that weigh more than its largest band.
    too_heavy: frozenset[str] = frozenset()


def national_carrier_names() -> set[str]:
    """The carriers in SHIPPING_CARRIERS whose adapter is a national carrier's."""
    return {carrier.name for carrier in CARRIERS.all() if isinstance(carrier, NationalCarrier)}


def default_weight() -> Decimal:
    return Decimal(str(settings.DELIVERY_DEFAULT_WEIGHT_KG))


def national_quotes(
    *,
    parcels: list[Parcel],
    destination_province_id: int,
    destination_municipality_id: int | None = None,
    today: date | None = None,
) -> NationalOffer:
    """Per part key, its quotes, alone first then combined, by carrier name. A part's
    quote alone lists the carrier's pickup points in the buyer's province (those in
    the buyer's municipality first)."""
    if not parcels:
        return NationalOffer(quotes={})
    today = today or timezone.localdate()
    links = list(
        StoreCarrier.objects.filter(
            vendor_id__in={parcel.vendor_id for parcel in parcels},
            is_active=True,
            carrier__is_active=True,
            carrier__code__in=national_carrier_names(),
        ).select_related("carrier")
    )
    if not links:
        return NationalOffer(quotes={})
    carriers = {link.carrier_id: link.carrier for link in links}
    senders = defaultdict(set)  # carrier id -> vendor ids
    for link in links:
        senders[link.carrier_id].add(link.vendor_id)
    bands = defaultdict(list)  # (carrier id, origin province id) -> bands to the destination
    for rate in NationalRate.objects.filter(
        carrier_id__in=carriers,
        destination_id=destination_province_id,
        origin_id__in={parcel.origin_province_id for parcel in parcels},
    ):
        bands[(rate.carrier_id, rate.origin_id)].append(
            Band(rate.max_weight_kg, rate.price, rate.transit_days)
        )
    points = _pickup_points(carriers, destination_province_id, destination_municipality_id)
    quotes, too_heavy = defaultdict(list), set()
    for carrier in sorted(carriers.values(), key=lambda carrier: (carrier.name, carrier.pk)):
        groups = defaultdict(list)  # origin province -> (parcel, alone price)
        for parcel in parcels:
            if parcel.vendor_id not in senders[carrier.pk]:
                continue
            route = bands.get((carrier.pk, parcel.origin_province_id), [])
            price = parcel_price(bands=route, weight=parcel.weight, minimum=carrier.minimum_charge)
            if price is None:
                if route:
                    too_heavy.add(parcel.key)
                continue
            quotes[parcel.key].append(
                NationalQuote(
                    carrier_id=carrier.pk,
                    carrier_code=carrier.code,
                    carrier_name=carrier.name,
                    charge=price.charge,
                    estimated_delivery=estimated_delivery(
                        today=today,
                        handling_days=carrier.handling_days,
                        transit_days=price.transit_days,
                    ),
                    pickup_points=points.get(carrier.pk, ()),
                )
            )
            groups[parcel.origin_province_id].append((parcel, price))
        if carrier.allows_consolidation:
            for origin, members in groups.items():
                for quote_parcel, quote in _combined(carrier, origin, members, bands, today):
                    quotes[quote_parcel.key].append(quote)
    return NationalOffer(quotes=dict(quotes), too_heavy=frozenset(too_heavy - set(quotes)))


def _pickup_points(carriers: dict, province_id: int, municipality_id: int | None) -> dict:
    found = defaultdict(list)
    for point in NationalPoint.objects.filter(
        carrier_id__in=carriers,
        is_active=True,
        kind__in=(PointKind.PICKUP, PointKind.BOTH),
        municipality__province_id=province_id,
    ).select_related("municipality"):
        found[point.carrier_id].append(point)
    return {
        carrier_id: tuple(
            sorted(
                carrier_points,
                key=lambda point: (point.municipality_id != municipality_id, point.name, point.pk),
            )
        )
        for carrier_id, carrier_points in found.items()
    }


def _combined(carrier, origin: int, members: list, bands: dict, today: date) -> list:
    """One shipment for `members` (parts from `origin`), when there are several and it
    costs less than sending them apart; each part's share in proportion to what it would
    cost alone."""
    if len(members) < 2:
        return []
    weight = sum((parcel.weight for parcel, _price in members), Decimal("0"))
    price = parcel_price(
        bands=bands[(carrier.pk, origin)], weight=weight, minimum=carrier.minimum_charge
    )
    apart = sum((alone.charge for _parcel, alone in members), Decimal("0"))
    if price is None or price.charge >= apart:
        return []
    shares = combined_shares(
        total=price.charge, weights=[alone.charge for _parcel, alone in members]
    )
    arrives = estimated_delivery(
        today=today, handling_days=carrier.handling_days, transit_days=price.transit_days
    )
    keys = tuple(parcel.key for parcel, _price in members)
    group = f"{carrier.pk}.{origin}"
    return [
        (
            parcel,
            NationalQuote(
                carrier_id=carrier.pk,
                carrier_code=carrier.code,
                carrier_name=carrier.name,
                charge=share,
                estimated_delivery=arrives,
                group=group,
                combined_total=price.charge,
                combined_keys=keys,
            ),
        )
        for (parcel, _alone), share in zip(members, shares, strict=True)
    ]
