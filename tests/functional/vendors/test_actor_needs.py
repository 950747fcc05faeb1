"""What actors offer and need: edited in the store's profile, filtered in the directory,
matched on the dashboard ("quienes necesitan lo que usted produce"); and an actor listed
with a profile and no store."""

import pytest

from tests.factories import CategoryFactory, UserFactory, VendorFactory
from tests.functional.vendors.test_vendor_dashboard import profile_data
from tests.queries import query_count
from vendors.models import MembershipRole, Sector, Vendor

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_client(client):
    owner = UserFactory(email="vilma@guayabita.test")
    vendor = VendorFactory(trade_name="Dulces Guayabita", slug="guayabita")
    vendor.sectors.set([Sector.objects.get(slug="alimentos-y-bebidas")])
    vendor.memberships.create(user=owner, role=MembershipRole.OWNER)
    client.force_login(owner)
    return client


def needing(name: str, sector_slug: str, **fields) -> Vendor:
    vendor = VendorFactory(trade_name=name, **fields)
    vendor.need_sectors.set([Sector.objects.get(slug=sector_slug)])
    return vendor


def test_owner_says_what_the_store_offers_and_needs(owner_client):
    packaging = CategoryFactory(name="Envases")
    building = Sector.objects.get(slug="construccion")

    response = owner_client.post(
        "/vendedor/guayabita/perfil/",
        profile_data(
            need_sectors=[building.pk],
            need_categories=[packaging.pk],
            need_text="Frascos de vidrio, 500 al mes.",
            offer_text="Mermeladas y dulces en almíbar.",
            capacity="2 t al mes",
            certifications="Registro sanitario",
            latitude="21.80250",
            longitude="-79.98400",
        ),
    )

    assert response.status_code == 302
    vendor = Vendor.objects.get(slug="guayabita")
    assert list(vendor.need_sectors.all()) == [building]
    assert list(vendor.need_categories.all()) == [packaging]
    assert (vendor.capacity, str(vendor.latitude), str(vendor.longitude)) == (
        "2 t al mes",
        "21.80250",
        "-79.98400",
    )
    page = owner_client.get("/tiendas/guayabita/").content.decode()
    assert "Frascos de vidrio, 500 al mes." in page and "Registro sanitario" in page


@pytest.mark.parametrize(
    ("latitude", "longitude", "message"),
    [
        ("40.41680", "-3.70380", "no están en Cuba"),
        ("21.80250", "", "Indique latitud y longitud"),
    ],
)
def test_coordinates_outside_cuba_or_half_given_are_refused(
    owner_client, latitude, longitude, message
):
    response = owner_client.post(
        "/vendedor/guayabita/perfil/", profile_data(latitude=latitude, longitude=longitude)
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Vendor.objects.get(slug="guayabita").latitude is None


def test_the_directory_filters_by_what_actors_need(client):
    needing("Cooperativa Norte", "alimentos-y-bebidas")
    needing("Constructora Sur", "construccion")

    response = client.get("/actores/", {"need": "alimentos-y-bebidas"})

    assert [vendor.trade_name for vendor in response.context["vendors"]] == ["Cooperativa Norte"]
    assert [(f.value, f.count) for f in response.context["facets"]["need"]] == [
        ("alimentos-y-bebidas", 1),
        ("construccion", 1),
    ]
    assert "Necesita:" in response.content.decode()


def test_the_dashboard_shows_who_needs_what_the_store_produces_at_constant_queries(
    owner_client,
):
    needing("Cooperativa Norte", "alimentos-y-bebidas")
    needing("Constructora Sur", "construccion")
    supplier = VendorFactory(trade_name="Vidrios Cerro")
    supplier.sectors.set([Sector.objects.get(slug="construccion")])
    Vendor.objects.get(slug="guayabita").need_sectors.set([Sector.objects.get(slug="construccion")])

    response = owner_client.get("/vendedor/guayabita/")

    complementary = response.context["complementary"]
    assert [v.trade_name for v in complementary.need_what_you_offer] == ["Cooperativa Norte"]
    assert [v.trade_name for v in complementary.offer_what_you_need] == ["Vidrios Cerro"]
    few = query_count(owner_client, "/vendedor/guayabita/")
    for number in range(6):
        needing(f"Más {number}", "alimentos-y-bebidas")
    assert query_count(owner_client, "/vendedor/guayabita/") == few


def test_an_actor_applies_with_a_profile_and_no_store(client):
    from logistics.models import Municipality

    trinidad = Municipality.objects.get(name="Trinidad")
    response = client.post(
        "/vende/",
        {
            "trade_name": "Proyecto Valle",
            "legal_name": "Proyecto de Desarrollo Local Valle",
            "actor_type": "pdl",
            "nit": "40011122233",
            "sectors": [Sector.objects.get(slug="alimentos-y-bebidas").pk],
            "province": trinidad.province_id,
            "municipality": trinidad.pk,
            "address": "Calle Real 5",
            "phone": "+53 5 111 2222",
            "email": "valle@example.test",
            "profile_only": "on",
            "owner_first_name": "Ana",
            "owner_last_name": "Díaz",
            "owner_email": "ana@example.test",
            "password1": "una-clave-larga-2026",
            "password2": "una-clave-larga-2026",
        },
    )

    assert response.status_code == 302
    vendor = Vendor.objects.get(nit="40011122233")
    assert (vendor.has_store, vendor.status) == (False, "applied")  # approved as any store


def test_an_actor_without_a_store_is_listed_and_has_no_catalogue(client):
    owner = UserFactory(email="valle@example.test")
    valle = needing("Proyecto Valle", "alimentos-y-bebidas", slug="valle", has_store=False)
    valle.memberships.create(user=owner, role=MembershipRole.OWNER)

    assert "Solo perfil, sin tienda" in client.get("/actores/").content.decode()
    page = client.get("/tiendas/valle/")
    assert page.status_code == 200
    assert "no vende en Encadena" in page.content.decode()
    assert page.context["products"] == []
    client.force_login(owner)
    assert client.get("/vendedor/valle/").status_code == 200
    for url in ("/vendedor/valle/productos/", "/vendedor/valle/productos/nuevo/"):
        assert client.get(url).status_code == 404
