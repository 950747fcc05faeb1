"""A national carrier ("nacional" in the test settings) with a table, and stores that
send through it."""

from decimal import Decimal

import factory

from logistics.models import Province
from logistics.national.models import NationalCarrier, NationalRate, StoreCarrier

# (up to kg, price, transit days) of every route the tests' table covers.
BANDS = (("2", "300.00", 3), ("5", "450.00", 3), ("10", "700.00", 4))


class NationalCarrierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalCarrier
        django_get_or_create = ("code",)

    code = "nacional"
    name = "Paquetería Nacional"
    minimum_charge = Decimal("250.00")
    handling_days = 1
    allows_consolidation = True


def national_table(carrier, *, origins, destinations, bands=BANDS) -> None:
    """`bands` on every route from a province named in `origins` to one in `destinations`."""
    provinces = {province.name: province for province in Province.objects.all()}
    NationalRate.objects.bulk_create(
        NationalRate(
            carrier=carrier,
            origin=provinces[origin],
            destination=provinces[destination],
            max_weight_kg=Decimal(weight),
            price=Decimal(price),
            transit_days=days,
        )
        for origin in origins
        for destination in destinations
        for weight, price, days in bands
    )


def store_sends_through(vendor, carrier) -> StoreCarrier:
    return StoreCarrier.objects.create(vendor=vendor, carrier=carrier)
