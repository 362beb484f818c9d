"""Routes over the map's road graph: python-igraph's A* or Dijkstra on travel time, with guidance.

RoadGraph.load reads graph_nodes and graph_edges with one SELECT each into a directed
igraph.Graph (edges in id order, so an edge index of a path maps straight back to a
graph_edges row) and a list of travel times, length_m / (speed_kmh / 3.6). Edge geometry
stays in the database until a route needs it: only the path's edges are read and decoded.

Small graphs are searched with Dijkstra, large ones with A* (see ASTAR_FROM_EDGES). A* is
guided by the straight-line distance over the fastest straight-line speed of any edge,
measured on the graph at load time; so the estimate is consistent whatever the data holds
(no edge gets ahead of it), and A* finds the same travel time as Dijkstra, only sooner.

A RoadGraph keeps a read-only connection of its own to the map file (for snapping and
edge geometry), so it may be used from any one thread at a time.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import warnings
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import igraph

from headunit.core.map.coords import decode_coords
from headunit.core.map.geo import EARTH_RADIUS_M, haversine_m
from headunit.core.map.guidance import Leg, Maneuver, RouteLine, build_maneuvers

from .schema import MapSchemaError, open_map

MAX_SNAP_M = 2_000.0  # farther than this from any road: no route
_FIRST_SNAP_M = 60.0
_CHUNK = 500  # ids per IN (...) query
_EDGE_BATCH = 65_536  # edges handed to igraph at a time (bounds the temporary Python lists)
_M_PER_DEG = math.radians(1.0) * EARTH_RADIUS_M
ALGORITHMS = ("auto", "astar", "dijkstra")
# "auto": A* from this many edges on. Below it, Dijkstra (all in C) beats A*, whose estimate is a
# Python call per vertex: measured 0.08 against 0.14 ms on Helsinki's 1,700 edges, 3.1 against 2.6 ms
# on 75,000 synthetic ones, 70 against 27 ms on 930,000.
ASTAR_FROM_EDGES = 20_000



class NoRouteError(Exception):
    """No route can be given; the message says why in plain English, `code` says it for the UI.

    Codes: no_road_near, no_road_near_origin, no_road_near_destination, same_place, unreachable.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Snap:
    """A position snapped to the nearest graph node."""

    node: int
    lat: float
    lon: float
    distance_m: float  # from the position asked for


@dataclass(frozen=True)
class Route:
    origin: Snap
    destination: Snap
    edge_ids: tuple[int, ...]  # graph_edges ids, in driving order
    legs: tuple[Leg, ...]  # one per edge: geometry, length, speed, road name/ref/class
    line: RouteLine  # the whole polyline, with distance and time along it
    maneuvers: tuple[Maneuver, ...]

    @property
    def points(self) -> tuple[tuple[float, float], ...]:
        """The polyline, [(lat, lon), ...], from the origin's node to the destination's."""
        return self.line.points

    @property
    def length_m(self) -> float:
        return self.line.length_m

    @property
    def duration_s(self) -> float:
        return self.line.duration_s

    @property
    def road_names(self) -> tuple[str, ...]:
        return tuple(leg.name for leg in self.legs)

    @property
    def road_classes(self) -> tuple[str, ...]:
        return tuple(leg.road_class for leg in self.legs)


def travel_time_s(length_m: float, speed_kmh: float) -> float:
    """An edge's weight: seconds to drive `length_m` at `speed_kmh`."""
    return length_m / (speed_kmh / 3.6)


def _where(lat: float, lon: float) -> str:
    return f"{lat:.5f}, {lon:.5f}"


def _check_position(position: Sequence[float], what: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in position)
    except (TypeError, ValueError):
        raise ValueError(f"{what}: expected (lat, lon), got {position!r}") from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"{what}: ({lat!r}, {lon!r}) is not a position (expected lat -90..90, lon -180..180)")
    return lat, lon


class RoadGraph:
    """The road graph of one map database, in memory; build it with RoadGraph.load(conn)."""

    def __init__(self, conn: sqlite3.Connection, graph: igraph.Graph, weights: list[float],
                 edge_ids: array | None, xs: array, ys: array, seconds_per_m: float,
                 algorithm: str = "auto") -> None:
        if algorithm not in ALGORITHMS:
            raise ValueError(f"unknown routing algorithm {algorithm!r} (expected one of {', '.join(ALGORITHMS)})")
        self._conn = conn
        self._lock = threading.Lock()
        self.graph = graph
        # Travel time of each igraph edge, seconds. A list: python-igraph converts the weights on every
        # search, and converts a list faster than an array (about 17 against 25 ns an edge).
        self.weights = weights
        self._edge_ids = edge_ids  # igraph edge index -> graph_edges.id; None when they are equal
        self._xs, self._ys = xs, ys  # node positions on a plane, metres (for the A* estimate)
        self._seconds_per_m = seconds_per_m  # over the fastest straight-line speed of any edge
        if algorithm == "auto":
            algorithm = "astar" if graph.ecount() >= ASTAR_FROM_EDGES else "dijkstra"
        self.algorithm = algorithm

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, conn: sqlite3.Connection, algorithm: str = "auto") -> RoadGraph:
        """Read the graph of the map open on `conn` (schema.open_map). MapSchemaError when it is broken."""
        try:
            top, lowest, extreme_lat = conn.execute(
                "SELECT max(id), min(id), max(abs(lat)) FROM graph_nodes").fetchone()
            if lowest is not None and lowest < 0:
                raise MapSchemaError(f"the map's road graph is broken: graph node id {lowest} (expected ids 0..N-1); "
                                     "import the extract again")
            n = 0 if top is None else top + 1
            kx = math.cos(math.radians(min(extreme_lat or 0.0, 89.0)))
            xs, ys = array("d", bytes(8 * n)), array("d", bytes(8 * n))
            for node, lat, lon in conn.execute("SELECT id, lat, lon FROM graph_nodes"):
                xs[node], ys[node] = lon * _M_PER_DEG * kx, lat * _M_PER_DEG
            graph = igraph.Graph(n, directed=True)
            weights: list[float] = []
            ids, batch = array("q"), []
            add_weight, add_id, add_edge = weights.append, ids.append, batch.append
            fastest = 0.0  # largest (straight-line metres / second of travel)^2 over the edges
            for eid, source, target, length, speed in conn.execute(
                    "SELECT id, source, target, length_m, speed_kmh FROM graph_edges "
                    "WHERE speed_kmh > 0 AND length_m >= 0 ORDER BY id"):  # the rest is not drivable
                weight = length / (speed / 3.6)
                dx, dy = xs[source] - xs[target], ys[source] - ys[target]
                flat = dx * dx + dy * dy
                if flat > fastest * weight * weight:
                    fastest = flat / (weight * weight) if weight > 0 else math.inf
                add_weight(weight)
                add_id(eid)
                add_edge((source, target))
                if len(batch) == _EDGE_BATCH:
                    graph.add_edges(batch)
                    batch.clear()
            graph.add_edges(batch)
        except sqlite3.DatabaseError as exc:
            raise MapSchemaError(f"the map's road graph cannot be read ({exc})") from exc
        except (IndexError, ValueError, igraph.InternalError) as exc:
            raise MapSchemaError(_dangling_edge(conn, n)) from exc
        dense = not ids or (ids[0] == 0 and ids[-1] == len(ids) - 1)  # ids increase: then they are 0..M-1
        speed = math.sqrt(fastest) * (1 + 1e-9)
        seconds_per_m = 1.0 / speed if 0 < speed < math.inf else 0.0
        return cls(_own_connection(conn), graph, weights, None if dense else ids, xs, ys, seconds_per_m, algorithm)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def node_count(self) -> int:
        return self.graph.vcount()

    @property
    def edge_count(self) -> int:
        return self.graph.ecount()

    # -- snapping --------------------------------------------------------------------------

    def snap(self, lat: float, lon: float, *, role: str = "", max_m: float = MAX_SNAP_M) -> Snap:
        """The graph node nearest to (lat, lon) that a route can leave (role 'origin') or reach
        (role 'destination'), or any node with a road (no role). NoRouteError beyond `max_m`."""
        lat, lon = _check_position((lat, lon), role or "position")
        mode = {"origin": "out", "destination": "in"}.get(role, "all")
        radius = _FIRST_SNAP_M
        while True:
            radius = min(radius, max_m)
            dlat = radius / _M_PER_DEG
            dlon = min(180.0, dlat / max(1e-6, math.cos(math.radians(min(90.0, abs(lat) + dlat)))))
            with self._lock:
                rows = self._conn.execute(
                    "SELECT n.id, n.lat, n.lon FROM graph_nodes_rtree t JOIN graph_nodes n ON n.id = t.id "
                    "WHERE t.min_lon <= ? AND t.max_lon >= ? AND t.min_lat <= ? AND t.max_lat >= ?",
                    (lon + dlon, lon - dlon, lat + dlat, lat - dlat)).fetchall()
            rows = [r for r in rows if r[0] < self.graph.vcount()]
            degrees = self.graph.degree([r[0] for r in rows], mode=mode) if rows else []
            best = min(((haversine_m(lat, lon, r[1], r[2]), r) for r, d in zip(rows, degrees) if d > 0),
                       default=None, key=lambda pair: pair[0])
            if best is not None and best[0] <= radius:
                distance, (node, node_lat, node_lon) = best
                return Snap(node, node_lat, node_lon, distance)
            if radius >= max_m:
                what = f" {role}" if role else ""
                raise NoRouteError(f"no_road_near_{role}" if role else "no_road_near",
                                   f"No road near the{what} {_where(lat, lon)} (none within {max_m:,.0f} m)")
            radius *= 4

    # -- searching -------------------------------------------------------------------------

    def shortest_edges(self, source: int, target: int) -> list[int] | None:
        """igraph edge indices of the fastest path from node `source` to node `target` along the
        edges' direction; [] when they are the same node, None when target cannot be reached."""
        if source == target:
            return []
        with warnings.catch_warnings():  # igraph warns when the target cannot be reached: an answer here
            warnings.filterwarnings("ignore", message="Couldn't reach", category=RuntimeWarning)
            if self.algorithm == "dijkstra":
                path = self.graph.get_shortest_path(source, target, weights=self.weights, mode="out",
                                                    output="epath", algorithm="dijkstra")
            else:
                xs, ys, hypot, per_m = self._xs, self._ys, math.hypot, self._seconds_per_m
                xt, yt = xs[target], ys[target]

                def estimate(_graph: igraph.Graph, v: int, _target: int) -> float:
                    return hypot(xs[v] - xt, ys[v] - yt) * per_m

                path = self.graph.get_shortest_path_astar(source, target, estimate, weights=self.weights,
                                                          mode="out", output="epath")
        return path or None

    def lower_bound_s(self, source: int, target: int) -> float:
        """A travel time from node `source` to node `target` that no path beats (A*'s estimate)."""
        return math.hypot(self._xs[source] - self._xs[target], self._ys[source] - self._ys[target]) * \
            self._seconds_per_m

    def path_time_s(self, edges: Sequence[int]) -> float:
        """Travel time of a path of igraph edge indices."""
        weights = self.weights
        return sum(weights[e] for e in edges)

    def route(self, origin: Sequence[float], destination: Sequence[float]) -> Route:
        """The fastest route from origin (lat, lon) to destination (lat, lon); NoRouteError when there is none."""
        start = self.snap(*_check_position(origin, "origin"), role="origin")
        end = self.snap(*_check_position(destination, "destination"), role="destination")
        if start.node == end.node:
            raise NoRouteError("same_place", f"The origin {_where(*origin)} and the destination "
                                             f"{_where(*destination)} are the same place on the road network")
        path = self.shortest_edges(start.node, end.node)
        if path is None:
            raise NoRouteError("unreachable", f"No road connects {_where(*origin)} to {_where(*destination)} "
                                              "(the roads between them do not meet, or only one-way against)")
        edge_ids = tuple(path) if self._edge_ids is None else tuple(self._edge_ids[e] for e in path)
        legs = tuple(self._legs(edge_ids))
        return Route(start, end, edge_ids, legs, RouteLine.from_legs(legs), tuple(build_maneuvers(legs)))

    def _legs(self, edge_ids: Sequence[int]) -> list[Leg]:
        rows: dict[int, tuple] = {}
        with self._lock:
            for i in range(0, len(edge_ids), _CHUNK):
                chunk = edge_ids[i:i + _CHUNK]
                rows.update((row[0], row) for row in self._conn.execute(
                    "SELECT e.id, e.length_m, e.speed_kmh, e.coords, r.name, r.ref, r.class "
                    "FROM graph_edges e LEFT JOIN roads r ON r.id = e.road_id "
                    f"WHERE e.id IN ({','.join('?' * len(chunk))})", chunk))
        legs = []
        for eid in edge_ids:
            _, length, speed, blob, name, ref, road_class = rows[eid]
            points = tuple((lat, lon) for lon, lat in decode_coords(blob))
            if len(points) == 1:
                points *= 2
            legs.append(Leg(points, length, speed, name or "", ref or "", road_class or ""))
        return legs


def _dangling_edge(conn: sqlite3.Connection, n: int) -> str:
    row = conn.execute("SELECT id, source, target FROM graph_edges WHERE source NOT BETWEEN 0 AND ?1 "
                       "OR target NOT BETWEEN 0 AND ?1 LIMIT 1", (n - 1,)).fetchone()
    joins = f"graph edge {row[0]} joins nodes {row[1]} -> {row[2]}" if row else "a graph edge joins unknown nodes"
    return f"the map's road graph is broken: {joins}, but graph_nodes ids are 0..{n - 1}; import the extract again"


def _own_connection(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A read-only connection of the graph's own to the file open on `conn` (`conn` itself for a
    database without a file), so routing never shares a connection with another thread's queries."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return open_map(Path(file))
    return conn
