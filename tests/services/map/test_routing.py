"""Routing on small hand-made road graphs written with MapWriter (lengths and speeds chosen by hand).

The town (x east, y north, 100 m blocks; all roads 36 km/h = 10 m/s unless said):

    A(0,1) <-Oneway Lane-- B(1,1) ==North Street== C(2,1)          K(4,1) ==Loop Lane== L(4,0)
      ||                     ||                     ||               K --Exit Lane--> C (one-way)
    West Road           Middle Road         East Road (72 km/h)
      ||                     ||                     ||
    D(0,0) ==South Road== E(1,0) ==South Road== F(2,0) --Dead End--> M(3,0) (one-way)

    G(0,-6) ==Island Road== H(1,-6)   (joined to nothing)
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from headunit.core.map.guidance import Direction, ManeuverKind
from headunit.services.map.routing import NoRouteError, RoadGraph
from headunit.services.map.schema import MapSchemaError, open_map
from headunit.services.map.writer import MapWriter

LAT0, LON0 = 60.0, 25.0
STEP_LAT = 100 / 111_195.0
STEP_LON = STEP_LAT / math.cos(math.radians(LAT0))
NODES = {"A": (0, 1), "B": (1, 1), "C": (2, 1), "D": (0, 0), "E": (1, 0), "F": (2, 0), "M": (3, 0),
         "K": (4, 1), "L": (4, 0), "G": (0, -6), "H": (1, -6)}
# name, class, speed km/h, one-way, nodes along the road
TOWN = [
    ("Oneway Lane", "residential", 36, True, "BA"),
    ("North Street", "residential", 36, False, "BC"),
    ("West Road", "residential", 36, False, "AD"),
    ("South Road", "tertiary", 36, False, "DEF"),
    ("Middle Road", "residential", 36, False, "EB"),
    ("East Road", "secondary", 72, False, "CF"),
    ("Dead End", "service", 36, True, "FM"),
    ("Loop Lane", "residential", 36, False, "KL"),
    ("Exit Lane", "residential", 36, True, "KC"),
    ("Island Road", "residential", 36, False, "GH"),
]


def at(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) x blocks east and y blocks north of the origin."""
    return LAT0 + y * STEP_LAT, LON0 + x * STEP_LON


def lonlat(cell: tuple[float, float]) -> tuple[float, float]:
    lat, lon = at(*cell)
    return lon, lat


def write_map(path: Path, roads, nodes=NODES) -> dict[str, int]:
    """Write `roads` (name, class, km/h, one-way, node letters) as a map; 100 m a block. Returns node ids."""
    with MapWriter(path) as writer:
        ids = {name: writer.add_graph_node(i, *lonlat(cell)) for i, (name, cell) in enumerate(nodes.items())}
        for name, road_class, speed, oneway, letters in roads:
            cells = [nodes[c] for c in letters]
            road = writer.add_road(writer.count("roads") + 1, road_class, [lonlat(c) for c in cells], name=name,
                                   oneway=oneway, maxspeed_kmh=speed)
            for a, b in zip(letters, letters[1:]):
                length = 100.0 * math.dist(nodes[a], nodes[b])
                writer.add_graph_edge(ids[a], ids[b], road, length, speed, [lonlat(nodes[a]), lonlat(nodes[b])])
                if not oneway:
                    writer.add_graph_edge(ids[b], ids[a], road, length, speed, [lonlat(nodes[b]), lonlat(nodes[a])])
        writer.finish()
    return ids


@pytest.fixture
def town(tmp_path: Path):
    path = tmp_path / "town.map"
    ids = write_map(path, TOWN)
    conn = open_map(path)
    graph = RoadGraph.load(conn)
    conn.close()  # the graph keeps a connection of its own
    yield graph, ids, path
    graph.close()


def test_loads_every_node_and_directed_edge(town):
    graph, ids, _ = town
    assert graph.node_count == len(NODES)
    assert graph.edge_count == 2 * 8 + 3  # eight two-way blocks (South Road has two), three one-way
    assert graph.algorithm == "dijkstra"  # a small graph


def test_a_one_way_street_forces_a_detour(town):
    graph, ids, path = town
    route = graph.route(at(*NODES["A"]), at(*NODES["B"]))
    assert route.length_m == pytest.approx(300)  # A-D-E-B, not the 100 m of Oneway Lane against its direction
    assert route.duration_s == pytest.approx(30)
    assert route.road_names == ("West Road", "South Road", "Middle Road")
    with sqlite3.connect(path) as conn:
        rows = [conn.execute("SELECT source, target FROM graph_edges WHERE id = ?", (e,)).fetchone()
                for e in route.edge_ids]
    assert rows == [(ids["A"], ids["D"]), (ids["D"], ids["E"]), (ids["E"], ids["B"])]
    back = graph.route(at(*NODES["B"]), at(*NODES["A"]))
    assert (back.length_m, back.duration_s, back.road_names) == (100, 10, ("Oneway Lane",))


def test_the_faster_road_wins_over_the_shorter(tmp_path):
    # A to C: Slow Lane 200 m at 18 km/h (40 s) or Ring Road A-D-F-C, 400 m at 72 km/h (20 s)
    path = tmp_path / "ring.map"
    write_map(path, [("Slow Lane", "living_street", 18, False, "AC"), ("Ring Road", "primary", 72, False, "ADFC")])
    graph = RoadGraph.load(open_map(path))
    route = graph.route(at(*NODES["A"]), at(*NODES["C"]))
    assert (route.length_m, route.duration_s) == pytest.approx((400, 20))
    assert set(route.road_names) == {"Ring Road"}
    assert route.road_classes == ("primary",) * 3


def test_of_parallel_edges_the_faster_is_taken(tmp_path):
    path = tmp_path / "parallel.map"
    write_map(path, [("Old Road", "residential", 36, False, "AB"), ("New Road", "primary", 72, False, "AB")])
    graph = RoadGraph.load(open_map(path))
    route = graph.route(at(*NODES["A"]), at(*NODES["B"]))
    assert (route.duration_s, route.road_names) == (5, ("New Road",))


def test_an_island_cannot_be_reached(town):
    graph, _, _ = town
    with pytest.raises(NoRouteError) as caught:
        graph.route(at(*NODES["A"]), at(*NODES["G"]))
    assert caught.value.code == "unreachable"
    assert str(caught.value).startswith("No road connects 60.00090, 25.00000 to")


def test_a_place_left_only_by_a_one_way_street_cannot_be_reached_but_can_be_left(town):
    graph, _, _ = town
    with pytest.raises(NoRouteError) as caught:
        graph.route(at(*NODES["A"]), at(*NODES["L"]))
    assert caught.value.code == "unreachable"
    out = graph.route(at(*NODES["L"]), at(*NODES["A"]))
    assert out.road_names[:2] == ("Loop Lane", "Exit Lane")


def test_origin_and_destination_at_the_same_place(town):
    graph, _, _ = town
    with pytest.raises(NoRouteError) as caught:
        graph.route(at(0, 1), at(0.1, 1))  # 10 m apart, both nearest to A
    assert caught.value.code == "same_place"
    assert "same place" in str(caught.value)


def test_no_road_near_the_origin_or_the_destination(town):
    graph, _, _ = town
    far = at(50, 50)  # about 7 km away
    with pytest.raises(NoRouteError) as caught:
        graph.route(far, at(0, 1))
    assert caught.value.code == "no_road_near_origin"
    assert "No road near the origin" in str(caught.value) and "2,000 m" in str(caught.value)
    with pytest.raises(NoRouteError) as caught:
        graph.route(at(0, 1), far)
    assert caught.value.code == "no_road_near_destination"


def test_snaps_to_the_nearest_node(town):
    graph, ids, _ = town
    near_a = graph.snap(*at(0.3, 1))
    assert near_a.node == ids["A"] and near_a.distance_m == pytest.approx(30, abs=0.5)
    near_b = graph.snap(*at(0.7, 1.05))
    assert near_b.node == ids["B"] and near_b.distance_m == pytest.approx(math.hypot(30, 5), abs=0.5)
    assert (near_b.lat, near_b.lon) == pytest.approx(at(*NODES["B"]))
    far_snap = graph.snap(*at(0, -3.5))  # 350 m from D, 250 m from G: found by widening the search
    assert far_snap.node == ids["G"] and far_snap.distance_m == pytest.approx(250, abs=1)


def test_snapping_an_origin_skips_a_node_no_road_leaves(town):
    graph, ids, _ = town
    assert graph.snap(*at(*NODES["M"]), role="destination").node == ids["M"]
    assert graph.snap(*at(*NODES["M"]), role="origin").node == ids["F"]  # Dead End only leads into M


def test_a_position_that_is_not_one_is_a_value_error(town):
    graph, _, _ = town
    with pytest.raises(ValueError, match="origin"):
        graph.route((95.0, 25.0), at(0, 1))
    with pytest.raises(ValueError, match="destination"):
        graph.route(at(0, 1), ("north", 25.0))


def test_route_polyline_runs_from_origin_node_to_destination_node_in_lat_lon(town):
    graph, _, _ = town
    route = graph.route(at(0.05, 1.02), at(*NODES["B"]))
    assert route.points[0] == pytest.approx(at(*NODES["A"]))
    assert route.points[-1] == pytest.approx(at(*NODES["B"]))
    assert [c for p in route.points for c in p] == pytest.approx(
        [c for p in (at(0, 1), at(0, 0), at(1, 0), at(1, 1)) for c in p])
    assert route.origin.distance_m == pytest.approx(math.hypot(5, 2), abs=0.1)  # 5 m east, 2 m north of A
    assert route.line.length_m == pytest.approx(route.length_m)


def test_manoeuvres_of_an_l_shaped_route(town):
    graph, _, _ = town
    # C to D: East Road south (100 m at 72 km/h), then South Road west (200 m): 25 s, faster than via B
    route = graph.route(at(*NODES["C"]), at(*NODES["D"]))
    assert route.road_names == ("East Road", "South Road", "South Road")
    assert route.duration_s == pytest.approx(25)
    depart, turn, arrive = route.maneuvers
    assert (depart.kind, depart.road, depart.bearing_deg) == (ManeuverKind.DEPART, "East Road", pytest.approx(180))
    assert (turn.kind, turn.direction, turn.road, turn.distance_m) == (
        ManeuverKind.TURN, Direction.RIGHT, "South Road", pytest.approx(100))
    assert (arrive.kind, arrive.distance_m) == (ManeuverKind.ARRIVE, pytest.approx(300))


def test_astar_and_dijkstra_find_the_same_travel_times(town):
    graph, ids, _ = town
    for source in ids.values():
        for target in ids.values():
            graph.algorithm = "dijkstra"
            by_dijkstra = graph.shortest_edges(source, target)
            graph.algorithm = "astar"
            by_astar = graph.shortest_edges(source, target)
            assert (by_dijkstra is None) == (by_astar is None)
            if by_dijkstra is not None:
                assert graph.path_time_s(by_astar) == pytest.approx(graph.path_time_s(by_dijkstra))


def test_the_astar_estimate_never_exceeds_the_travel_time(town):
    graph, ids, _ = town
    for source in ids.values():
        for target in ids.values():
            path = graph.shortest_edges(source, target)
            if path is not None:
                assert graph.lower_bound_s(source, target) <= graph.path_time_s(path) + 1e-9
    # the fastest edge (East Road, 72 km/h) bounds it: 100 m takes at least 5 s
    assert graph.lower_bound_s(ids["C"], ids["F"]) == pytest.approx(5, rel=1e-3)


def test_an_unknown_algorithm_is_refused(tmp_path):
    path = tmp_path / "town.map"
    write_map(path, TOWN)
    with pytest.raises(ValueError, match="routing algorithm 'bfs'"):
        RoadGraph.load(open_map(path), algorithm="bfs")


def test_an_edge_to_a_missing_node_is_a_schema_error(tmp_path):
    path = tmp_path / "broken.map"
    with MapWriter(path) as writer:
        a = writer.add_graph_node(1, *lonlat((0, 0)))
        writer.add_graph_node(2, *lonlat((1, 0)))
        road = writer.add_road(1, "residential", [lonlat((0, 0)), lonlat((1, 0))])
        writer.add_graph_edge(a, 7, road, 100.0, 30.0, [lonlat((0, 0)), lonlat((1, 0))])
        writer.finish()
    with pytest.raises(MapSchemaError, match="graph edge 0 joins nodes 0 -> 7, but graph_nodes ids are 0..1"):
        RoadGraph.load(open_map(path))


def test_an_empty_graph_has_no_road_anywhere(tmp_path):
    path = tmp_path / "empty.map"
    with MapWriter(path) as writer:
        writer.finish()
    graph = RoadGraph.load(open_map(path))
    assert graph.node_count == 0
    with pytest.raises(NoRouteError) as caught:
        graph.route(at(0, 0), at(1, 1))
    assert caught.value.code == "no_road_near_origin"
