"""/actores/ and /tiendas/<slug>/: filters with counts, and queries that do not grow."""

import pytest

from logistics.models import Municipality
from tests.factories import CategoryFactory, PartnerFactory, ProductFactory, VendorFactory
from tests.queries import query_count
from vendors.models import Sector, VendorStatus


@pytest.fixture
def actors(db):
    food = Sector.objects.get(slug="alimentos-y-bebidas")
    building = Sector.objects.get(slug="construccion")
    havana_playa = Municipality.objects.get(name="Playa")
    havana_cerro = Municipality.objects.get(name="Cerro")
    trinidad = Municipality.objects.get(name="Trinidad")
    vendors = [
        VendorFactory(
            trade_name="Café Serrano",
            actor_type="mipyme_privada",
            municipality=havana_playa,
            description="Café de altura.",
        ),
        VendorFactory(trade_name="Bloques Cerro", actor_type="cna", municipality=havana_cerro),
        VendorFactory(
            trade_name="Textiles Trinidad", actor_type="mipyme_privada", municipality=trinidad
        ),
        VendorFactory(
            trade_name="Huerto Oculto",
            actor_type="tcp",
            municipality=trinidad,
            status=VendorStatus.SUSPENDED,
        ),
    ]
    vendors[0].sectors.set([food])
    vendors[1].sectors.set([building])
    vendors[2].sectors.set([food, building])
    return vendors


def names(response) -> list[str]:
    return [vendor.trade_name for vendor in response.context["vendors"]]


def test_directory_lists_approved_actors_only(client, actors):
    response = client.get("/actores/")

    assert names(response) == ["Bloques Cerro", "Café Serrano", "Textiles Trinidad"]
    assert 'href="/tiendas/' in response.content.decode()


def test_directory_counts_per_filter_value(client, actors):
    facets = client.get("/actores/").context["facets"]

    assert [(f.label, f.count) for f in facets["province"]] == [
        ("La Habana", 2),
        ("Sancti Spíritus", 1),
    ]
    assert [(f.value, f.count) for f in facets["actor_type"]] == [("mipyme_privada", 2), ("cna", 1)]
    assert [(f.label, f.count) for f in facets["sector"]] == [
        ("Alimentos y bebidas", 2),
        ("Construcción", 2),
    ]
    assert facets["municipality"] == []


def test_directory_filters_by_province_then_municipality(client, actors):
    by_province = client.get("/actores/", {"province": "la-habana"})
    by_municipality = client.get("/actores/", {"province": "la-habana", "municipality": "cerro"})

    assert names(by_province) == ["Bloques Cerro", "Café Serrano"]
    assert [(f.label, f.count) for f in by_province.context["facets"]["municipality"]] == [
        ("Cerro", 1),
        ("Playa", 1),
    ]
    assert names(by_municipality) == ["Bloques Cerro"]


def test_directory_filters_by_type_sector_and_text(client, actors):
    assert names(client.get("/actores/", {"actor_type": "cna"})) == ["Bloques Cerro"]
    assert names(client.get("/actores/", {"sector": "construccion"})) == [
        "Bloques Cerro",
        "Textiles Trinidad",
    ]
    assert names(client.get("/actores/", {"q": "altura"})) == ["Café Serrano"]


@pytest.mark.parametrize("query", ["cafe", "CAFÉ", "serrano cafe", "habana cafe"])
def test_directory_search_ignores_accents_and_case(client, actors, query):
    assert names(client.get("/actores/", {"q": query})) == ["Café Serrano"]


def test_directory_search_suggests_a_close_spelling_and_shows_it(client, actors):
    response = client.get("/actores/", {"q": "trinidat"})

    assert names(response) == ["Textiles Trinidad"]
    html = response.content.decode()
    assert 'Nada coincide con "trinidat".' in html
    assert '¿Quiso decir <a href="/actores/?q=trinidad">trinidad</a>?' in html
    assert (
        query_count(client, "/actores/?q=trinidat") <= 14
    )  # with what actors need: its facet and its prefetch


def test_directory_ignores_unknown_filter_values(client, actors):
    response = client.get("/actores/", {"province": "atlantida", "actor_type": "banco"})

    assert response.status_code == 200
    assert len(names(response)) == 3


def test_directory_paginates(client, db):
    for number in range(30):
        VendorFactory(trade_name=f"Tienda {number:02d}")

    first = client.get("/actores/")
    second = client.get("/actores/", {"page": 2})

    assert len(names(first)) == 24 and len(names(second)) == 6


def test_directory_queries_do_not_grow_with_vendors(client, actors):
    few = query_count(client, "/actores/?province=la-habana")
    for number in range(25):
        VendorFactory(trade_name=f"Más {number}").sectors.set(Sector.objects.all()[:3])
    many = query_count(client, "/actores/?province=la-habana")

    assert many == few


@pytest.fixture
def store_with_catalogue(db):
    partner = PartnerFactory(name="Dulces Guayabita", code="guayabita")
    food = CategoryFactory(name="Alimentos")
    crafts = CategoryFactory(name="Artesanía")
    ProductFactory(title="Mermelada de guayaba", categories=[food], stockrecord__partner=partner)
    ProductFactory(title="Cesta de guano", categories=[crafts], stockrecord__partner=partner)
    ProductFactory(title="Miel de otra tienda", categories=[food])
    return partner.vendor, food


def test_store_page_shows_the_vendor_and_only_its_products(client, store_with_catalogue):
    vendor, _food = store_with_catalogue

    response = client.get("/tiendas/guayabita/")

    html = response.content.decode()
    assert [p.title for p in response.context["products"]] == [
        "Cesta de guano",
        "Mermelada de guayaba",
    ] or sorted(p.title for p in response.context["products"]) == [
        "Cesta de guano",
        "Mermelada de guayaba",
    ]
    assert "Miel de otra tienda" not in html
    assert "MIPYME privada" in html and "Playa, La Habana" in html
    assert vendor.phone in html and vendor.email in html
    assert [c.name for c in response.context["categories"]] == ["Alimentos", "Artesanía"]


def test_store_page_filters_by_category_and_searches(client, store_with_catalogue):
    _vendor, food = store_with_catalogue

    by_category = client.get("/tiendas/guayabita/", {"category": food.pk})
    by_text = client.get("/tiendas/guayabita/", {"q": "guano"})

    assert [p.title for p in by_category.context["products"]] == ["Mermelada de guayaba"]
    assert [p.title for p in by_text.context["products"]] == ["Cesta de guano"]


def test_store_search_ignores_accents_stays_in_the_store_and_suggests(client, store_with_catalogue):
    _vendor, food = store_with_catalogue

    by_text = client.get("/tiendas/guayabita/", {"q": "MERMELADA"})
    in_category = client.get("/tiendas/guayabita/", {"q": "guano", "category": food.pk})
    misspelt = client.get("/tiendas/guayabita/", {"q": "mermalada"})
    other_store = client.get("/tiendas/guayabita/", {"q": "miel"})

    assert [p.title for p in by_text.context["products"]] == ["Mermelada de guayaba"]
    assert list(in_category.context["products"]) == []
    assert [p.title for p in misspelt.context["products"]] == ["Mermelada de guayaba"]
    assert '¿Quiso decir <a href="/tiendas/guayabita/?q=mermelada">mermelada</a>?' in (
        misspelt.content.decode()
    )
    assert list(other_store.context["products"]) == []


def test_unknown_store_is_404(client, db):
    assert client.get("/tiendas/no-existe/").status_code == 404


def test_store_page_queries_do_not_grow_with_products(client, store_with_catalogue):
    vendor, food = store_with_catalogue
    few = query_count(client, "/tiendas/guayabita/")
    ProductFactory.create_batch(30, categories=[food], stockrecord__partner=vendor.partner)
    many = query_count(client, "/tiendas/guayabita/")

    assert many == few


def test_store_search_queries_do_not_grow_with_products(client, store_with_catalogue):
    vendor, food = store_with_catalogue
    few = query_count(client, "/tiendas/guayabita/?q=guayaba")
    ProductFactory.create_batch(
        30, title="Pasta de guayaba", categories=[food], stockrecord__partner=vendor.partner
    )
    many = query_count(client, "/tiendas/guayabita/?q=guayaba")

    assert many == few <= 12


def test_catalogue_filters_by_province_and_vendor(client, store_with_catalogue):
    trinidad = Municipality.objects.get(name="Trinidad")
    partner = PartnerFactory(
        name="Textiles Trinidad", code="trinidad", vendor__municipality=trinidad
    )
    ProductFactory(title="Guayabera de lino", stockrecord__partner=partner)

    by_province = client.get("/catalogue/", {"province": "sancti-spiritus"})
    by_vendor = client.get("/catalogue/", {"vendor": "guayabita"})

    assert [p.title for p in by_province.context["products"]] == ["Guayabera de lino"]
    assert sorted(p.title for p in by_vendor.context["products"]) == [
        "Cesta de guano",
        "Mermelada de guayaba",
    ]


def test_product_page_names_the_vendor_and_its_municipality(client, store_with_catalogue):
    vendor, _food = store_with_catalogue
    product = vendor.partner.stockrecords.first().product

    html = client.get(product.get_absolute_url()).content.decode()

    assert 'Vendido por <a href="/tiendas/guayabita/">Dulces Guayabita</a>, Playa' in html
