"""A small requests world: a bakery cooperative needs flour delivered in Santa Clara;
two food stores deliver across Villa Clara (zone at 150, and a pickup point each), a
third store sells furniture in La Habana."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from logistics.models import Municipality, Province
from shop.sourcing.models import SourcingRequest, Unit, Visibility
from shop.sourcing.search import request_text_fold, request_vector_write
from shop.sourcing.services import OfferTerms
from tests.factories import PartnerFactory, UserFactory
from tests.factories.callcenter import cuba, owner_of
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from vendors.models import Sector

ACCEPT_ADDRESS = {
    "first_name": "Rosa",
    "last_name": "Pérez",
    "line1": "Calle Maceo No. 12",
    "line2": "entre Independencia y Martí",
    "phone_number": "+5352345678",
}


def food_sector() -> Sector:
    return Sector.objects.get(slug="alimentos-y-bebidas")


def sourcing_world() -> dict:
    cuba()
    villa_clara = Province.objects.get(name="Villa Clara")
    food = food_sector()
    stores = {}
    for key, name in (("a", "Molino La Espiga"), ("b", "Harinas del Centro")):
        partner = PartnerFactory(name=name, code=f"store-{key}")
        partner.vendor.sectors.add(food)
        DeliveryZoneFactory(
            vendor=partner.vendor,
            name=f"Villa Clara {name}",
            price=Decimal("150"),
            provinces=[villa_clara],
        )
        PickupPointFactory(vendor=partner.vendor, name=f"Almacén {name}")
        stores[key] = partner.vendor
    furniture = PartnerFactory(name="Muebles Habana", code="store-c")
    furniture.vendor.sectors.add(Sector.objects.get(slug="muebles-y-hogar"))
    stores["c"] = furniture.vendor
    owners = {key: owner_of(vendor.partner) for key, vendor in stores.items()}
    requester = UserFactory(email="cooperativa@example.test", first_name="Rosa")
    return {"stores": stores, "owners": owners, "requester": requester, "sector": food}


def flour_request(requester, **overrides) -> SourcingRequest:
    fields = {
        "requester": requester,
        "title": "Harina de trigo para pan",
        "description": "Sacos de 50 kg, entrega en la panadería de la cooperativa.",
        "sector": food_sector(),
        "quantity": 100,
        "unit": Unit.KILOGRAM,
        "needed_by": timezone.localdate() + timedelta(days=10),
        "municipality": Municipality.objects.get(name="Santa Clara"),
        "visibility": Visibility.PUBLIC,
        **overrides,
    }
    request = SourcingRequest(**fields)
    request_text_fold(request)
    request.save()
    request_vector_write(request_id=request.pk)
    return request


def offer_terms(**overrides) -> OfferTerms:
    fields = {
        "price": Decimal("80.00"),
        "quantity": 100,
        "lead_time_days": 3,
        "valid_until": timezone.localdate() + timedelta(days=7),
        "message": "Harina de primera.",
        **overrides,
    }
    return OfferTerms(**fields)
