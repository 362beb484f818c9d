"""Small OpenStreetMap extracts written with pyosmium, for importer tests.

`write_town` makes a hand-made town whose every expected count is worked out below, so
tests can assert exact numbers. Node ids 900+ are referenced by ways but left out of the
file, as a clipped regional extract does.
"""

from __future__ import annotations

from pathlib import Path

import osmium
from osmium.osm.mutable import Node, Relation, Way

HELSINKI = Path(__file__).resolve().parents[3] / "headunit" / "assets" / "maps" / "helsinki.osm.pbf"
TIMESTAMP = "2024-05-01T12:00:00Z"
LON, LAT = 25.0, 60.2
STEP = 0.001  # ~56 m east-west, ~111 m north-south

# Roads (routable pieces, shared nodes marked *):
#   Mannerheimintie  1*-2*-3*-4  primary, two-way, maxspeed 50
#   长安街            5-2*-6       residential, oneway=yes
#   Kauppakatu       7-3*-8       tertiary, oneway=-1: stored 8 -> 3 -> 7
#   Reunatie         1*-11-[901]-12-13-[902]-14   clipped: parts 1-11 and 12-13, 14 alone is dropped
#   Kadonnut         [903]-[904]                  nothing left: dropped
#   a footway 4-9 (drawn, not routable)
# graph nodes: 1 2 3 4 5 6 7 8 11 12 13 = 11
# graph edges: 1-2 2-3 3-4 both ways (6), 5->2 2->6 (2), 8->3 3->7 (2), 1-11 (2), 12-13 (2) = 14
TOWN = {
    "roads": 6, "areas": 5, "pois": 4, "places": 1, "graph_nodes": 11, "graph_edges": 14,
    "missing_node_locations": 4, "clipped_ways": 2, "dropped_ways": 1, "broken_pois": 3,
}
TOWN_POI_NAMES = {"北京烤鸭", "Neste Keskusta", "Virta", ""}


def _at(x: float, y: float) -> tuple[float, float]:
    return (round(LON + x * STEP, 7), round(LAT + y * STEP, 7))


def _ring(first_id: int, x0: float, y0: float, x1: float, y1: float) -> list[Node]:
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return [Node(id=first_id + i, location=_at(x, y)) for i, (x, y) in enumerate(corners)]


def _header() -> osmium.io.Header:
    header = osmium.io.Header()
    header.set("osmosis_replication_timestamp", TIMESTAMP)
    return header


def write(path: Path, nodes: list[Node], ways: list[Way] = (), relations: list[Relation] = ()) -> Path:
    """Write objects to an .osm.pbf (or .osm, by suffix) file, in OSM order (nodes, ways, relations by id)."""
    with osmium.SimpleWriter(str(path), header=_header(), overwrite=True) as writer:
        for node in sorted(nodes, key=lambda n: n.id):
            writer.add_node(node)
        for way in sorted(ways, key=lambda w: w.id):
            writer.add_way(way)
        for relation in sorted(relations, key=lambda r: r.id):
            writer.add_relation(relation)
    return path


def town_objects() -> tuple[list[Node], list[Way], list[Relation]]:
    street_nodes = {1: (0, 0), 2: (1, 0), 3: (2, 0), 4: (3, 0), 5: (1, 1), 6: (1, -1), 7: (2, 1), 8: (2, -1),
                    9: (4, 0), 11: (-1, 0), 12: (-2, 0), 13: (-3, 0), 14: (-4, 0)}
    nodes = [Node(id=i, location=_at(x, y)) for i, (x, y) in street_nodes.items()]
    ways = [
        Way(id=101, nodes=[1, 2, 3, 4], tags={"highway": "primary", "name": "Mannerheimintie", "ref": "1",
                                              "maxspeed": "50"}),
        Way(id=102, nodes=[5, 2, 6], tags={"highway": "residential", "name": "长安街", "oneway": "yes"}),
        Way(id=103, nodes=[7, 3, 8], tags={"highway": "tertiary", "name": "Kauppakatu", "oneway": "-1",
                                           "maxspeed": "FI:urban"}),
        Way(id=104, nodes=[1, 11, 901, 12, 13, 902, 14], tags={"highway": "residential", "name": "Reunatie"}),
        Way(id=105, nodes=[903, 904], tags={"highway": "residential", "name": "Kadonnut"}),
        Way(id=106, nodes=[4, 9], tags={"highway": "footway"}),
    ]
    # areas: a multipolygon park with a hole, a building, a parking lot (also an unnamed POI),
    # a square (a pedestrian area, not a road) and a lake
    outer, inner = _ring(20, 0, 2, 6, 6), _ring(24, 2, 3, 3, 4)
    building, parking = _ring(30, 4, -2, 5, -3), _ring(34, 6, -2, 8, -4)
    square, lake = _ring(38, -2, 2, -1, 3), _ring(42, -6, 2, -4, 4)
    nodes += outer + inner + building + parking + square + lake
    ways += [
        Way(id=150, nodes=[20, 21, 22, 23, 20]),
        Way(id=151, nodes=[24, 25, 26, 27, 24]),
        Way(id=152, nodes=[30, 31, 32, 33, 30], tags={"building": "yes"}),
        Way(id=153, nodes=[34, 35, 36, 37, 34], tags={"amenity": "parking"}),
        Way(id=154, nodes=[38, 39, 40, 41, 38], tags={"highway": "pedestrian", "area": "yes", "name": "Tori"}),
        Way(id=155, nodes=[42, 43, 44, 45, 42], tags={"natural": "water", "name": "Lampi"}),
    ]
    relations = [Relation(id=201, members=[("w", 150, "outer"), ("w", 151, "inner")],
                          tags={"type": "multipolygon", "leisure": "park", "name": "Keskuspuisto"})]
    nodes += [
        Node(id=60, location=_at(1.5, 0.5), tags={
            "amenity": "restaurant", "name": "北京烤鸭", "addr:street": "长安街", "addr:housenumber": "1",
            "addr:city": "北京", "opening_hours": "Mo-Su 11:00-22:00"}),
        Node(id=61, location=_at(2.5, -0.5), tags={
            "amenity": "fuel", "name": "Neste Keskusta", "addr:street": "Mannerheimintie",
            "addr:housenumber": "5", "addr:postcode": "00100", "addr:city": "Helsinki", "opening_hours": "24/7",
            "phone": "+358 9 123 4567", "website": "https://neste.example"}),
        Node(id=62, location=_at(0.5, -0.5), tags={"amenity": "charging_station", "brand": "Virta"}),
        # broken: blank name, a control character, an absurdly long name
        Node(id=63, location=_at(0.2, 0.2), tags={"amenity": "cafe", "name": "   "}),
        Node(id=64, location=_at(0.3, 0.2), tags={"amenity": "bar", "name": "Bad\x07Bar"}),
        Node(id=65, location=_at(0.4, 0.2), tags={"shop": "supermarket", "name": "x" * 600}),
        Node(id=66, location=_at(0.6, 0.2), tags={"amenity": "bench"}),  # not a POI category
        Node(id=70, location=_at(1, 2), tags={"place": "town", "name": "Testikylä"}),
        Node(id=71, location=_at(1, 3), tags={"place": "suburb"}),  # no name: no label
    ]
    return nodes, ways, relations


def write_town(path: Path) -> Path:
    return write(path, *town_objects())


def write_pois_only(path: Path) -> Path:
    """An extract with POIs and a footway but no road a car can use."""
    nodes = [Node(id=1, location=_at(0, 0), tags={"amenity": "cafe", "name": "Kahvila"}),
             Node(id=2, location=_at(1, 0)), Node(id=3, location=_at(2, 0))]
    return write(path, nodes, [Way(id=10, nodes=[2, 3], tags={"highway": "footway"})])
