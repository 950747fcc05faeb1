"""The map of Cuba (/mapa/): province outlines shipped with the code (data/, built by the
linkages_map_build command from a registry package, see README), shaded by how many
actors and deals each holds; the chosen province's municipalities with their counts (a
table: no municipal boundaries are shipped), and the actors of the chosen place below."""

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db.models import Count

from logistics.territory import territory
from shop.linkages.figures import place_deal_counts
from vendors.models import Vendor, VendorStatus

MAP_DATA = Path(__file__).resolve().parent / "data" / "cuba_provinces.json"
MAP_WIDTH = 1000
SHADES = 4


@lru_cache(maxsize=1)
def map_outlines() -> dict:
    return json.loads(MAP_DATA.read_text())


@dataclass(frozen=True)
class Place:
    name: str
    slug: str
    d: str
    label_x: int
    label_y: int
    actors: int
    deals: int
    shade: int  # 0 (none) to SHADES, by actors
    chosen: bool


@dataclass(frozen=True)
class Town:
    """A municipality of the chosen province, with its counts."""

    name: str
    slug: str
    actors: int
    deals: int
    chosen: bool


@dataclass(frozen=True)
class CubaMap:
    width: int
    height: int
    places: tuple[Place, ...]
    chosen: Place | None
    towns: tuple[Town, ...] = ()
    chosen_town: Town | None = None


def approved_actors(*, actor_type: str = "", sector=None):
    vendors = Vendor.objects.filter(status=VendorStatus.APPROVED)
    if actor_type:
        vendors = vendors.filter(actor_type=actor_type)
    if sector is not None:
        vendors = vendors.filter(sectors=sector)
    return vendors


def cuba_map(
    *, actor_type: str = "", sector=None, province_slug: str = "", municipality_slug: str = ""
) -> CubaMap:
    """The provinces with their counts of actors and deals under the filters, and the
    chosen province's municipalities: four queries at most, however many actors and
    deals there are."""
    outlines = map_outlines()
    actors = dict(
        approved_actors(actor_type=actor_type, sector=sector)
        .values_list("province_id")
        .annotate(count=Count("pk", distinct=True))
        .values_list("province_id", "count")
    )
    deals = place_deal_counts(actor_type=actor_type, sector=sector.slug if sector else "")
    top = max(actors.values(), default=0) or 1
    places = []
    for province in territory().provinces:
        outline = outlines["provinces"].get(province.name)
        if outline is None:
            continue
        count = actors.get(province.pk, 0)
        places.append(
            Place(
                name=province.name,
                slug=province.slug,
                d=outline["d"],
                label_x=outline["label"][0],
                label_y=outline["label"][1],
                actors=count,
                deals=deals.get(province.code, 0),
                shade=0 if not count else 1 + (SHADES - 1) * count // top,
                chosen=province.slug == province_slug,
            )
        )
    chosen = next((place for place in places if place.chosen), None)
    towns = (
        _towns(
            actor_type=actor_type,
            sector=sector,
            province_slug=chosen.slug,
            chosen=municipality_slug,
        )
        if chosen
        else ()
    )
    return CubaMap(
        width=outlines["width"],
        height=outlines["height"],
        places=tuple(places),
        chosen=chosen,
        towns=towns,
        chosen_town=next((town for town in towns if town.chosen), None),
    )


def _towns(*, actor_type: str, sector, province_slug: str, chosen: str) -> tuple[Town, ...]:
    municipalities = [
        municipality
        for municipality in territory().municipalities
        if municipality.province.slug == province_slug
    ]
    actors = dict(
        approved_actors(actor_type=actor_type, sector=sector)
        .filter(province__slug=province_slug)
        .values_list("municipality_id")
        .annotate(count=Count("pk", distinct=True))
        .values_list("municipality_id", "count")
    )
    deals = place_deal_counts(
        actor_type=actor_type,
        sector=sector.slug if sector else "",
        municipalities=tuple(municipality.code for municipality in municipalities),
    )
    return tuple(
        Town(
            name=municipality.name,
            slug=municipality.slug,
            actors=actors.get(municipality.pk, 0),
            deals=deals.get(municipality.code, 0),
            chosen=municipality.slug == chosen,
        )
        for municipality in municipalities
    )
