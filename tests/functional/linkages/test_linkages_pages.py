"""/encadenamientos/: the figures from the pre-computed table, at a constant number of
queries however many deals; operators see amounts; the open data has no amounts and
leaves small cells empty; a store declares and answers deals from its dashboard."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from logistics.models import Municipality
from shop.linkages.exceptions import LinkageRefused
from shop.linkages.models import Deal, DealStatus, Event
from shop.linkages.services import deal_confirm
from tests.factories import PartnerFactory, UserFactory
from tests.factories.callcenter import owner_of
from tests.factories.linkages import actors, confirmed_deals, declared_deal
from tests.queries import query_count
from vendors.models import ActorType

pytestmark = pytest.mark.django_db
URL = "/encadenamientos/"


@pytest.fixture
def world():
    return actors()


def test_the_page_shows_the_figures_and_costs_the_same_queries_however_many_deals(world):
    confirmed_deals(world, 2)
    few = query_count(Client(), URL)
    cooperative = PartnerFactory(
        name="CPA Las Tunas",
        vendor__actor_type=ActorType.CPA,
        vendor__municipality=Municipality.objects.get(name="Puerto Padre"),
    ).vendor
    confirmed_deals(world, 20, seller=cooperative)
    many = query_count(Client(), URL)

    assert many == few
    page = Client().get(URL).content.decode()
    assert "<strong>22</strong>" in page  # deals in all
    assert "Artemisa → La Habana" in page and "Las Tunas → La Habana" in page
    assert "<svg" in page and "<script" not in page.split("<main")[-1].split("</main>")[0]
    assert "CUP" not in page.split("deals in all")[-1].split("</ul>")[0]  # no amounts in public


def test_operators_see_the_amounts(world):
    confirmed_deals(world, 2)
    operator = Client()
    operator.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = operator.get(URL).content.decode()

    assert "10.000,00" in page or "10 000,00" in page  # two deals "up to 10,000" at 5,000


def test_the_open_data_has_no_amounts_and_leaves_small_cells_empty(world):
    confirmed_deals(world, 3)
    town = PartnerFactory(
        name="TCP Holguín", vendor__municipality=Municipality.objects.get(name="Holguín")
    ).vendor
    confirmed_deals(world, 1, seller=town)

    rows = list(csv.DictReader(io.StringIO(Client().get(URL + "datos.csv").content.decode())))
    provinces = {
        (row["from_label"], row["to_label"]): row for row in rows if row["scope"] == "provinces"
    }
    assert (
        provinces[("Artemisa", "La Habana")]["deals"],
        provinces[("Artemisa", "La Habana")]["suppressed"],
    ) == ("3", "False")
    assert (
        provinces[("Holguín", "La Habana")]["deals"],
        provinces[("Holguín", "La Habana")]["suppressed"],
    ) == ("", "True")
    assert set(rows[0]) == {
        "scope",
        "from_key",
        "from_label",
        "to_key",
        "to_label",
        "deals",
        "suppressed",
    }
    body = json.loads(Client().get(URL + "datos.json").content)
    assert body["suppressed_below"] == 3
    assert body["figures"][0] == {
        "scope": "total",
        "from_key": "",
        "from_label": "",
        "to_key": "",
        "to_label": "",
        "deals": 4,
        "suppressed": False,
    }
    assert world["bakery"].nit not in json.dumps(body) and "Panadería" not in json.dumps(body)
    assert Client().get(URL + "datos/").status_code == 200


def test_a_store_declares_a_deal_and_the_other_confirms_it_from_their_dashboards(world):
    farmer, baker = Client(), Client()
    farmer.force_login(owner_of(world["farm"].partner))
    baker.force_login(owner_of(world["bakery"].partner))
    farm_url = reverse("linkages_dashboard:deals", args=[world["farm"].slug])
    bakery_url = reverse("linkages_dashboard:deals", args=[world["bakery"].slug])

    refused = farmer.post(
        farm_url,
        {
            "counterpart": "nadie",
            "we_sold": "1",
            "band": "0-10k",
            "deal_date": "2020-01-01",
            "channel": "feria",
        },
    )
    assert refused.status_code == 400 and Deal.objects.count() == 0
    assert (
        "No active actor" in refused.content.decode() or "Ningún actor" in refused.content.decode()
    )
    made = farmer.post(
        farm_url,
        {
            "counterpart": world["bakery"].nit,
            "we_sold": "1",
            "band": "10k-50k",
            "deal_date": timezone.localdate().isoformat(),
            "channel": "telefono",
        },
    )
    assert made.status_code == 302
    deal = Deal.objects.get()
    assert baker.get(bakery_url).content.decode().count("deal-to-answer") == 1

    baker.post(
        reverse("linkages_dashboard:deal-answer", args=[world["bakery"].slug, deal.pk]),
        {"answer": "confirm"},
    )

    deal.refresh_from_db()
    assert (deal.status, deal.counts, deal.seller, deal.buyer_vendor) == (
        DealStatus.CONFIRMED,
        True,
        world["farm"],
        world["bakery"],
    )
    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(farm_url).status_code == 404


def test_the_map_counts_actors_and_deals_by_province_and_lists_a_province_actors(world):
    confirmed_deals(world, 2)
    few = query_count(Client(), "/mapa/?provincia=artemisa")
    for index in range(5):
        PartnerFactory(
            name=f"CPA {index}",
            vendor__actor_type=ActorType.CPA,
            vendor__municipality=Municipality.objects.get(name="Artemisa"),
        )
    confirmed_deals(world, 3)
    many = query_count(Client(), "/mapa/?provincia=artemisa")

    assert many == few
    page = Client().get("/mapa/?provincia=artemisa").content.decode()
    assert "Artemisa — actores: 6, negocios: 5" in page
    assert "Finca El Mango" in page and "CPA 4" in page and "Panadería" not in page
    filtered = Client().get("/mapa/?tipo=ccs&provincia=artemisa").content.decode()
    assert "Finca El Mango" in filtered and "CPA 4" not in filtered
    # The CCS in Artemisa took part in all five deals.
    assert "Artemisa — actores: 1, negocios: 5" in filtered
    assert "La Habana — actores: 0, negocios: 0" in filtered
    assert Client().get("/mapa/?tipo=nada&sector=nada").status_code == 200


def test_both_profiles_show_their_linkages_once_confirmed_and_cached(world):
    farm_page = reverse("vendors:store", args=[world["farm"].slug])
    bakery_page = reverse("vendors:store", args=[world["bakery"].slug])
    before = query_count(Client(), farm_page)
    assert "negocio con" not in Client().get(farm_page).content.decode()

    confirmed_deals(world, 1)

    for url in (farm_page, bakery_page):
        assert "1 negocio con 1 actores de 1 provincias" in Client().get(url).content.decode()
    assert query_count(Client(), farm_page) == before


def test_an_event_counts_the_confirmed_deals_declared_there_and_takes_exhibitors(world):
    starts = timezone.localdate() - timedelta(days=1)
    fair = Event.objects.create(
        name="Feria de Artemisa",
        slug="feria-artemisa",
        starts_on=starts,
        ends_on=starts + timedelta(days=2),
        municipality=Municipality.objects.get(name="Artemisa"),
        place="Parque central",
    )
    with pytest.raises(LinkageRefused) as refused:
        declared_deal(declarer=world["farm"], counterpart=world["bakery"], days_ago=5, event=fair)
    assert refused.value.code == "date"
    deal = declared_deal(
        declarer=world["farm"], counterpart=world["bakery"], days_ago=0, event=fair
    )
    declared_deal(declarer=world["farm"], counterpart=world["bakery"], days_ago=0, event=fair)
    deal_confirm(deal_id=deal.pk, vendor=world["bakery"], user=None)
    farmer = Client()
    farmer.force_login(owner_of(world["farm"].partner))

    farmer.post("/eventos/feria-artemisa/", {"store": world["farm"].slug})
    farmer.post("/eventos/feria-artemisa/", {"store": world["bakery"].slug})  # not its store

    assert list(fair.exhibitors.all()) == [world["farm"]]
    page = Client().get("/eventos/feria-artemisa/").content.decode()
    assert "<strong>1</strong> negocios cerrados aquí y confirmados" in page
    assert "Feria de Artemisa" in Client().get("/eventos/").content.decode()
    assert Client().get("/eventos/no-existe/").status_code == 404


def test_a_chosen_province_lists_its_municipalities_with_counts_and_their_actors(world):
    confirmed_deals(world, 2)
    url = "/mapa/?provincia=artemisa&municipio=artemisa"
    few = query_count(Client(), url)
    for index in range(3):
        PartnerFactory(
            name=f"CPA {index}",
            vendor__actor_type=ActorType.CPA,
            vendor__municipality=Municipality.objects.get(name="Bauta"),
        )
    confirmed_deals(world, 2)

    assert query_count(Client(), url) == few
    cuba = Client().get("/mapa/?provincia=artemisa").context["cuba"]
    towns = {town.name: (town.actors, town.deals) for town in cuba.towns}
    assert (towns["Artemisa"], towns["Bauta"], towns["Mariel"]) == ((1, 4), (3, 0), (0, 0))
    page = Client().get(url)
    assert [actor.trade_name for actor in page.context["actors"]] == ["Finca El Mango"]
    assert "Municipios de Artemisa" in page.content.decode()
    by_type = Client().get("/mapa/?tipo=cpa&provincia=artemisa").context["cuba"]
    assert {town.name: town.actors for town in by_type.towns}["Artemisa"] == 0
