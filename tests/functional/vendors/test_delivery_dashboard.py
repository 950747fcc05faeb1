"""A vendor says where it delivers and where buyers collect; bad input gets a clear
message, nothing half-saved, and another vendor's zones do not exist here."""

from decimal import Decimal

import pytest
from django.utils.translation import gettext as _

from logistics.models import DeliveryZone, Municipality, PickupPoint, Province
from tests.factories import PartnerFactory, UserFactory
from tests.factories.delivery import DeliveryZoneFactory, PickupPointFactory
from tests.queries import query_count
from vendors.models import MembershipRole

ZONES = "/vendedor/guayabita/entregas/zonas/"
POINTS = "/vendedor/guayabita/entregas/recogida/"


@pytest.fixture
def staff_client(vendor):
    from django.test import Client

    staff = UserFactory(email="pedro@guayabita.test")
    vendor.memberships.create(user=staff, role=MembershipRole.STAFF)
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture
def other_vendor(db):
    return PartnerFactory(name="CPA La Esperanza", code="esperanza").vendor


def province(name: str) -> Province:
    return Province.objects.get(name=name)


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name=name)


def zone_of(
    vendor, *, name="Pinar", provinces=("Pinar del Río",), municipalities=(), **fields
) -> DeliveryZone:
    return DeliveryZoneFactory(
        vendor=vendor,
        name=name,
        provinces=[province(p) for p in provinces],
        municipalities=[municipality(m) for m in municipalities],
        **fields,
    )


def zone_post(**changes) -> dict:
    data = {
        "name": "Pinar y Artemisa",
        "provinces": [province("Pinar del Río").pk],
        "municipalities": [
            municipality("San Antonio de los Baños").pk,
            municipality("Artemisa").pk,
        ],
        "price": "250",
        "price_per_kg": "12.50",
        "minimum_order": "1000",
        "is_active": "on",
    }
    return {key: value for key, value in {**data, **changes}.items() if value is not None}


def point_post(**changes) -> dict:
    centro = municipality("Centro Habana")
    data = {
        "name": "Punto Centro Habana",
        "province": centro.province_id,
        "municipality": centro.pk,
        "address": "Calle Galiano No. 20",
        "hours": "Lunes a sábado, 9:00 a 17:00",
        "is_active": "on",
    }
    return {key: value for key, value in {**data, **changes}.items() if value is not None}


def coverage(zone: DeliveryZone) -> tuple[set, set]:
    return ({p.name for p in zone.provinces.all()}, {m.name for m in zone.municipalities.all()})


def test_owner_creates_a_zone_and_sees_what_it_covers_in_the_list(owner_client, vendor):
    response = owner_client.post(f"{ZONES}nueva/", zone_post())

    assert response.status_code == 302 and response["Location"] == ZONES
    zone = DeliveryZone.objects.get()
    assert (
        zone.vendor,
        zone.name,
        zone.price,
        zone.price_per_kg,
        zone.minimum_order,
        zone.is_active,
    ) == (vendor, "Pinar y Artemisa", Decimal("250.00"), Decimal("12.50"), Decimal("1000.00"), True)
    assert coverage(zone) == ({"Pinar del Río"}, {"San Antonio de los Baños", "Artemisa"})
    html = owner_client.get(ZONES).content.decode()
    assert "Pinar y Artemisa" in html
    assert "Pinar del Río" in html
    assert "San Antonio de los Baños (Artemisa)" in html
    assert "Artemisa (Artemisa)" in html
    assert "250,00 CUP" in html


def test_per_kg_price_and_minimum_order_may_be_left_empty(owner_client, vendor):
    owner_client.post(f"{ZONES}nueva/", zone_post(price_per_kg="", minimum_order=""))

    zone = DeliveryZone.objects.get()
    assert (zone.price_per_kg, zone.minimum_order) == (Decimal("0.00"), Decimal("0.00"))


def test_owner_edits_a_zone_and_its_coverage_is_replaced(owner_client, vendor):
    zone = zone_of(vendor, municipalities=("Playa",))
    form = owner_client.get(f"{ZONES}{zone.pk}/").context["form"]
    assert form.initial["name"] == "Pinar"

    response = owner_client.post(
        f"{ZONES}{zone.pk}/",
        zone_post(
            name="Solo La Habana",
            provinces=[province("La Habana").pk],
            municipalities=[],
            price="180",
            price_per_kg="0",
            minimum_order="0",
            is_active=None,
        ),
    )

    assert response.status_code == 302
    zone.refresh_from_db()
    assert (zone.name, zone.price, zone.is_active) == ("Solo La Habana", Decimal("180.00"), False)
    assert coverage(zone) == ({"La Habana"}, set())


def test_staff_deactivates_and_reactivates_a_zone(staff_client, vendor):
    zone = zone_of(vendor)

    staff_client.post(f"{ZONES}{zone.pk}/activar/", {"is_active": "0"})
    zone.refresh_from_db()
    assert zone.is_active is False

    staff_client.post(f"{ZONES}{zone.pk}/activar/", {"is_active": "1"})
    zone.refresh_from_db()
    assert zone.is_active is True


def test_owner_deletes_a_zone_after_confirming(owner_client, vendor):
    zone = zone_of(vendor)

    confirm = owner_client.get(f"{ZONES}{zone.pk}/eliminar/")
    assert confirm.status_code == 200 and DeliveryZone.objects.filter(pk=zone.pk).exists()

    response = owner_client.post(f"{ZONES}{zone.pk}/eliminar/")

    assert response.status_code == 302 and response["Location"] == ZONES
    assert not DeliveryZone.objects.filter(pk=zone.pk).exists()


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"provinces": None, "municipalities": None},
            "__all__",
            "Choose at least one province or municipality you deliver to.",
        ),
        ({"price": "-1"}, "price", "Amounts cannot be negative: enter 0 or more."),
        ({"price_per_kg": "-0.01"}, "price_per_kg", "Amounts cannot be negative: enter 0 or more."),
        ({"minimum_order": "-50"}, "minimum_order", "Amounts cannot be negative: enter 0 or more."),
        ({"municipalities": ["999999"]}, "municipalities", "Choose municipalities from the list."),
        ({"municipalities": ["abc"]}, "municipalities", "Choose municipalities from the list."),
        ({"provinces": ["999999"]}, "provinces", "Choose provinces from the list."),
    ],
)
def test_bad_zone_input_is_refused_with_a_clear_message(
    owner_client, vendor, changes, field, message
):
    response = owner_client.post(f"{ZONES}nueva/", zone_post(**changes))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [_(message)]
    assert DeliveryZone.objects.count() == 0


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("price", "", "Este campo es obligatorio."),
        ("price", "gratis", "Introduzca un número."),
        ("price", "10.505", "Asegúrese de que no haya más de 2 dígitos decimales."),
        ("price", "NaN", "Introduzca un número."),
        ("name", "", "Este campo es obligatorio."),
    ],
)
def test_malformed_zone_amounts_and_names_are_refused(owner_client, vendor, field, value, message):
    response = owner_client.post(f"{ZONES}nueva/", zone_post(**{field: value}))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert DeliveryZone.objects.count() == 0


def test_a_failed_edit_leaves_the_zone_as_it_was(owner_client, vendor):
    zone = zone_of(vendor, municipalities=("Playa",))

    response = owner_client.post(f"{ZONES}{zone.pk}/", zone_post(price="-5"))

    assert response.status_code == 400
    zone.refresh_from_db()
    assert (zone.name, zone.price) == ("Pinar", Decimal("200.00"))
    assert coverage(zone) == ({"Pinar del Río"}, {"Playa"})


def test_municipalities_another_vendor_delivers_to_are_fine(owner_client, vendor, other_vendor):
    zone_of(other_vendor, provinces=(), municipalities=("Artemisa", "San Antonio de los Baños"))

    response = owner_client.post(f"{ZONES}nueva/", zone_post())

    assert response.status_code == 302
    assert coverage(DeliveryZone.objects.get(vendor=vendor)) == (
        {"Pinar del Río"},
        {"San Antonio de los Baños", "Artemisa"},
    )


def test_another_vendors_zone_does_not_exist_here(owner_client, vendor, other_vendor):
    theirs = zone_of(other_vendor, name="Zona ajena")

    responses = [
        owner_client.get(f"{ZONES}{theirs.pk}/"),
        owner_client.post(f"{ZONES}{theirs.pk}/", zone_post(name="Robada")),
        owner_client.post(f"{ZONES}{theirs.pk}/activar/", {"is_active": "0"}),
        owner_client.get(f"{ZONES}{theirs.pk}/eliminar/"),
        owner_client.post(f"{ZONES}{theirs.pk}/eliminar/"),
    ]

    assert [response.status_code for response in responses] == [404] * 5
    theirs.refresh_from_db()
    assert (theirs.name, theirs.is_active) == ("Zona ajena", True)
    assert "Zona ajena" not in owner_client.get(ZONES).content.decode()


def test_zone_list_queries_do_not_grow_with_zones(owner_client, vendor):
    zone_of(vendor, name="Zona 0", provinces=("La Habana",), municipalities=("Bauta",))
    few = query_count(owner_client, ZONES)
    for number in range(1, 8):
        zone_of(
            vendor,
            name=f"Zona {number}",
            provinces=("Artemisa", "Mayabeque"),
            municipalities=("Matanzas", "Cárdenas", "Colón"),
        )

    many = query_count(owner_client, ZONES)

    assert many == few
    assert owner_client.get(ZONES).content.decode().count("Cárdenas (Matanzas)") == 7


def test_new_pickup_point_starts_at_the_store_address(owner_client, vendor):
    form = owner_client.get(f"{POINTS}nuevo/").context["form"]

    assert (form.initial["name"], form.initial["municipality"], form.initial["address"]) == (
        "Dulces Guayabita",
        vendor.municipality,
        vendor.address,
    )


def test_owner_creates_edits_deactivates_and_deletes_a_pickup_point(owner_client, vendor):
    created = owner_client.post(f"{POINTS}nuevo/", point_post())

    assert created.status_code == 302 and created["Location"] == POINTS
    point = PickupPoint.objects.get()
    assert (
        point.vendor,
        point.name,
        point.municipality.name,
        point.address,
        point.hours,
        point.is_active,
    ) == (
        vendor,
        "Punto Centro Habana",
        "Centro Habana",
        "Calle Galiano No. 20",
        "Lunes a sábado, 9:00 a 17:00",
        True,
    )
    html = owner_client.get(POINTS).content.decode()
    assert "Calle Galiano No. 20, Centro Habana (La Habana)" in html

    trinidad = municipality("Trinidad")
    owner_client.post(
        f"{POINTS}{point.pk}/",
        point_post(
            name="Punto Trinidad",
            province=trinidad.province_id,
            municipality=trinidad.pk,
            address="Calle Real 5",
        ),
    )
    point.refresh_from_db()
    assert (point.name, point.municipality, point.address) == (
        "Punto Trinidad",
        trinidad,
        "Calle Real 5",
    )

    owner_client.post(f"{POINTS}{point.pk}/activar/", {"is_active": "0"})
    point.refresh_from_db()
    assert point.is_active is False

    owner_client.post(f"{POINTS}{point.pk}/eliminar/")
    assert PickupPoint.objects.count() == 0


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"municipality": "Trinidad"}, "municipality", "Trinidad no está en La Habana."),
        ({"municipality": "999999"}, "municipality", "Elija un municipio de la lista."),
        ({"province": "999999"}, "province", "Elija una provincia de la lista."),
    ],
)
def test_bad_pickup_point_place_is_refused(owner_client, vendor, changes, field, message):
    if changes.get("municipality") == "Trinidad":  # a real municipality, of another province
        changes["municipality"] = municipality("Trinidad").pk

    response = owner_client.post(f"{POINTS}nuevo/", point_post(**changes))

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert PickupPoint.objects.count() == 0


@pytest.mark.parametrize("field", ["name", "address", "hours", "municipality"])
def test_pickup_point_needs_every_field(owner_client, vendor, field):
    response = owner_client.post(f"{POINTS}nuevo/", point_post(**{field: ""}))

    assert response.status_code == 400
    assert "Este campo es obligatorio." in response.content.decode()
    assert PickupPoint.objects.count() == 0


def test_another_vendors_pickup_point_does_not_exist_here(owner_client, vendor, other_vendor):
    theirs = PickupPointFactory(vendor=other_vendor, name="Punto ajeno")

    responses = [
        owner_client.get(f"{POINTS}{theirs.pk}/"),
        owner_client.post(f"{POINTS}{theirs.pk}/", point_post()),
        owner_client.post(f"{POINTS}{theirs.pk}/activar/", {"is_active": "0"}),
        owner_client.post(f"{POINTS}{theirs.pk}/eliminar/"),
    ]

    assert [response.status_code for response in responses] == [404] * 4
    theirs.refresh_from_db()
    assert (theirs.name, theirs.is_active) == ("Punto ajeno", True)


def test_the_dashboard_nav_leads_to_delivery(owner_client, vendor):
    html = owner_client.get("/vendedor/guayabita/").content.decode()

    assert f'href="{ZONES}"' in html
