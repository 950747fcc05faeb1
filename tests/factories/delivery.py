from decimal import Decimal

import factory

from logistics.models import DeliveryZone, Municipality, PickupPoint, Province


class DeliveryZoneFactory(factory.django.DjangoModelFactory):
    """A zone covering a whole province (La Habana unless `provinces=[...]`)."""

    class Meta:
        model = DeliveryZone
        skip_postgeneration_save = True

    vendor = factory.SubFactory("tests.factories.vendors.VendorFactory")
    name = factory.Sequence(lambda n: f"Zona {n}")
    price = Decimal("200.00")

    @factory.post_generation
    def provinces(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook signature
        if create:
            obj.provinces.set(
                extracted if extracted is not None else [Province.objects.get(name="La Habana")]
            )

    @factory.post_generation
    def municipalities(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.municipalities.set(extracted)


class PickupPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PickupPoint

    vendor = factory.SubFactory("tests.factories.vendors.VendorFactory")
    name = factory.Sequence(lambda n: f"Punto {n}")
    municipality = factory.LazyFunction(
        lambda: Municipality.objects.get(name="Plaza de la Revolución")
    )
    address = "Calle 23 No. 1010"
    hours = "Lunes a sábado, 9:00 a 17:00"
