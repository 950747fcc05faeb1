"""The map of Cuba (/mapa/): province outlines and municipal seats shipped with the code
(data/, built by the linkages_map_build command from two registry packages, see README),
the provinces shaded by how many actors they hold; the chosen province enlarged with its
municipalities as circles (area by actors, darker with deals) and the stores that gave
their precise place, and the actors of the chosen place below."""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.db.models import Count

from logistics.territory import territory
from shop.linkages.figures import place_deal_counts
from vendors.models import Vendor, VendorStatus

DATA = Path(__file__).resolve().parent / "data"
MAP_DATA = DATA / "cuba_provinces.json"
SEATS_DATA = DATA / "cuba_seats.json"
SHADES = 4
STORE_POINTS = 40  # at most on a province's map (the page's weight); the list names all
# Sizes on a province's map, as shares of its longer side.
TOWN_RADIUS = (0.022, 0.055)  # the town with fewest actors (but some), the one with most
EMPTY_TOWN_RADIUS = 0.014
STORE_RADIUS = 0.01
MARGIN = 100


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude onto the map's plane (equirectangular: longitudes squeezed
    by the cosine of Cuba's middle latitude); y grows southwards, as in SVG."""

    west: float
    north: float
    x_scale: float
    y_scale: float
    width: int
    height: int

    def point(self, longitude: float, latitude: float) -> tuple[float, float]:
        return (longitude - self.west) * self.x_scale, (self.north - latitude) * self.y_scale


@lru_cache(maxsize=1)
def map_outlines() -> dict:
    return json.loads(MAP_DATA.read_text())


@lru_cache(maxsize=1)
def map_seats() -> dict:
    """{province: {municipality: [x, y]}}: the municipalities whose seat is known."""
    return json.loads(SEATS_DATA.read_text())


@lru_cache(maxsize=1)
def map_projection() -> Projection:
    return Projection(**map_outlines()["projection"])


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
    box: tuple[int, int, int, int]  # left, top, right, bottom


@dataclass(frozen=True)
class Town:
    """A municipality of the chosen province, with its counts and its circle (none when
    its seat is unknown: it is only in the table)."""

    name: str
    slug: str
    actors: int
    deals: int
    chosen: bool
    x: int | None = None
    y: int | None = None
    radius: float = 0


@dataclass(frozen=True)
class StorePoint:
    """A store at the precise place it gave."""

    name: str
    slug: str
    x: int
    y: int


@dataclass(frozen=True)
class CubaMap:
    view: tuple[int, int, int, int]  # the SVG's viewBox: left, top, width, height
    places: tuple[Place, ...]
    chosen: Place | None
    towns: tuple[Town, ...] = ()
    chosen_town: Town | None = None
    stores: tuple[StorePoint, ...] = ()
    store_radius: float = 0

    @property
    def view_box(self) -> str:
        return " ".join(str(value) for value in self.view)

    @property
    def drawn(self) -> tuple[Place, ...]:
        """The places in sight, in drawing order: the chosen one last, its border over the
        others (a province's map leaves out those wholly outside it: the page's weight)."""
        left, top, width, height = self.view
        in_sight = [
            place
            for place in self.places
            if place.box[0] <= left + width
            and place.box[2] >= left
            and place.box[1] <= top + height
            and place.box[3] >= top
        ]
        return tuple(sorted(in_sight, key=lambda place: place.chosen))

    @property
    def unplaced(self) -> bool:
        return any(town.x is None for town in self.towns)

    @property
    def circles(self) -> tuple[Town, ...]:
        """The towns with a known seat, the largest drawn first: a small one stays in sight."""
        return tuple(
            sorted((town for town in self.towns if town.x is not None), key=lambda t: -t.radius)
        )


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
    chosen province's municipalities and stores with a precise place: five queries at
    most, however many actors, deals and municipalities there are."""
    outlines = map_outlines()
    sector_slug = sector.slug if sector else ""
    rows = (
        approved_actors(actor_type=actor_type, sector=sector)
        .values_list("province_id", "municipality_id")
        .annotate(count=Count("pk", distinct=True))
        .values_list("province_id", "municipality_id", "count")
    )
    by_town = {(province_id, town_id): count for province_id, town_id, count in rows}
    actors: dict[int, int] = {}
    for (province_id, _), count in by_town.items():
        actors[province_id] = actors.get(province_id, 0) + count
    deals = place_deal_counts(actor_type=actor_type, sector=sector_slug)
    top = max(actors.values(), default=0) or 1
    places, chosen_province = [], None
    for province in territory().provinces:
        outline = outlines["provinces"].get(province.name)
        if outline is None:
            continue
        count = actors.get(province.pk, 0)
        place = Place(
            name=province.name,
            slug=province.slug,
            d=outline["d"],
            label_x=outline["label"][0],
            label_y=outline["label"][1],
            actors=count,
            deals=deals.get(province.code, 0),
            shade=0 if not count else 1 + (SHADES - 1) * count // top,
            chosen=province.slug == province_slug,
            box=tuple(outline["box"]),
        )
        places.append(place)
        if place.chosen:
            chosen_province = province
    town_actors = {municipality_id: count for (_, municipality_id), count in by_town.items()}
    if chosen_province is None:
        projection = map_projection()
        return CubaMap(
            view=_view((0, 0, projection.width, projection.height), margin=MARGIN, square=False),
            places=tuple(places),
            chosen=None,
        )
    return _province_map(
        places=tuple(places),
        province=chosen_province,
        town_actors=town_actors,
        actor_type=actor_type,
        sector=sector,
        municipality_slug=municipality_slug,
    )


def _province_map(
    *, places, province, town_actors: dict, actor_type: str, sector, municipality_slug: str
) -> CubaMap:
    """The map enlarged around `province`: its towns' circles and its stores' points."""
    box = _with_seats(
        map_outlines()["provinces"][province.name]["box"],
        map_seats().get(province.name, {}).values(),
    )
    span = _span(box)
    municipalities = [
        municipality
        for municipality in territory().municipalities
        if municipality.province_id == province.pk
    ]
    deals = place_deal_counts(
        actor_type=actor_type,
        sector=sector.slug if sector else "",
        municipalities=tuple(municipality.code for municipality in municipalities),
    )
    towns = _towns(
        province=province,
        municipalities=municipalities,
        actors=town_actors,
        deals=deals,
        chosen=municipality_slug,
        span=span,
    )
    actors = approved_actors(actor_type=actor_type, sector=sector)
    return CubaMap(
        view=_view(box, margin=round(span * 0.06), square=True),
        places=places,
        chosen=next(place for place in places if place.chosen),
        towns=towns,
        chosen_town=next((town for town in towns if town.chosen), None),
        stores=_store_points(actors.filter(province_id=province.pk)),
        store_radius=round(span * STORE_RADIUS, 1),
    )


def _with_seats(box, seats) -> tuple[int, int, int, int]:
    """The outline's box grown to take in the seats too: Natural Earth's outline of
    Artemisa is the one before 2011, and three of its seats lie west of it."""
    left, top, right, bottom = box
    for x, y in seats:
        left, top, right, bottom = min(left, x), min(top, y), max(right, x), max(bottom, y)
    return left, top, right, bottom


def _span(box) -> int:
    left, top, right, bottom = box
    return max(right - left, bottom - top)


def _view(box, *, margin: int, square: bool) -> tuple[int, int, int, int]:
    """The SVG viewBox around `box` with `margin`; `square`: at least as wide as it is
    high (widened on both sides), so a tall province keeps within a phone's screen."""
    left, top, right, bottom = box
    width, height = right - left + 2 * margin, bottom - top + 2 * margin
    left, top = left - margin, top - margin
    if square and height > width:
        left -= (height - width) // 2
        width = height
    return left, top, width, height


def _radius(count: int, top: int, smallest: float, largest: float) -> float:
    """Circle areas grow with the count: the largest for `top`."""
    return smallest + (largest - smallest) * math.sqrt(count / top)


def _towns(
    *, province, municipalities, actors: dict, deals: dict, chosen: str, span: int
) -> tuple[Town, ...]:
    seats = map_seats().get(province.name, {})
    top = max((actors.get(municipality.pk, 0) for municipality in municipalities), default=0)
    towns = []
    for municipality in municipalities:
        count = actors.get(municipality.pk, 0)
        seat = seats.get(municipality.name)
        radius = (
            _radius(count, top, *(share * span for share in TOWN_RADIUS))
            if count
            else EMPTY_TOWN_RADIUS * span
        )
        towns.append(
            Town(
                name=municipality.name,
                slug=municipality.slug,
                actors=count,
                deals=deals.get(municipality.code, 0),
                chosen=municipality.slug == chosen,
                x=seat[0] if seat else None,
                y=seat[1] if seat else None,
                radius=round(radius, 1),
            )
        )
    return tuple(towns)


def _store_points(actors) -> tuple[StorePoint, ...]:
    projection = map_projection()
    points = []
    for slug, name, latitude, longitude in (
        actors.filter(latitude__isnull=False)
        .values_list("slug", "trade_name", "latitude", "longitude")
        .order_by("trade_name", "pk")[:STORE_POINTS]
    ):
        x, y = projection.point(float(longitude), float(latitude))
        points.append(StorePoint(name=name, slug=slug, x=round(x), y=round(y)))
    return tuple(points)
