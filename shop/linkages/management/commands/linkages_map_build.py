"""Rebuild shop/linkages/data/cuba_provinces.json, the map's province outlines, from the
province boundaries of the npm package @amcharts/amcharts4-geodata (json/cubaLow.json):

    npm pack @amcharts/amcharts4-geodata@4.1.32 && tar xzf amcharts-amcharts4-geodata-4.1.32.tgz
    python manage.py linkages_map_build package/json/cubaLow.json

Longitude and latitude are projected onto a 1000-unit-wide plane (equirectangular, scaled
by the cosine of Cuba's middle latitude), rounded to whole units and thinned of points
closer than one unit to the previous one: about 14 KB for the 16 provinces."""

import json
import math
from pathlib import Path

from django.core.management.base import BaseCommand

from shop.linkages.map import MAP_DATA, MAP_WIDTH


class Command(BaseCommand):
    help = "Rebuild the map's province outlines from amCharts' cubaLow.json."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path)

    def handle(self, *args, source: Path, **options):
        features = [
            feature
            for feature in json.loads(source.read_text())["features"]
            if feature["properties"]["id"].startswith("CU-")
        ]
        rings = {feature["properties"]["name"]: _rings(feature["geometry"]) for feature in features}
        points = [point for polygons in rings.values() for ring in polygons for point in ring]
        west = min(lon for lon, _ in points)
        east = max(lon for lon, _ in points)
        south = min(lat for _, lat in points)
        north = max(lat for _, lat in points)
        squeeze = math.cos(math.radians((north + south) / 2))
        scale = MAP_WIDTH / ((east - west) * squeeze)

        def project(lon, lat):
            return round((lon - west) * squeeze * scale), round((north - lat) * scale)

        provinces = {}
        for name, polygons in rings.items():
            paths, largest = [], []
            for ring in polygons:
                projected = []
                for lon, lat in ring:
                    point = project(lon, lat)
                    if not projected or point != projected[-1]:
                        projected.append(point)
                if len(projected) < 3:
                    continue
                largest = max(largest, projected, key=len)
                start, *rest = projected
                paths.append(
                    f"M{start[0]} {start[1]}" + "".join(f"L{x} {y}" for x, y in rest) + "Z"
                )
            xs, ys = [x for x, _ in largest], [y for _, y in largest]
            provinces[name] = {
                "d": "".join(paths),
                "label": [round(sum(xs) / len(xs)), round(sum(ys) / len(ys))],
            }
        height = round((north - south) * scale)
        MAP_DATA.write_text(
            json.dumps(
                {"width": MAP_WIDTH, "height": height, "provinces": provinces},
                ensure_ascii=False,
                separators=(",", ":"),
            )
        )
        self.stdout.write(f"{len(provinces)} provinces, {MAP_DATA.stat().st_size} bytes")


def _rings(geometry) -> list[list[tuple[float, float]]]:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return [[tuple(point) for point in polygon[0]] for polygon in polygons]
