"""Routing benchmark: our road graph (python-igraph) against networkx on the same graph.

On the default map (random node pairs) and on a synthetic road network of `big_nodes`
nodes that is written with MapWriter and loaded through RoadGraph.load like a real map.
The timed part is the graph search alone, node id to node id, for both; our full
route() (snapping, polyline decoding, manoeuvres) is reported on its own. Both searches
must find the same travel time for every pair (and agree on the unreachable ones).
"""

from __future__ import annotations

import gc
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import networkx as nx

from headunit.core.map.features import ROAD_CLASSES
from headunit.core.map.geo import haversine_m
from headunit.services.map.routing import NoRouteError, RoadGraph
from headunit.services.map.schema import open_map
from headunit.services.map.writer import MapWriter

ROUTE_TARGET_RATIO = 0.5  # our p50 at most half of networkx's
SPACING_M = 100.0  # block size of the synthetic grid: 500 x 500 nodes is 50 x 50 km
ORIGIN = (60.0, 24.5)  # (lat, lon) of the synthetic grid's south-west corner
ONEWAY_SHARE = 0.15
MISSING_SHARE = 0.03
CALIBRATION_PAIRS = 8  # pairs on which networkx's Dijkstra and A* are compared to pick the faster
RELATIVE_TOLERANCE = 1e-6


# -- the synthetic road network ----------------------------------------------------------

def _street_class(index: int) -> tuple[str, float | None]:
    """Every 25th street is a primary road at 70 km/h, every 5th a secondary, the rest residential."""
    if index % 25 == 0:
        return "primary", 70.0
    if index % 5 == 0:
        return "secondary", None
    return "residential", None


def build_synthetic_network(dest: Path, nodes: int, seed: int) -> Path:
    """Write a map database at `dest` holding a road network of `nodes` graph nodes; returns dest.

    A jittered grid of 100 m blocks (500 x 500 nodes span about 50 x 50 km) of named
    streets: every 5th a secondary and every 25th a primary road, diagonal trunk roads
    at 80 km/h every 100 blocks each way, about 15 % of residential streets one-way and
    3 % of residential blocks missing. Deterministic for a seed.
    """
    if nodes < 4:
        raise ValueError(f"a synthetic network needs at least 4 nodes, got {nodes}")
    rng = random.Random(seed)
    cols = math.ceil(math.sqrt(nodes))
    rows = math.ceil(nodes / cols)
    lat0, lon0 = ORIGIN
    dlat = SPACING_M / 111_195.0
    dlon = dlat / math.cos(math.radians(lat0))
    points: list[tuple[float, float]] = []  # (lon, lat) by node id = row * cols + col
    for n in range(nodes):
        r, c = divmod(n, cols)
        points.append((lon0 + (c + rng.uniform(-0.3, 0.3)) * dlon, lat0 + (r + rng.uniform(-0.3, 0.3)) * dlat))

    streets: list[tuple[str, str, float | None, list[int]]] = []  # name, class, maxspeed, node ids
    for r in range(rows):
        streets.append((f"Street {r}", *_street_class(r), [r * cols + c for c in range(cols)]))
    for c in range(cols):
        streets.append((f"Avenue {c}", *_street_class(c), [r * cols + c for r in range(rows)]))
    for k in range(-(rows // 100) * 100, cols, 100):  # r - c = -k
        streets.append((f"Diagonal {k}", "trunk", 80.0,
                        [r * cols + r + k for r in range(rows) if 0 <= r + k < cols]))
    for k in range(100, rows + cols, 100):  # r + c = k
        streets.append((f"Crossway {k}", "trunk", 80.0,
                        [r * cols + k - r for r in range(rows) if 0 <= k - r < cols]))

    with MapWriter(dest) as writer:
        for n, (lon, lat) in enumerate(points):
            writer.add_graph_node(n, lon, lat)
        for name, road_class, maxspeed, ids in streets:
            ids = [n for n in ids if n < nodes]
            if len(ids) < 2:
                continue
            residential = road_class == "residential"
            oneway = residential and rng.random() < ONEWAY_SHARE
            if oneway and rng.random() < 0.5:
                ids.reverse()
            road = writer.add_road(writer.count("roads") + 1, road_class, [points[n] for n in ids],
                                   name=name, oneway=oneway, maxspeed_kmh=maxspeed)
            speed = maxspeed or ROAD_CLASSES[road_class].speed_kmh
            for a, b in zip(ids, ids[1:]):
                if residential and rng.random() < MISSING_SHARE:
                    continue
                (lon_a, lat_a), (lon_b, lat_b) = points[a], points[b]
                length = haversine_m(lat_a, lon_a, lat_b, lon_b)
                writer.add_graph_edge(a, b, road, length, speed, [points[a], points[b]])
                if not oneway:
                    writer.add_graph_edge(b, a, road, length, speed, [points[b], points[a]])
        writer.set_meta("name", f"synthetic road network, {nodes} nodes, seed {seed}")
        return writer.finish()


# -- measuring ---------------------------------------------------------------------------

def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def _ms_p50(times: Sequence[float]) -> float:
    return statistics.median(times) * 1000


def _ms_p95(times: Sequence[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)] * 1000


def _timed(search: Callable[[int, int], float | None], pairs: Sequence[tuple[int, int]]
           ) -> tuple[list[float], list[float | None]]:
    """Seconds per pair and the travel time found (None: unreachable); no garbage collection meanwhile."""
    times, found = [], []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for source, target in pairs:
            start = time.perf_counter()
            value = search(source, target)
            times.append(time.perf_counter() - start)
            found.append(value)
    finally:
        if collecting:
            gc.enable()
    return times, found


def times_agree(ours: Sequence[float | None], theirs: Sequence[float | None]) -> bool:
    """Both found the same travel time (relative 1e-6) for every pair, and no path for the same pairs."""
    for a, b in zip(ours, theirs, strict=True):
        if (a is None) != (b is None):
            return False
        if a is not None and abs(a - b) > RELATIVE_TOLERANCE * max(abs(a), abs(b), 1e-9):
            return False
    return True


def networkx_peer(map_path: Path) -> nx.DiGraph:
    """A networkx DiGraph of the map's drivable edges, read with a SELECT of its own; the weight is
    the same travel time, the smallest of parallel edges (the one a search over them would take)."""
    conn = open_map(map_path)
    try:
        peer = nx.DiGraph()
        peer.add_nodes_from(node for (node,) in conn.execute("SELECT id FROM graph_nodes"))
        best: dict[tuple[int, int], float] = {}
        for source, target, length, speed in conn.execute(
                "SELECT source, target, length_m, speed_kmh FROM graph_edges WHERE speed_kmh > 0 AND length_m >= 0"):
            weight = length / (speed / 3.6)
            if weight < best.get((source, target), math.inf):
                best[(source, target)] = weight
    finally:
        conn.close()
    peer.add_weighted_edges_from((s, t, w) for (s, t), w in best.items())
    return peer


def _networkx_searches(peer: nx.DiGraph, graph: RoadGraph) -> dict[str, Callable[[int, int], float | None]]:
    def dijkstra(source: int, target: int) -> float | None:
        try:
            return nx.dijkstra_path_length(peer, source, target)
        except nx.NetworkXNoPath:
            return None

    def astar(source: int, target: int) -> float | None:
        try:  # the same estimate our A* uses, so both searches are guided alike
            return nx.astar_path_length(peer, source, target, heuristic=graph.lower_bound_s)
        except nx.NetworkXNoPath:
            return None

    return {"dijkstra": dijkstra, "astar": astar}


def _compare(graph: RoadGraph, peer: nx.DiGraph, pairs: Sequence[tuple[int, int]]) -> dict[str, object]:
    """Ours and networkx's faster algorithm (picked on the first pairs) on the same pairs, in turns."""
    def ours(source: int, target: int) -> float | None:
        path = graph.shortest_edges(source, target)
        return None if path is None else graph.path_time_s(path)

    searches = _networkx_searches(peer, graph)
    head = pairs[:CALIBRATION_PAIRS]
    calibration = {name: _timed(search, head) for name, search in searches.items()}
    chosen = min(calibration, key=lambda name: statistics.median(calibration[name][0]))
    our_times, our_found, nx_times, nx_found = [], [], [], []
    for pair in pairs:  # in turns, so a busy moment of the machine hits both alike
        for search, times, found in ((ours, our_times, our_found), (searches[chosen], nx_times, nx_found)):
            (seconds,), (value,) = _timed(search, [pair])
            times.append(seconds)
            found.append(value)
    agree = times_agree(our_found, nx_found) and all(times_agree(our_found[:len(head)], found)
                                                     for _, found in calibration.values())
    return {
        "route_ms_p50": _ms_p50(our_times), "route_ms_p95": _ms_p95(our_times),
        "networkx_ms_p50": _ms_p50(nx_times), "networkx_ms_p95": _ms_p95(nx_times),
        "networkx_algorithm": chosen,
        "networkx_calibration_ms_p50": {name: _ms_p50(c[0]) for name, c in calibration.items()},
        "lengths_agree": agree, "unreachable_pairs": sum(1 for v in our_found if v is None),
    }


def _random_pairs(nodes: int, count: int, seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    return [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(count)]


def _full_routes_ms_p50(graph: RoadGraph, map_path: Path, pairs: Sequence[tuple[int, int]]) -> float | None:
    """Our whole route(): snapping both ends, the search, reading and decoding the path's edges, manoeuvres."""
    conn = open_map(map_path)
    try:
        position = {node: (lat, lon) for node, lat, lon in conn.execute("SELECT id, lat, lon FROM graph_nodes")}
    finally:
        conn.close()
    times = []
    for source, target in pairs:
        start = time.perf_counter()
        try:
            graph.route(position[source], position[target])
        except NoRouteError:
            continue
        times.append(time.perf_counter() - start)
    return _ms_p50(times) if times else None


def bench_routing(map_path: Path, pairs: int = 200, big_nodes: int = 250_000, seed: int = 1,
                  big_pairs: int = 100) -> dict[str, object]:
    """Routing figures on the map at `map_path` and on a synthetic network of `big_nodes` nodes.

    Keys are named so that the dict merges with the other map benchmarks' figures.
    """
    figures: dict[str, object] = {"route_target_ratio": ROUTE_TARGET_RATIO, "pairs": pairs, "routing_seed": seed}
    conn = open_map(map_path)
    try:
        graph = RoadGraph.load(conn)
    finally:
        conn.close()
    figures |= {"routing_algorithm": graph.algorithm, "graph_nodes": graph.node_count,
                "graph_edges": graph.edge_count}
    node_pairs = _random_pairs(graph.node_count, pairs, seed)
    figures |= _compare(graph, networkx_peer(map_path), node_pairs)
    figures["route_full_ms_p50"] = _full_routes_ms_p50(graph, map_path, node_pairs)
    figures["route_ratio"] = figures["route_ms_p50"] / figures["networkx_ms_p50"]
    graph.close()
    del graph
    figures |= _bench_big(big_nodes, big_pairs, seed)
    figures["routing_meets_targets"] = (figures["lengths_agree"] and figures["lengths_big_agree"]
                                and figures["route_ratio"] <= ROUTE_TARGET_RATIO
                                and figures["route_big_ratio"] <= ROUTE_TARGET_RATIO)
    return figures


def _bench_big(nodes: int, pairs: int, seed: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="headunit-bench-routing-") as tmp:
        path = Path(tmp) / "synthetic.map"
        start = time.perf_counter()
        build_synthetic_network(path, nodes, seed)
        build_s = time.perf_counter() - start
        load = _load_in_fresh_process(path)
        conn = open_map(path)
        try:
            graph = RoadGraph.load(conn)
        finally:
            conn.close()
        big = _compare(graph, networkx_peer(path), _random_pairs(graph.node_count, pairs, seed + 1))
        figures = {
            "big_nodes": graph.node_count, "big_edges": graph.edge_count, "big_pairs": pairs,
            "big_build_s": build_s, **load,
            "route_big_ms_p50": big["route_ms_p50"], "route_big_ms_p95": big["route_ms_p95"],
            "networkx_big_ms_p50": big["networkx_ms_p50"], "networkx_big_ms_p95": big["networkx_ms_p95"],
            "networkx_big_algorithm": big["networkx_algorithm"],
            "networkx_big_calibration_ms_p50": big["networkx_calibration_ms_p50"],
            "lengths_big_agree": big["lengths_agree"], "big_unreachable_pairs": big["unreachable_pairs"],
            "route_big_ratio": big["route_ms_p50"] / big["networkx_ms_p50"],
        }
        graph.close()
        return figures


def measure_load(map_path: Path) -> dict[str, float]:
    """graph_load_s and route_rss_mb: the time RoadGraph.load takes and the resident memory it adds."""
    gc.collect()
    rss_before = _rss_mb()
    start = time.perf_counter()
    conn = open_map(map_path)
    try:
        graph = RoadGraph.load(conn)
    finally:
        conn.close()
    load_s = time.perf_counter() - start
    gc.collect()
    figures = {"graph_load_s": load_s, "route_rss_mb": _rss_mb() - rss_before}
    graph.close()
    return figures


def _load_in_fresh_process(map_path: Path) -> dict[str, float]:
    """measure_load in a new interpreter, so memory freed by building the map does not hide the graph's."""
    code = ("import json, sys; from pathlib import Path; from headunit.bench.map_routing import measure_load; "
            "print(json.dumps(measure_load(Path(sys.argv[1]))))")
    result = subprocess.run([sys.executable, "-c", code, str(map_path)], capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(f"loading {map_path} in a fresh process failed: {result.stderr.strip()[-500:]}")
    return json.loads(result.stdout)


def main(map_path: Path, pairs: int = 200, big_nodes: int = 250_000, seed: int = 1) -> int:
    """For the CLI: run the benchmark and print its figures as JSON."""
    figures = bench_routing(map_path, pairs=pairs, big_nodes=big_nodes, seed=seed)
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
