"""How each vendor's part of a basket can reach the buyer.

A basket spans several stores; each store delivers its own part. For a shipping
municipality, a part may be delivered home by the cheapest of the vendor's active
zones that covers the municipality (flat price plus price per kg, if the part reaches
the zone's minimum order), delivered home to any municipality by a national carrier the
store sends through (alone, or combined with the other parts leaving the same province
when the carrier allows it and that costs less), or collected at any of the vendor's
active pickup points.
Everything here is read in a constant number of queries, however many vendors and
lines the basket holds.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Q, Subquery
from django.utils import formats
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from logistics.error_codes import LogisticsErrorCode
from logistics.exceptions import DeliveryRefused
from logistics.models import DeliveryZone, Municipality, PickupPoint
from logistics.national.offers import NationalQuote, Parcel, default_weight, national_quotes
from logistics.territory import territory
from shop.core.money import money_format
from vendors.models import Vendor

ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")

WEIGHT_ATTRIBUTE = "weight"
CENT = Decimal("0.01")
HOME = "home"
PICKUP = "pickup"
QUOTED = "quote"
NATIONAL = "nat"  # home-nat<carrier id>: a national carrier, the part alone
COMBINED = "natc"  # home-natc<carrier id>: a national carrier, combined with other parts
NATIONAL_POINT = "natp"  # pickup-natp<point id>: collected at a national carrier's office


@dataclass(frozen=True)
class DeliveryOption:
    code: str  # "home-<zone id>" or "pickup-<point id>": stored in the session and the order
    kind: str  # HOME or PICKUP
    name: str  # what the buyer and the vendor read
    charge: Decimal
    detail: str = ""
    estimated_delivery: date | None = None
    # Options of one combined shipment share a group: chosen for all of its parts or none.
    group: str = ""


@dataclass(frozen=True)
class QuotedDelivery:
    """Home delivery a store quoted for one purchase (an accepted offer's delivery price).
    A basket carrying `delivery_quotes` = {vendor id: QuotedDelivery} offers it instead of
    that store's zones; its pickup points stay."""

    charge: Decimal
    name: str


@dataclass(frozen=True)
class VendorPart:
    """One vendor's lines of a basket, with what it costs to get them to the buyer."""

    vendor: Vendor
    lines: tuple
    subtotal: Decimal
    weight: Decimal
    options: tuple[DeliveryOption, ...] = ()
    # Units whose product has no weight: a carrier takes each at DELIVERY_DEFAULT_WEIGHT_KG.
    unweighed_units: int = 0
    # Why home delivery is not offered, when it is not (shown beside the options).
    home_unavailable: str = ""
    chosen: DeliveryOption | None = None

    @property
    def key(self) -> str:
        return str(self.vendor.pk)

    def option(self, code: str) -> DeliveryOption | None:
        return next((option for option in self.options if option.code == code), None)


@dataclass(frozen=True)
class DeliveryPlan:
    """Every vendor part of a basket with the option the buyer chose for it."""

    parts: tuple[VendorPart, ...]
    municipality: Municipality | None
    errors: tuple[str, ...] = field(default=())

    @property
    def charge(self) -> Decimal:
        return sum((part.chosen.charge for part in self.parts if part.chosen), Decimal("0.00"))

    @property
    def choices(self) -> dict[str, str]:
        return {part.key: part.chosen.code for part in self.parts if part.chosen}


def address_municipality(address, *, basket=None) -> Municipality | None:
    """The municipality an address names (its state is the province, its city the
    municipality, as the checkout address form writes them), or None. Given the basket
    being delivered, it is read once for as long as the basket's lines are."""
    if address is None or not address.state or not address.line4:
        return None
    memo = _basket_memo(basket) if basket is not None else {}
    key = ("municipality", address.state, address.line4)
    if key not in memo:
        memo[key] = territory().municipality_named(province=address.state, name=address.line4)
    return memo[key]


def _basket_memo(basket) -> dict:
    """What was computed from the basket's lines as they are loaded now. A checkout page
    asks for its delivery several times (pre-conditions, totals, the page itself); Oscar
    loads the lines again after any change to them (a product added, offers applied
    again), and that starts a new memo."""
    lines = basket.all_lines()
    memo = getattr(basket, "_delivery_memo", None)
    if memo is None or memo[0] is not lines:
        memo = (lines, {})
        basket._delivery_memo = memo
    return memo[1]


def basket_vendor_parts(*, basket, municipality: Municipality | None = None) -> list[VendorPart]:
    """The basket's lines grouped by vendor (in the order they were added), each with
    its subtotal, weight and, when a municipality is given, its delivery options."""
    memo = _basket_memo(basket)
    key = ("parts", municipality.pk if municipality is not None else None)
    if key not in memo:
        memo[key] = tuple(_basket_vendor_parts(basket=basket, municipality=municipality))
    return list(memo[key])


def _basket_vendor_parts(*, basket, municipality: Municipality | None) -> list[VendorPart]:
    lines = [line for line in basket.all_lines() if line.stockrecord_id]
    grouped: dict[int, list] = {}
    for line in lines:
        grouped.setdefault(line.stockrecord.partner_id, []).append(line)
    if not grouped:
        return []
    # The basket reads each line's store with its vendor and invoice settings (the basket
    # and review say the tax each store includes): no query here.
    vendors = {line.stockrecord.partner_id: line.stockrecord.partner.vendor for line in lines}
    if all(hasattr(line, "product_weight") for line in lines):  # the basket read them
        weights = {
            line.product_id: Decimal(str(line.product_weight))
            for line in lines
            if line.product_weight
        }
    else:
        weights = _product_weights({line.product_id for line in lines})
    parts = []
    for partner_id, vendor_lines in grouped.items():
        subtotal = sum(
            (line.line_price_incl_tax_incl_discounts or Decimal("0") for line in vendor_lines),
            Decimal("0.00"),
        )
        weight = sum(
            (weights.get(line.product_id, Decimal("0")) * line.quantity for line in vendor_lines),
            Decimal("0"),
        )
        parts.append(
            VendorPart(
                vendor=vendors[partner_id],
                lines=tuple(vendor_lines),
                subtotal=subtotal,
                weight=weight,
                unweighed_units=sum(
                    line.quantity for line in vendor_lines if line.product_id not in weights
                ),
            )
        )
    if municipality is not None:
        parts = _with_options(parts, municipality, getattr(basket, "delivery_quotes", {}))
    return parts


def delivery_plan(
    *, basket, municipality: Municipality | None, choices: dict[str, str]
) -> DeliveryPlan:
    """The basket's parts with the chosen options, checked against what each vendor
    offers now: `errors` says, per part, what is missing or no longer possible."""
    memo = _basket_memo(basket)
    key = (
        "plan",
        municipality.pk if municipality is not None else None,
        tuple(sorted(choices.items())),
    )
    if key not in memo:
        memo[key] = _delivery_plan(basket=basket, municipality=municipality, choices=choices)
    return memo[key]


def _delivery_plan(
    *, basket, municipality: Municipality | None, choices: dict[str, str]
) -> DeliveryPlan:
    if municipality is None:
        return DeliveryPlan(
            parts=tuple(basket_vendor_parts(basket=basket)),
            municipality=None,
            errors=(_("Choose a delivery address with its municipality."),),
        )
    parts, errors = [], []
    for part in basket_vendor_parts(basket=basket, municipality=municipality):
        code = choices.get(part.key, "")
        chosen = part.option(code) if code else None
        if not part.options:
            errors.append(
                _(
                    "%(store)s cannot deliver to %(place)s and has no pickup point: "
                    "remove its products or choose another address."
                )
                % {"store": part.vendor.trade_name, "place": municipality.name}
            )
        elif chosen is None:
            errors.append(
                _("Choose how %(store)s gets your order to you.")
                % {"store": part.vendor.trade_name}
            )
        parts.append(replace(part, chosen=chosen))
    errors.extend(combined_choice_errors(parts))
    return DeliveryPlan(parts=tuple(parts), municipality=municipality, errors=tuple(errors))


def combined_choice_errors(parts: list[VendorPart]) -> list[str]:
    """A combined shipment is priced for all of its parts: chosen for some of them only,
    its shares would not add up to what the carrier charges."""
    members, choosing = defaultdict(list), defaultdict(list)
    for part in parts:
        for option in part.options:
            if option.group:
                members[option.group].append(part)
        if part.chosen is not None and part.chosen.group:
            choosing[part.chosen.group].append(part)
    return [
        _(
            "The combined shipment is priced for %(stores)s together: choose it for all of "
            "them, or another option for each."
        )
        % {"stores": ", ".join(part.vendor.trade_name for part in members[group])}
        for group, chosen in choosing.items()
        if len(chosen) != len(members[group])
    ]


def delivery_zone_charge(*, zone: DeliveryZone, weight: Decimal) -> Decimal:
    return (zone.price + zone.price_per_kg * weight).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class HomeDeliveryAsk:
    """An order one vendor would deliver: its amount, and the product and units whose
    weight the zone's price per kg applies to (no product: no weight)."""

    vendor_id: int
    subtotal: Decimal
    product_id: int | None = None
    quantity: int = 0


def home_delivery_charges(
    *, municipality: Municipality, asks: list[HomeDeliveryAsk]
) -> dict[int, Decimal | None]:
    """{vendor id: what its home delivery of the asked order to `municipality` costs, or
    None when none of its zones takes it there}: the zone a basket would pick. Two
    queries however many vendors."""
    vendor_ids = {ask.vendor_id for ask in asks}
    zones: dict[int, list[DeliveryZone]] = {}
    for zone in (
        DeliveryZone.objects.filter(vendor_id__in=vendor_ids, is_active=True)
        .filter(Q(municipalities=municipality) | Q(provinces=municipality.province_id))
        .distinct()
        .order_by("price", "id")
    ):
        zones.setdefault(zone.vendor_id, []).append(zone)
    weights = _product_weights({ask.product_id for ask in asks if ask.product_id})
    charges: dict[int, Decimal | None] = {}
    for ask in asks:
        weight = weights.get(ask.product_id, Decimal("0")) * ask.quantity
        reachable = [
            delivery_zone_charge(zone=zone, weight=weight)
            for zone in zones.get(ask.vendor_id, [])
            if ask.subtotal >= zone.minimum_order
        ]
        charges[ask.vendor_id] = min(reachable) if reachable else None
    return charges


def product_weight_subquery() -> Subquery:
    """The weight in kg of the row's product (`product_id`), from its `weight` attribute:
    basket lines read it with themselves, and their delivery asks no more."""
    return Subquery(
        ProductAttributeValue.objects.filter(
            product_id=OuterRef("product_id"),
            attribute__code=WEIGHT_ATTRIBUTE,
        ).values("value_float")[:1]
    )


def _product_weights(product_ids: set[int]) -> dict[int, Decimal]:
    """Weight in kg per product, from Oscar's `weight` attribute (0 when absent)."""
    values = ProductAttributeValue.objects.filter(
        product_id__in=product_ids, attribute__code=WEIGHT_ATTRIBUTE
    ).values_list("product_id", "value_float")
    return {product_id: Decimal(str(value)) for product_id, value in values if value}


def carrier_weight(part: VendorPart) -> Decimal:
    """What a carrier weighs the part at: its products' weights, and the default weight
    for each unit of a product that has none."""
    return part.weight + default_weight() * part.unweighed_units


def _with_options(
    parts: list[VendorPart], municipality: Municipality, quotes: dict | None = None
) -> list[VendorPart]:
    vendor_ids = [part.vendor.pk for part in parts]
    national = national_quotes(
        parcels=[
            Parcel(
                key=part.key,
                vendor_id=part.vendor.pk,
                origin_province_id=part.vendor.province_id,
                weight=carrier_weight(part),
            )
            for part in parts
            if part.vendor.pk not in (quotes or {})
        ],
        destination_province_id=municipality.province_id,
        destination_municipality_id=municipality.pk,
    )
    names = {part.key: part.vendor.trade_name for part in parts}
    zones: dict[int, list[DeliveryZone]] = {}
    for zone in (
        DeliveryZone.objects.filter(vendor_id__in=vendor_ids, is_active=True)
        .filter(Q(municipalities=municipality) | Q(provinces=municipality.province_id))
        .distinct()
        .order_by("price", "id")
    ):
        zones.setdefault(zone.vendor_id, []).append(zone)
    points: dict[int, list[PickupPoint]] = {}
    for point in (
        PickupPoint.objects.filter(vendor_id__in=vendor_ids, is_active=True)
        .select_related("municipality__province")
        .order_by("name", "id")
    ):
        points.setdefault(point.vendor_id, []).append(point)
    return [
        _part_with_options(
            part,
            municipality,
            zones.get(part.vendor.pk, []),
            points.get(part.vendor.pk, []),
            (quotes or {}).get(part.vendor.pk),
            [
                option
                for quote in national.quotes.get(part.key, [])
                for option in _national_options(quote, municipality, names)
            ],
            part.key in national.too_heavy,
        )
        for part in parts
    ]


def _national_options(
    quote: NationalQuote, municipality: Municipality, names: dict[str, str]
) -> list[DeliveryOption]:
    if not quote.is_combined:
        home = DeliveryOption(
            code=f"{HOME}-{NATIONAL}{quote.carrier_id}",
            kind=HOME,
            name=_("Home delivery to %(place)s by %(carrier)s")
            % {"place": municipality.name, "carrier": quote.carrier_name},
            charge=quote.charge,
            estimated_delivery=quote.estimated_delivery,
        )
        return [home] + [
            DeliveryOption(
                code=f"{PICKUP}-{NATIONAL_POINT}{point.pk}",
                kind=PICKUP,
                name=_("Pickup at %(point)s (%(address)s)")
                % {"point": point.name, "address": point.address},
                charge=quote.charge,
                detail=f"{point.municipality.name}. {point.hours}",
                estimated_delivery=quote.estimated_delivery,
            )
            for point in quote.pickup_points
        ]
    return [
        DeliveryOption(
            code=f"{HOME}-{COMBINED}{quote.carrier_id}",
            kind=HOME,
            name=_("One shipment by %(carrier)s with %(stores)s")
            % {
                "carrier": quote.carrier_name,
                "stores": ", ".join(names[key] for key in quote.combined_keys if key in names),
            },
            charge=quote.charge,
            detail=_(
                "%(total)s for the whole shipment, shared among its stores: choose it for "
                "each of them."
            )
            % {"total": money_format(quote.combined_total)},
            estimated_delivery=quote.estimated_delivery,
            group=quote.group,
        )
    ]


def _part_with_options(
    part, municipality, zones, points, quote=None, national=(), too_heavy=False
) -> VendorPart:
    options, home_unavailable = [], ""
    reachable = [zone for zone in zones if part.subtotal >= zone.minimum_order]
    if quote is not None:
        options.append(
            DeliveryOption(
                code=f"{HOME}-{QUOTED}",
                kind=HOME,
                name=quote.name,
                charge=quote.charge.quantize(CENT, rounding=ROUND_HALF_UP),
            )
        )
    elif reachable:
        zone = min(
            reachable, key=lambda z: (delivery_zone_charge(zone=z, weight=part.weight), z.pk)
        )
        options.append(
            DeliveryOption(
                code=f"{HOME}-{zone.pk}",
                kind=HOME,
                name=_("Home delivery to %(place)s") % {"place": municipality.name},
                charge=delivery_zone_charge(zone=zone, weight=part.weight),
                detail=zone.name,
            )
        )
    if quote is None:
        options.extend(national)
    if not options and too_heavy:
        home_unavailable = _(
            "This part weighs %(weight)s kg, more than the national carriers take: buy it in "
            "several orders or choose pickup."
        ) % {"weight": formats.number_format(carrier_weight(part).normalize())}
    elif not options:  # neither the store nor a carrier takes it home
        home_unavailable = _home_unavailable(zones, municipality)
    # Pickup points in the buyer's municipality first, then its province, then the rest.
    points = sorted(
        points,
        key=lambda p: (
            p.municipality_id != municipality.pk,
            p.municipality.province_id != municipality.province_id,
        ),
    )
    for point in points:
        options.append(
            DeliveryOption(
                code=f"{PICKUP}-{point.pk}",
                kind=PICKUP,
                name=_("Pickup at %(point)s") % {"point": point.name},
                charge=Decimal("0.00"),
                detail=f"{point.address}, {point.municipality.name} "
                f"({point.municipality.province.name}). {point.hours}",
            )
        )
    return replace(part, options=tuple(options), home_unavailable=home_unavailable)


def _home_unavailable(zones: list[DeliveryZone], municipality: Municipality) -> str:
    if zones:
        minimum = min(zone.minimum_order for zone in zones)
        return _("Home delivery needs an order of at least %(amount)s from this store.") % {
            "amount": money_format(minimum)
        }
    return _("This store does not deliver to %(place)s.") % {"place": municipality.name}


def delivery_plan_validate(plan: DeliveryPlan) -> None:
    if plan.errors:
        raise DeliveryRefused(list(plan.errors), code=LogisticsErrorCode.DELIVERY)


def vendor_order_delivery_options(
    *,
    vendor_order,
    municipality: Municipality,
) -> tuple[DeliveryOption, ...]:
    """What a placed vendor part could switch to for `municipality`: the same options the
    basket offered, priced on the part's open lines."""
    from vendors.models import LINE_CANCELLED

    lines = list(
        vendor_order.order.lines.filter(partner_id=vendor_order.vendor.partner_id).exclude(
            status=LINE_CANCELLED
        )
    )
    weights = _product_weights({line.product_id for line in lines})
    part = VendorPart(
        vendor=vendor_order.vendor,
        lines=tuple(lines),
        subtotal=sum((line.line_price_incl_tax for line in lines), Decimal("0.00")),
        weight=sum(
            (weights.get(line.product_id, Decimal("0")) * line.quantity for line in lines),
            Decimal("0"),
        ),
        unweighed_units=sum(line.quantity for line in lines if line.product_id not in weights),
    )
    return _with_options([part], municipality)[0].options
