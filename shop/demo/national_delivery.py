"""The demo's national carrier: a parcel service between all 16 territories, with an
office in every provincial capital where stores hand parcels over and buyers collect,
and every demo store sending through it, so a buyer anywhere gets home delivery from
any province. Converges on the same data when run again."""

from decimal import Decimal

from logistics.models import Municipality, Province
from logistics.national.models import (
    NationalCarrier,
    NationalPoint,
    NationalRate,
    PointKind,
    StoreCarrier,
)

CARRIER_CODE = "nacional"  # its entry in SHIPPING_CARRIERS
CARRIER_NAME = "Paquetería Nacional"
# Upper weight of each band (kg) and what it multiplies the route's base price by.
BANDS = (("1", "1"), ("2", "1.3"), ("5", "1.9"), ("10", "2.8"), ("20", "4.2"), ("50", "7"))
# The office in each territory's capital: (municipality, address).
OFFICES = {
    "Pinar del Río": ("Pinar del Río", "Calle Martí No. 112, entre Isabel Rubio y Colón"),
    "Artemisa": ("Artemisa", "Calle 31 No. 5206, frente al parque"),
    "La Habana": ("Centro Habana", "Calle Reina No. 358, entre Escobar y Gervasio"),
    "Mayabeque": ("San José de las Lajas", "Calle 68 No. 3316, entre 33 y 35"),
    "Matanzas": ("Matanzas", "Calle Milanés No. 28906, frente a la plaza"),
    "Villa Clara": ("Santa Clara", "Calle Colón No. 10, parque Vidal"),
    "Cienfuegos": ("Cienfuegos", "Avenida 54 No. 3514, bulevar"),
    "Sancti Spíritus": ("Sancti Spíritus", "Calle Independencia Sur No. 57"),
    "Ciego de Ávila": ("Ciego de Ávila", "Calle Independencia No. 202"),
    "Camagüey": ("Camagüey", "Calle República No. 252, entre Finlay y San Martín"),
    "Las Tunas": ("Las Tunas", "Calle Vicente García No. 45"),
    "Holguín": ("Holguín", "Calle Libertad No. 183, parque Calixto García"),
    "Granma": ("Bayamo", "Calle General García No. 155"),
    "Santiago de Cuba": ("Santiago de Cuba", "Calle Aguilera No. 519, plaza de Dolores"),
    "Guantánamo": ("Guantánamo", "Calle Pedro A. Pérez No. 854"),
    "Isla de la Juventud": ("Isla de la Juventud", "Calle 39 No. 2206, Nueva Gerona"),
}
HOURS = "Lunes a viernes, 8:00 a 17:00; sábados, 8:00 a 12:00"
ARTEMISA = 1  # Isla de la Juventud's parcels cross by ferry from the Artemisa–Mayabeque coast
FERRY_STEPS = 2


def demo_national_delivery_seed(*, stores: dict) -> NationalCarrier:
    """`stores` = {store code: partner}; each store's vendor sends through the carrier."""
    carrier, _ = NationalCarrier.objects.update_or_create(
        code=CARRIER_CODE,
        defaults={
            "name": CARRIER_NAME,
            "minimum_charge": Decimal("250.00"),
            "handling_days": 1,
            "allows_consolidation": True,
            "is_active": True,
        },
    )
    provinces = list(Province.objects.all())
    carrier.rates.all().delete()
    NationalRate.objects.bulk_create(
        NationalRate(
            carrier=carrier,
            origin=origin,
            destination=destination,
            max_weight_kg=Decimal(weight),
            price=(_route_base(origin, destination) * Decimal(factor)).quantize(Decimal("10")),
            transit_days=_transit_days(origin, destination),
        )
        for origin in provinces
        for destination in provinces
        for weight, factor in BANDS
    )
    for province in provinces:
        municipality_name, address = OFFICES[province.name]
        NationalPoint.objects.update_or_create(
            carrier=carrier,
            municipality=Municipality.objects.get(province=province, name=municipality_name),
            name=f"{CARRIER_NAME} {municipality_name}",
            defaults={
                "kind": PointKind.BOTH,
                "address": address,
                "hours": HOURS,
                "is_active": True,
            },
        )
    for partner in stores.values():
        StoreCarrier.objects.update_or_create(
            vendor=partner.vendor, carrier=carrier, defaults={"is_active": True}
        )
    return carrier


def _steps(origin: Province, destination: Province) -> int:
    """How many provinces apart, west to east (codes run in that order)."""

    def position(province: Province) -> tuple[int, int]:
        if province.is_special_municipality:
            return ARTEMISA, FERRY_STEPS
        return int(province.code) - 21, 0

    (a, ferry_a), (b, ferry_b) = position(origin), position(destination)
    return abs(a - b) + ferry_a + ferry_b


def _route_base(origin: Province, destination: Province) -> Decimal:
    """A 1 kg parcel: 180 CUP within a province, 25 CUP more per province crossed."""
    return Decimal(180 + 25 * _steps(origin, destination))


def _transit_days(origin: Province, destination: Province) -> int:
    steps = _steps(origin, destination)
    return 1 if steps == 0 else 2 if steps <= 3 else 3 if steps <= 8 else 4
