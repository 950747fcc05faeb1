"""Plane geometry for the map: the projection fitted to Cuba, lines simplified, rings
measured, and SVG path data written in whole units."""

import math

from shop.linkages.map import Projection

WIDTH = 10_000  # units across Cuba: one is about 110 m

Point = tuple[float, float]
Ring = list[Point]


def projection_fit(points: list[Point], *, width: int = WIDTH) -> Projection:
    """Equirectangular, longitudes squeezed by the cosine of the middle latitude, `width`
    units from the westernmost point to the easternmost."""
    west, east = min(lon for lon, _ in points), max(lon for lon, _ in points)
    south, north = min(lat for _, lat in points), max(lat for _, lat in points)
    squeeze = math.cos(math.radians((north + south) / 2))
    scale = width / ((east - west) * squeeze)
    return Projection(
        west=west,
        north=north,
        x_scale=scale * squeeze,
        y_scale=scale,
        width=width,
        height=round((north - south) * scale),
    )


def line_simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the fewest points whose line keeps within `tolerance` of the
    original. Both ends stay, so borders shared by two provinces still meet."""
    if len(points) < 3:
        return points
    if points[0] == points[-1]:  # a closed line: split at its farthest point
        start = points[0]
        far = max(range(len(points)), key=lambda i: math.dist(points[i], start))
        if far == 0:
            return points
        return line_simplify(points[: far + 1], tolerance)[:-1] + line_simplify(
            points[far:], tolerance
        )
    kept = {0, len(points) - 1}
    spans = [(0, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = points[index]
            away = (
                abs((y2 - y1) * (x - x1) - (x2 - x1) * (y - y1)) / length
                if length
                else math.hypot(x - x1, y - y1)
            )
            if away > distance:
                farthest, distance = index, away
        if farthest is not None:
            kept.add(farthest)
            spans += [(first, farthest), (farthest, last)]
    return [points[index] for index in sorted(kept)]


def _edges(ring: Ring):
    """Each side of a ring as (from, to), the last closing it."""
    return zip(ring, ring[1:] + ring[:1], strict=True)


def ring_area(ring: Ring) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in _edges(ring))) / 2


def ring_centre(ring: Ring) -> Point:
    """The centroid of a ring's area (its vertices' mean when it has none)."""
    twice_area = x = y = 0.0
    for (x0, y0), (x1, y1) in _edges(ring):
        cross = x0 * y1 - x1 * y0
        twice_area += cross
        x, y = x + (x0 + x1) * cross, y + (y0 + y1) * cross
    if not twice_area:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return x / (3 * twice_area), y / (3 * twice_area)


def point_in_ring(point: Point, ring: Ring) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in _edges(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """SVG path data: each ring moves to its first point and draws lines relative to the
    one before ("M12 34l5-2 3 1z"), the shortest way to write whole units."""
    parts = []
    for ring in rings:
        (x, y), steps = ring[0], []
        for next_x, next_y in ring[1:]:
            steps += [next_x - x, next_y - y]
            x, y = next_x, next_y
        text = "".join(f"-{-step}" if step < 0 else f" {step}" for step in steps).lstrip()
        parts.append(f"M{ring[0][0]} {ring[0][1]}l{text}z")
    return "".join(parts)
