"""The "Primeros pasos" checklist on a new store's dashboard home: each step ticked by what
the store did (the first course: by any of its members), linking where it is done, its
percentage, and the same queries however much the store holds. Delivery is zones or a
national carrier; a payment method is one the buyers can pay the store with in its
currency."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from oscar.core.loading import get_model

from shop.classroom.models import Course, CourseCompletion
from tests.factories import PartnerFactory, ProductFactory, UserFactory
from tests.factories.classroom import CourseFactory
from tests.factories.delivery import DeliveryZoneFactory
from tests.factories.national import NationalCarrierFactory, store_sends_through
from tests.factories.orders import purchase
from tests.functional.vendors.conftest import png_bytes
from tests.queries import query_count
from vendors.models import MembershipRole

ProductImage = get_model("catalogue", "ProductImage")

pytestmark = pytest.mark.django_db


@pytest.fixture
def first_course():
    """The published first course (the data migration's, or one like it)."""
    return Course.objects.filter(is_first_course=True).first() or CourseFactory(
        title="Vender en Encadena", slug="vender-en-encadena", is_first_course=True
    )


@pytest.fixture
def new_store(first_course):
    partner = PartnerFactory(name="Tienda Nueva", code="tienda-nueva")
    owner = UserFactory()
    partner.vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client = Client()
    client.force_login(owner)
    return partner, client


def ticked(client) -> dict[str, bool]:
    steps = client.get("/vendedor/tienda-nueva/").context["first_steps"]
    return {step.key: step.done for step in steps.steps}


def pictured_products(partner, count):
    for _ in range(count):
        product = ProductFactory(stockrecord__partner=partner)
        ProductImage.objects.create(
            product=product, original=ContentFile(png_bytes(), name="foto.png")
        )


def test_a_new_store_follows_its_first_steps_to_100_percent(new_store, first_course):
    partner, client = new_store
    vendor = partner.vendor
    page = client.get("/vendedor/tienda-nueva/").content.decode()
    assert "Primeros pasos: 17 % hecho" in page  # the buyers can pay in cash already
    assert 'href="/vendedor/tienda-nueva/perfil/"' in page
    assert f'href="/aprende/{first_course.slug}/">El primer curso: {first_course.title}' in page

    vendor.logo.save("logo.png", ContentFile(png_bytes()), save=True)
    pictured_products(partner, 4)
    assert ticked(client) == {
        "profile": True,
        "products": False,
        "delivery": False,
        "payment": True,  # cash on delivery takes the store's pesos
        "order": False,
        "course": False,
    }

    pictured_products(partner, 1)
    DeliveryZoneFactory(vendor=vendor)
    assert "Primeros pasos: 67 % hecho" in client.get("/vendedor/tienda-nueva/").content.decode()

    product = partner.stockrecords.first().product
    purchase({partner: [(product, 1)]})
    assert "Primeros pasos: 83 % hecho" in client.get("/vendedor/tienda-nueva/").content.decode()
    # Any member of the store completing the course ticks it; another store's does not.
    CourseCompletion.objects.create(user=UserFactory(), course=first_course)
    assert ticked(client)["course"] is False
    staff = UserFactory()
    vendor.memberships.create(user=staff, role=MembershipRole.STAFF)
    CourseCompletion.objects.create(user=staff, course=first_course)

    assert set(ticked(client).values()) == {True}
    assert "Primeros pasos" not in client.get("/vendedor/tienda-nueva/").content.decode()


def test_the_checklist_costs_the_same_queries_with_more_products(new_store, first_course):
    partner, client = new_store
    few = query_count(client, "/vendedor/tienda-nueva/")

    pictured_products(partner, 8)
    for _ in range(3):
        CourseCompletion.objects.create(user=UserFactory(), course=first_course)
    many = query_count(client, "/vendedor/tienda-nueva/")

    assert many == few


def test_delivery_is_zones_or_a_national_carrier_and_payment_a_method_in_its_currency(
    new_store, settings
):
    partner, client = new_store
    settings.PAYMENT_GATEWAYS = {
        "cash_on_delivery": {
            "BACKEND": "payments.gateways.cash_on_delivery.CashOnDelivery",
            "OPTIONS": {"currencies": "USD"},
        }
    }
    ProductFactory(stockrecord__partner=partner)
    assert ticked(client)["payment"] is False  # it sells in pesos, nobody takes them

    carrier = NationalCarrierFactory()
    store_sends_through(partner.vendor, carrier)
    assert ticked(client)["delivery"] is True
    carrier.is_active = False
    carrier.save()
    assert ticked(client)["delivery"] is False
