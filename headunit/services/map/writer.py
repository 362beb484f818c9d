"""MapWriter: builds a new map database in a temporary file, then swaps it in atomically.

Rows are buffered and written with executemany in one transaction; the FTS index is
built once at the end. A writer that is not finished (an exception, a kill) leaves
only its temporary file, which the next import removes; the installed map is never
touched until ``finish()`` renames the new file over it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from headunit.core.map.coords import bounds, encode_coords, encode_rings
from headunit.core.map.features import POI_CATEGORIES

from .schema import POI_CATEGORY_AXIS_SCALE, create_schema

FILE_MODE = 0o600
_BATCH = 20_000

_INSERTS = {
    "roads": "INSERT INTO roads(id, osm_id, class, name, ref, oneway, maxspeed_kmh, layer, coords) "
             "VALUES (?,?,?,?,?,?,?,?,?)",
    "roads_rtree": "INSERT INTO roads_rtree VALUES (?,?,?,?,?)",
    "areas": "INSERT INTO areas(id, osm_type, osm_id, kind, name, rings) VALUES (?,?,?,?,?,?)",
    "areas_rtree": "INSERT INTO areas_rtree VALUES (?,?,?,?,?)",
    "pois": "INSERT INTO pois(id, osm_type, osm_id, category, name, address, opening_hours, phone, website, "
            "lat, lon) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "pois_rtree": "INSERT INTO pois_rtree VALUES (?,?,?,?,?,?,?)",
    "places": "INSERT INTO places(id, osm_id, kind, name, lat, lon) VALUES (?,?,?,?,?,?)",
    "places_rtree": "INSERT INTO places_rtree VALUES (?,?,?,?,?)",
    "graph_nodes": "INSERT INTO graph_nodes(id, osm_id, lat, lon) VALUES (?,?,?,?)",
    "graph_nodes_rtree": "INSERT INTO graph_nodes_rtree VALUES (?,?,?,?,?)",
    "graph_edges": "INSERT INTO graph_edges(id, source, target, road_id, length_m, speed_kmh, coords) "
                   "VALUES (?,?,?,?,?,?,?)",
}

Point = tuple[float, float]  # (lon, lat)


def temporary_path(dest: Path) -> Path:
    return dest.with_name(f"{dest.name}.importing-{os.getpid()}")


class MapWriter:
    """Writes one map database; use as a context manager, call finish() to install it at `dest`."""

    def __init__(self, dest: Path) -> None:
        self.dest = Path(dest)
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.dest.parent.glob(f"{self.dest.name}.importing-*"):
            stale.unlink(missing_ok=True)
        self.tmp = temporary_path(self.dest)
        fd = os.open(self.tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
        os.close(fd)
        self._conn = sqlite3.connect(self.tmp, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode = OFF")
        self._conn.execute("PRAGMA synchronous = OFF")
        self._conn.execute("PRAGMA cache_size = -65536")
        create_schema(self._conn)
        self._conn.execute("BEGIN")
        self._rows: dict[str, list[tuple]] = {name: [] for name in _INSERTS}
        self._next = {name: 0 for name in ("roads", "areas", "pois", "places", "graph_nodes", "graph_edges")}
        self._finished = False

    # -- adding rows; each returns the new row's id -------------------------------------

    def add_road(self, osm_id: int, road_class: str, coords: Sequence[Point], *, name: str | None = None,
                 ref: str | None = None, oneway: bool = False, maxspeed_kmh: float | None = None,
                 layer: int = 0) -> int:
        rid = self._id("roads")
        self._put("roads", (rid, osm_id, road_class, name, ref, int(oneway), maxspeed_kmh, layer,
                            encode_coords(coords)))
        self._put_box("roads_rtree", rid, coords)
        return rid

    def add_area(self, osm_type: str, osm_id: int, kind: str, rings: Sequence[Sequence[Point]],
                 name: str | None = None) -> int:
        aid = self._id("areas")
        self._put("areas", (aid, osm_type, osm_id, kind, name, encode_rings(rings)))
        self._put_box("areas_rtree", aid, [p for ring in rings for p in ring])
        return aid

    def add_poi(self, osm_type: str, osm_id: int, category: str, lon: float, lat: float, *, name: str = "",
                address: str = "", opening_hours: str = "", phone: str = "", website: str = "") -> int:
        axis = POI_CATEGORIES[category].code * POI_CATEGORY_AXIS_SCALE
        pid = self._id("pois")
        self._put("pois", (pid, osm_type, osm_id, category, name, address, opening_hours, phone, website,
                           lat, lon))
        self._put("pois_rtree", (pid, lon, lon, lat, lat, axis, axis))
        return pid

    def add_place(self, osm_id: int, kind: str, name: str, lon: float, lat: float) -> int:
        pid = self._id("places")
        self._put("places", (pid, osm_id, kind, name, lat, lon))
        self._put("places_rtree", (pid, lon, lon, lat, lat))
        return pid

    def add_graph_node(self, osm_id: int, lon: float, lat: float) -> int:
        nid = self._id("graph_nodes")
        self._put("graph_nodes", (nid, osm_id, lat, lon))
        self._put("graph_nodes_rtree", (nid, lon, lon, lat, lat))
        return nid

    def add_graph_edge(self, source: int, target: int, road_id: int, length_m: float, speed_kmh: float,
                       coords: Sequence[Point]) -> int:
        eid = self._id("graph_edges")
        self._put("graph_edges", (eid, source, target, road_id, length_m, speed_kmh, encode_coords(coords)))
        return eid

    def set_meta(self, key: str, value: str) -> None:
        self._flush()
        self._conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def count(self, table: str) -> int:
        return self._next[table]

    # -- finishing -----------------------------------------------------------------------

    def finish(self) -> Path:
        """Build the indexes, make the file durable and rename it over `dest`; returns dest."""
        self._flush()
        self._conn.execute("INSERT INTO pois_fts(pois_fts) VALUES ('rebuild')")
        self._conn.execute("COMMIT")
        self._conn.execute("ANALYZE")
        self._conn.execute("PRAGMA journal_mode = DELETE")
        self._conn.close()
        with open(self.tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(self.tmp, self.dest)
        dir_fd = os.open(self.dest.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
        self._finished = True
        return self.dest

    def abort(self) -> None:
        """Drop the temporary file; the installed map stays as it was."""
        if self._finished:
            return
        try:
            self._conn.close()
        finally:
            self.tmp.unlink(missing_ok=True)
        self._finished = True

    def __enter__(self) -> "MapWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self._finished:
            self.abort()

    def _id(self, table: str) -> int:
        value = self._next[table]
        self._next[table] = value + 1
        return value

    def _put(self, table: str, row: tuple) -> None:
        rows = self._rows[table]
        rows.append(row)
        if len(rows) >= _BATCH:
            self._conn.executemany(_INSERTS[table], rows)
            rows.clear()

    def _put_box(self, table: str, rid: int, points: Sequence[Point]) -> None:
        min_lon, min_lat, max_lon, max_lat = bounds(points)
        self._put(table, (rid, min_lon, max_lon, min_lat, max_lat))

    def _flush(self) -> None:
        for table, rows in self._rows.items():
            if rows:
                self._conn.executemany(_INSERTS[table], rows)
                rows.clear()
