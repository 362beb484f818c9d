"""What the tile renderer draws: roads, areas and places in a box, decoded and in drawing order.

Every query goes through the table's R*Tree and filters by the zoom, so a tile at city
zoom never decodes footways and a tile outside the map costs one index look-up. The
functions take an open map connection (schema.open_map); sqlite3 connections are not
safe to share between threads at the same time, so each rendering thread opens its own.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from headunit.core.map.coords import decode_coords, decode_rings
from headunit.core.map.features import AREA_KINDS, PLACE_RANKS, ROAD_CLASSES
from headunit.core.map.geo import BBox

Point = tuple[float, float]  # (lon, lat)

# First zoom at which an area kind is drawn (roads carry theirs in ROAD_CLASSES).
AREA_MIN_ZOOM: dict[str, int] = {
    "forest": 8, "water": 8, "park": 10, "grass": 12, "pier": 13,
    "parking": 14, "square": 14, "building": 14,
}
# Zooms at which a place kind gets a label: a city name is noise at street level,
# a neighbourhood name is noise at city level.
PLACE_ZOOMS: dict[str, tuple[int, int]] = {
    "city": (5, 14), "town": (8, 15), "suburb": (11, 16), "village": (11, 17), "quarter": (13, 17),
    "neighbourhood": (14, 18), "island": (12, 18), "square": (16, 18), "locality": (15, 18),
}
_AREA_ORDER = {kind: i for i, kind in enumerate(AREA_KINDS)}


@dataclass(frozen=True)
class DrawRoad:
    id: int
    road_class: str
    rank: int
    name: str
    ref: str
    layer: int
    oneway: bool
    coords: list[Point]


@dataclass(frozen=True)
class DrawArea:
    id: int
    kind: str
    name: str
    rings: list[list[Point]]


@dataclass(frozen=True)
class DrawPlace:
    id: int
    kind: str
    rank: int
    name: str
    lon: float
    lat: float


def road_classes_at(zoom: int) -> list[str]:
    return [c.key for c in ROAD_CLASSES.values() if c.min_zoom <= zoom]


def area_kinds_at(zoom: int) -> list[str]:
    return [k for k in AREA_KINDS if AREA_MIN_ZOOM.get(k, 99) <= zoom]


def place_kinds_at(zoom: int) -> list[str]:
    return [k for k, (lo, hi) in PLACE_ZOOMS.items() if lo <= zoom <= hi and k in PLACE_RANKS]


def _marks(values: list[str]) -> str:
    return ",".join("?" * len(values))


def roads_in(conn: sqlite3.Connection, box: BBox, zoom: int, named_only: bool = False) -> list[DrawRoad]:
    """Roads drawn at `zoom` that touch `box`, bottom first: by layer, then rank, then id.

    named_only: just the roads with a name or a ref (what the label placer needs).
    """
    classes = road_classes_at(zoom)
    if not classes:
        return []
    named = "AND (coalesce(r.name, '') != '' OR coalesce(r.ref, '') != '') " if named_only else ""
    rows = conn.execute(
        "SELECT r.id, r.class, r.name, r.ref, r.layer, r.oneway, r.coords FROM roads_rtree t "
        "JOIN roads r ON r.id = t.id "
        "WHERE t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ? "
        f"{named}AND r.class IN ({_marks(classes)})",
        (box.min_lon, box.max_lon, box.min_lat, box.max_lat, *classes),
    ).fetchall()
    roads = [DrawRoad(rid, cls, ROAD_CLASSES[cls].rank, name or "", ref or "", layer, bool(oneway),
                      decode_coords(blob))
             for rid, cls, name, ref, layer, oneway, blob in rows]
    roads.sort(key=lambda r: (r.layer, r.rank, r.id))
    return roads


def areas_in(conn: sqlite3.Connection, box: BBox, zoom: int, min_size_deg: float = 0.0) -> list[DrawArea]:
    """Areas drawn at `zoom` that touch `box` and span at least `min_size_deg` on one axis.

    Bottom first: by kind (features.AREA_KINDS order), then larger before smaller, then id.
    """
    kinds = area_kinds_at(zoom)
    if not kinds:
        return []
    rows = conn.execute(
        "SELECT a.id, a.kind, a.name, a.rings, (t.max_lon - t.min_lon) * (t.max_lat - t.min_lat) "
        "FROM areas_rtree t JOIN areas a ON a.id = t.id "
        "WHERE t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ? "
        "AND (t.max_lon - t.min_lon >= ? OR t.max_lat - t.min_lat >= ?) "
        f"AND a.kind IN ({_marks(kinds)})",
        (box.min_lon, box.max_lon, box.min_lat, box.max_lat, min_size_deg, min_size_deg, *kinds),
    ).fetchall()
    rows.sort(key=lambda r: (_AREA_ORDER.get(r[1], len(_AREA_ORDER)), -r[4], r[0]))
    return [DrawArea(aid, kind, name or "", decode_rings(blob)) for aid, kind, name, blob, _ in rows]


def places_in(conn: sqlite3.Connection, box: BBox, zoom: int) -> list[DrawPlace]:
    """Places labelled at `zoom` inside `box`, most important first (rank, then id)."""
    kinds = place_kinds_at(zoom)
    if not kinds:
        return []
    rows = conn.execute(
        "SELECT p.id, p.kind, p.name, p.lon, p.lat FROM places_rtree t JOIN places p ON p.id = t.id "
        "WHERE t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ? "
        f"AND p.kind IN ({_marks(kinds)})",
        (box.min_lon, box.max_lon, box.min_lat, box.max_lat, *kinds),
    ).fetchall()
    places = [DrawPlace(pid, kind, PLACE_RANKS[kind], name, lon, lat) for pid, kind, name, lon, lat in rows]
    places.sort(key=lambda p: (-p.rank, p.id))
    return places


def map_extent(conn: sqlite3.Connection) -> BBox | None:
    """The box the map covers: the importer's meta rows, else the union of the R*Trees; None if empty."""
    meta = dict(conn.execute(
        "SELECT key, value FROM meta WHERE key IN ('min_lon', 'min_lat', 'max_lon', 'max_lat')"))
    try:
        return BBox(float(meta["min_lon"]), float(meta["min_lat"]), float(meta["max_lon"]), float(meta["max_lat"]))
    except (KeyError, ValueError):
        pass
    boxes = [conn.execute(f"SELECT min(min_lon), min(min_lat), max(max_lon), max(max_lat) FROM {table}").fetchone()
             for table in ("roads_rtree", "areas_rtree", "places_rtree", "pois_rtree")]
    boxes = [b for b in boxes if b[0] is not None]
    if not boxes:
        return None
    return BBox(min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def map_id(conn: sqlite3.Connection) -> str:
    """The map's id from its meta table (a uuid the importer writes); '' if it has none."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'map_id'").fetchone()
    return row[0] if row else ""
