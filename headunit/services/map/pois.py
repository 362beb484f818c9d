"""POI queries on an open map database: nearest by category, as-you-type search, markers in a box.

All functions take a connection from schema.open_map and only read. They are built to stay
in single-digit milliseconds on a million POIs: every query starts from an index (the
R*Tree whose third axis is the category, the FTS5 trigram index, the NOCASE name index) and reads
full rows only for what it returns.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from headunit.core.map.features import POI_CATEGORIES, PoiCategory
from headunit.core.map.geo import EARTH_RADIUS_M, BBox, haversine_m

from .schema import POI_CATEGORY_AXIS_SCALE

_COLUMNS = "id, osm_type, osm_id, category, name, address, opening_hours, phone, website, lat, lon"
_M_PER_DEG_LAT = EARTH_RADIUS_M * math.pi / 180
_FIRST_RADIUS_M = 1_000.0
_SEARCH_CAP = 200  # candidates read per index before ranking
_NEARBY_COUNT = 200  # with a position, about this many POIs around it are candidates too ...
_NEARBY_RADIUS_M = 20_000.0  # ... up to this far
_MAX_PREFIX_CHAR = "\U0010ffff"


@dataclass(frozen=True)
class Poi:
    id: int
    osm_type: str
    osm_id: int
    category: str
    name: str
    address: str
    opening_hours: str
    phone: str
    website: str
    lat: float
    lon: float
    distance_m: float | None = None


def _poi(row: tuple, distance_m: float | None = None) -> Poi:
    return Poi(*row, distance_m=distance_m)


def _rows_by_id(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {row[0]: row for row in conn.execute(f"SELECT {_COLUMNS} FROM pois WHERE id IN ({marks})", ids)}


def get(conn: sqlite3.Connection, poi_id: int) -> Poi | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM pois WHERE id = ?", (poi_id,)).fetchone()
    return None if row is None else _poi(row)


def _category(key: str) -> PoiCategory:
    try:
        return POI_CATEGORIES[key]
    except KeyError:
        raise ValueError(f"unknown POI category {key!r} (known: {', '.join(POI_CATEGORIES)})") from None


def _box_around(lat: float, lon: float, half_m: float) -> BBox:
    """A lon/lat box holding every point within half_m metres of (lat, lon), with a 1 % margin."""
    half_m *= 1.01
    dlat = half_m / _M_PER_DEG_LAT
    far_lat = min(89.9, abs(lat) + dlat)
    dlon = min(180.0, half_m / (_M_PER_DEG_LAT * math.cos(math.radians(far_lat))))
    return BBox(lon - dlon, lat - dlat, lon + dlon, lat + dlat)


_IN_BOX = ("SELECT p.id, p.lat, p.lon FROM pois_rtree r JOIN pois p ON p.id = r.id "
           "WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ?")
_OF_CATEGORY = " AND r.max_cat >= ? AND r.min_cat <= ?"


def _axis(category: PoiCategory) -> float:
    return category.code * POI_CATEGORY_AXIS_SCALE


def _in_box(conn: sqlite3.Connection, box: BBox, category: PoiCategory | None) -> list[tuple[int, float, float]]:
    """POIs in box (of category, or any) as (id, lat, lon)."""
    corners = (box.min_lon, box.max_lon, box.min_lat, box.max_lat)
    if category is None:
        return conn.execute(_IN_BOX, corners).fetchall()
    axis = _axis(category)
    return conn.execute(_IN_BOX + _OF_CATEGORY, (*corners, axis, axis)).fetchall()


def _nearest_ids(conn: sqlite3.Connection, category: PoiCategory | None, lat: float, lon: float, limit: int,
                 max_radius_m: float) -> list[tuple[float, int]]:
    """(distance, id) of the `limit` nearest POIs within max_radius_m, nearest first."""
    half = min(_FIRST_RADIUS_M, max_radius_m)
    while True:
        found = [(haversine_m(lat, lon, plat, plon), pid) for pid, plat, plon in
                 _in_box(conn, _box_around(lat, lon, half), category)]
        found = sorted(f for f in found if f[0] <= half)
        if len(found) >= limit or half >= max_radius_m:
            return found[:limit]
        if found:  # grow by the density seen so far, at least doubling
            half = max(2 * half, half * math.sqrt(limit / len(found)) * 1.2)
        else:
            half *= 4
        half = min(half, max_radius_m)


def nearest(conn: sqlite3.Connection, category: str | None, lat: float, lon: float, limit: int,
            max_radius_m: float = 50_000) -> list[Poi]:
    """The `limit` POIs (of `category`, or any) nearest to (lat, lon) within max_radius_m, nearest first.

    The search box grows until it holds `limit` POIs and its half-size is at least the
    distance of the limit-th one, so no nearer POI outside the box can be missed.
    """
    if limit <= 0:
        return []
    wanted = _category(category) if category is not None else None
    best = _nearest_ids(conn, wanted, lat, lon, limit, max_radius_m)
    rows = _rows_by_id(conn, [pid for _, pid in best])
    return [_poi(rows[pid], d) for d, pid in best]


# -- search ------------------------------------------------------------------------------------


def _fts_query(terms: Sequence[str]) -> str:
    """Each term as an FTS5 string (quotes doubled), ANDed: user text never parses as FTS syntax."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def _quality(text: str, terms: Sequence[str], name: str, address: str) -> int | None:
    """0 name is the text, 1 name starts with it, 2 every term starts a word of the name,
    3 every term is in the name, 4 the terms are in name and address; None: no match."""
    name_f = name.casefold()
    if name_f.startswith(text):
        return 0 if len(name_f) == len(text) else 1
    if not all(t in name_f for t in terms):
        address_f = address.casefold()
        return 4 if all(t in name_f or t in address_f for t in terms) else None
    words = name_f.split()
    if all(any(w.startswith(t) for w in words) for t in terms):
        return 2
    return 3


def _prefix_ids(conn: sqlite3.Connection, text: str) -> list[int]:
    rows = conn.execute(
        "SELECT id FROM pois WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE LIMIT ?",
        (text, text + _MAX_PREFIX_CHAR, _SEARCH_CAP))
    return [r[0] for r in rows]


def _fts_ids(conn: sqlite3.Connection, text: str, terms: Sequence[str],
             enough: int) -> tuple[set[int], bool]:
    """Rowids matching the text (names or addresses); and whether the cap cut the list short.

    Several words are first looked up as one phrase, the way a name is typed; only when that
    finds fewer than `enough` are the words of >= 3 characters looked up apart (a query of
    several common trigrams that match few rows together is the slow kind of FTS query).
    """
    phrases = [[text]] if len(terms) > 1 else []
    long_terms = [t for t in terms if len(t) >= 3]
    if long_terms:
        phrases.append(long_terms)
    ids: set[int] = set()
    capped = False
    for phrase in phrases:
        rows = conn.execute("SELECT rowid FROM pois_fts WHERE pois_fts MATCH ? LIMIT ?",
                            (_fts_query(phrase), _SEARCH_CAP + 1)).fetchall()
        ids.update(r[0] for r in rows[:_SEARCH_CAP])
        capped = len(rows) > _SEARCH_CAP
        if len(rows) >= enough:
            break
    return ids, capped


def _ids_around(conn: sqlite3.Connection, lat: float, lon: float) -> list[int]:
    """Ids in the smallest box around (lat, lon) grown from 250 m that holds _NEARBY_COUNT POIs."""
    half = 250.0
    while True:
        box = _box_around(lat, lon, half)
        rows = conn.execute("SELECT id FROM pois_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? "
                            "AND min_lat <= ?", (box.min_lon, box.max_lon, box.min_lat, box.max_lat)).fetchall()
        if len(rows) >= _NEARBY_COUNT or half >= _NEARBY_RADIUS_M:
            return [r[0] for r in rows]
        half = min(_NEARBY_RADIUS_M, half * max(1.5, math.sqrt(_NEARBY_COUNT / max(1, len(rows)))))


def search(conn: sqlite3.Connection, text: str, lat: float | None = None, lon: float | None = None,
           limit: int = 20) -> list[Poi]:
    """POIs whose name (or name and address) match `text` as typed so far.

    Three characters or more: every word is looked up in the trigram index (any position,
    name or address). One or two characters: names that start with them. Ranked by match
    quality (exact name, name prefix, word prefixes, inside the name, with the address),
    then by distance from (lat, lon) when given, then by name. When a text matches more
    POIs than are ranked, the matches among the POIs nearest to the position still are.
    """
    typed = " ".join(text.split())
    folded = typed.casefold()
    if not typed or limit <= 0:
        return []
    terms = folded.split(" ")
    ids = set(_prefix_ids(conn, typed))
    if len(folded) >= 3:
        fts, capped = _fts_ids(conn, folded, terms, limit)
        ids.update(fts)
        if capped and lat is not None and lon is not None:
            ids.update(_ids_around(conn, lat, lon))
    ranked = []
    here = lat is not None and lon is not None
    marks = ",".join("?" * len(ids))
    for pid, name, address, plat, plon in conn.execute(
            f"SELECT id, name, address, lat, lon FROM pois WHERE id IN ({marks})", sorted(ids)):
        quality = _quality(folded, terms, name, address)
        if quality is not None:
            ranked.append((quality, _planar_m2(lat, lon, plat, plon) if here else 0.0, name.casefold(), pid))
    ranked.sort()
    best = [r[3] for r in ranked[:limit]]
    rows = _rows_by_id(conn, best)
    return [_poi(rows[pid], haversine_m(lat, lon, rows[pid][9], rows[pid][10]) if here else None)
            for pid in best]


def _planar_m2(lat: float, lon: float, plat: float, plon: float) -> float:
    """Squared distance on the local plane: orders like haversine_m to well within 1 % at up to
    a few hundred km, at a fraction of its cost."""
    dx = (plon - lon) * math.cos(math.radians((lat + plat) / 2))
    dy = plat - lat
    return dx * dx + dy * dy


# -- markers -----------------------------------------------------------------------------------


def _importance(category: PoiCategory) -> tuple[int, int]:
    """Bookable services (parking, fuel, charging) first, then the table's order."""
    return (0 if category.bookable else 1, category.code)


_MARKERS_IN = ("SELECT r.id FROM pois_rtree r JOIN pois p ON p.id = r.id "
               "WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ? "
               "AND r.max_cat >= ? AND r.min_cat <= ? "
               "AND p.lon BETWEEN ? AND ? AND p.lat BETWEEN ? AND ? LIMIT ?")
_GRID = 4  # a box with more POIs than asked for is sampled over GRID x GRID cells


def _markers(conn: sqlite3.Connection, box: BBox, category: PoiCategory, limit: int) -> list[int]:
    axis = _axis(category)
    corners = (box.min_lon, box.max_lon, box.min_lat, box.max_lat)
    return [r[0] for r in conn.execute(_MARKERS_IN, (*corners, axis, axis, *corners, limit))]


def _spread(conn: sqlite3.Connection, bbox: BBox, category: PoiCategory, limit: int) -> list[int]:
    """Up to `limit` ids of `category` in bbox; when there are more, taken evenly over a grid of
    cells, so markers cover the view instead of the corner the R*Tree happens to list first."""
    ids = _markers(conn, bbox, category, limit + 1)
    if len(ids) <= limit:
        return ids
    width = (bbox.max_lon - bbox.min_lon) / _GRID
    height = (bbox.max_lat - bbox.min_lat) / _GRID
    per_cell = -(-limit // (_GRID * _GRID))
    chosen: dict[int, None] = {}
    for row in range(_GRID):
        for col in range(_GRID):
            cell = BBox(bbox.min_lon + col * width, bbox.min_lat + row * height,
                        bbox.min_lon + (col + 1) * width, bbox.min_lat + (row + 1) * height)
            chosen.update(dict.fromkeys(_markers(conn, cell, category, per_cell)))
    chosen.update(dict.fromkeys(ids))  # cells with few POIs leave room for the others
    return list(chosen)[:limit]


def in_bbox(conn: sqlite3.Connection, bbox: BBox, categories: Sequence[str] | None, limit: int) -> list[Poi]:
    """Up to `limit` POIs inside bbox for the map's markers: the most important categories first
    (bookable ones, then the table's order), each by id; the same answer for the same question."""
    wanted = [_category(k) for k in categories] if categories is not None else list(POI_CATEGORIES.values())
    found: list[int] = []
    for category in sorted(set(wanted), key=_importance):
        remaining = limit - len(found)
        if remaining <= 0:
            break
        found.extend(sorted(_spread(conn, bbox, category, remaining)))
    rows = _rows_by_id(conn, found)
    return [_poi(rows[pid]) for pid in found]
