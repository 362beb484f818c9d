"""OpenStreetMap extract (.osm.pbf) -> map database, with pyosmium.

One pass over the file (plus osmium's relation pre-pass for multipolygons): nodes give POIs
and place labels, ways give roads, closed ways and multipolygon relations give areas (and
POIs on their centre). Routable road pieces are kept as node-id and coordinate arrays until
the end, when nodes shared by two or more of them are known and the pieces are cut into
graph edges there.

Extra POI files (extra_pois.py) are read first and their POIs added after the extract's.
Bad input never reaches the installed map: the files are checked before anything is
written, and any failure aborts the MapWriter, which drops its temporary file.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import osmium

from headunit.core.map import osm_tags
from headunit.core.map.features import ROAD_CLASSES
from headunit.core.map.geo import BBox, haversine_m

from . import extra_pois
from .pbf_file import MapImportError, check_pbf, file_sha256, header_timestamp, read_objects
from .writer import MapWriter

__all__ = ["ATTRIBUTION", "ImportReport", "MapImportError", "import_extract"]

ATTRIBUTION = "(c) OpenStreetMap contributors, ODbL"
_POI_KEYS = ("amenity", "shop", "tourism")

Progress = Callable[[str], None]
Point = tuple[float, float]


@dataclass
class ImportReport:
    dest: Path
    source: str
    map_id: str
    roads: int
    areas: int
    pois: int
    places: int
    graph_nodes: int
    graph_edges: int
    skipped: dict[str, int]
    bbox: BBox
    seconds: float
    extra_pois: int = 0  # of `pois`, how many came from extra POI files

    @property
    def counts(self) -> dict[str, int]:
        return {"roads": self.roads, "areas": self.areas, "pois": self.pois, "places": self.places,
                "graph_nodes": self.graph_nodes, "graph_edges": self.graph_edges}


# -- reading ---------------------------------------------------------------------------------


@dataclass
class _RoutablePiece:
    road_id: int
    speed_kmh: float
    oneway: bool
    node_ids: array  # 'q'
    coords: array  # 'd', lon, lat interleaved


@dataclass
class _Extent:
    min_lon: float = 180.0
    min_lat: float = 90.0
    max_lon: float = -180.0
    max_lat: float = -90.0

    def add(self, lon: float, lat: float) -> None:
        self.min_lon = min(self.min_lon, lon)
        self.max_lon = max(self.max_lon, lon)
        self.min_lat = min(self.min_lat, lat)
        self.max_lat = max(self.max_lat, lat)

    def add_all(self, points: list[Point]) -> None:
        lons = [p[0] for p in points]
        lats = [p[1] for p in points]
        self.add(min(lons), min(lats))
        self.add(max(lons), max(lats))

    def bbox(self) -> BBox:
        return BBox(self.min_lon, self.min_lat, self.max_lon, self.max_lat)


def _valid_point(lon: float, lat: float) -> bool:
    return -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0


def _centre(points: list[Point]) -> Point:
    """Area centroid of a ring (shoelace), the mean of the points when the ring has no area."""
    if len(points) >= 3:
        lon0, lat0 = points[0]
        area2 = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
            x1, y1, x2, y2 = x1 - lon0, y1 - lat0, x2 - lon0, y2 - lat0
            cross = x1 * y2 - x2 * y1
            area2 += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if abs(area2) > 1e-14:
            return lon0 + cx / (3 * area2), lat0 + cy / (3 * area2)
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


class _Importer:
    def __init__(self, writer: MapWriter, progress: Progress) -> None:
        self.w = writer
        self.progress = progress
        self.extent = _Extent()
        self.skipped = {"missing_node_locations": 0, "clipped_ways": 0, "dropped_ways": 0, "broken_pois": 0}
        self.pieces: list[_RoutablePiece] = []
        # Node ids used by a routable piece, and those used more than once: graph junctions.
        # (osmium's IdSet is a dense bitmap: far more memory for OSM's scattered node ids.)
        self.seen: set[int] = set()
        self.shared: set[int] = set()
        self.ways_read = 0

    # nodes ------------------------------------------------------------------------------

    def node(self, n: osmium.osm.Node) -> None:
        tags = n.tags
        is_poi = any(k in tags for k in _POI_KEYS)
        if not is_poi and "place" not in tags:
            return
        tags = dict(tags)
        loc = n.location
        point = (loc.lon, loc.lat) if loc.valid() else None
        if point is not None and not _valid_point(*point):
            point = None
        if is_poi:
            self._poi("node", n.id, tags, point)
        kind = osm_tags.place_kind(tags)
        if kind and point is not None:
            try:
                name = osm_tags.display_name(tags)
            except osm_tags.BrokenTags:
                name = ""
            if name:
                self.w.add_place(n.id, kind, name, *point)
                self.extent.add(*point)

    def _poi(self, osm_type: str, osm_id: int, tags: dict[str, str], point: Point | None) -> None:
        try:
            poi = osm_tags.poi_tags(tags)
        except osm_tags.BrokenTags:
            self.skipped["broken_pois"] += 1
            return
        if poi is None:
            return
        if point is None:
            self.skipped["broken_pois"] += 1
            return
        self.w.add_poi(osm_type, osm_id, poi.category.key, point[0], point[1], name=poi.name,
                       address=poi.address, opening_hours=poi.opening_hours, phone=poi.phone,
                       website=poi.website)
        self.extent.add(*point)

    # ways -------------------------------------------------------------------------------

    def way(self, w: osmium.osm.Way) -> None:
        self.ways_read += 1
        if self.ways_read % 100_000 == 0:
            self.progress(f"{self.ways_read:,} ways read")
        tags = w.tags
        is_road = "highway" in tags
        is_poi = any(k in tags for k in _POI_KEYS)
        if not is_road and not is_poi:
            return
        tags = dict(tags)
        runs, missing = self._runs(w)
        if is_road:
            self._road(w.id, tags, runs, missing)
        if is_poi:
            points = [p for _, pts in runs for p in pts]
            self._poi("way", w.id, tags, _centre(points) if points else None)

    @staticmethod
    def _runs(w: osmium.osm.Way) -> tuple[list[tuple[list[int], list[Point]]], int]:
        """The way's runs of consecutive nodes that have a location (clipped extracts leave some
        out), each with >= 1 point; and how many nodes had none."""
        runs: list[tuple[list[int], list[Point]]] = []
        ids: list[int] = []
        pts: list[Point] = []
        missing = 0
        for ref in w.nodes:
            loc = ref.location
            if loc.valid():
                if ids and ids[-1] == ref.ref:
                    continue
                ids.append(ref.ref)
                pts.append((loc.lon, loc.lat))
            else:
                missing += 1
                if ids:
                    runs.append((ids, pts))
                ids, pts = [], []
        if ids:
            runs.append((ids, pts))
        return runs, missing

    def _road(self, osm_id: int, tags: dict[str, str], runs: list, missing: int) -> None:
        cls = osm_tags.road_class(tags)
        if cls is None:
            return
        parts = [(ids, pts) for ids, pts in runs if len(pts) >= 2]
        if missing:
            self.skipped["missing_node_locations"] += missing
            self.skipped["clipped_ways"] += 1
        if not parts:
            self.skipped["dropped_ways"] += 1
            return
        direction = osm_tags.oneway(tags)
        if direction is osm_tags.Oneway.REVERSE:
            parts = [(ids[::-1], pts[::-1]) for ids, pts in parts[::-1]]
        is_oneway = direction is not osm_tags.Oneway.BOTH
        try:
            name = osm_tags.display_name(tags) or None
        except osm_tags.BrokenTags:
            name = None
        try:
            ref = osm_tags.clean_text(tags.get("ref"), "ref") or None
        except osm_tags.BrokenTags:
            ref = None
        maxspeed = osm_tags.maxspeed_kmh(tags.get("maxspeed"))
        road_class = ROAD_CLASSES[cls]
        for ids, pts in parts:
            road_id = self.w.add_road(osm_id, cls, pts, name=name, ref=ref, oneway=is_oneway,
                                      maxspeed_kmh=maxspeed, layer=osm_tags.layer(tags.get("layer")))
            self.extent.add_all(pts)
            if road_class.routable:
                self._keep_routable(road_id, maxspeed or road_class.speed_kmh, is_oneway, ids, pts)

    def _keep_routable(self, road_id: int, speed: float, is_oneway: bool, ids: list[int],
                       pts: list[Point]) -> None:
        seen = self.seen
        self.shared.update(node_id for node_id in ids if node_id in seen)
        if len(set(ids)) != len(ids):  # the way crosses itself or is closed
            once: set[int] = set()
            self.shared.update(node_id for node_id in ids if node_id in once or once.add(node_id))
        seen.update(ids)
        coords = array("d", [c for p in pts for c in p])
        self.pieces.append(_RoutablePiece(road_id, speed, is_oneway, array("q", ids), coords))

    # areas ------------------------------------------------------------------------------

    def area(self, a: osmium.osm.Area) -> None:
        tags = a.tags
        kind = osm_tags.area_kind(tags)
        relation_poi = not a.from_way() and any(k in tags for k in _POI_KEYS)
        if kind is None and not relation_poi:
            return
        tags = dict(tags)
        osm_type = "way" if a.from_way() else "relation"
        rings: list[list[Point]] = []
        outers: list[list[Point]] = []
        for outer in a.outer_rings():
            ring = [(n.lon, n.lat) for n in outer]
            rings.append(ring)
            outers.append(ring)
            rings.extend([(n.lon, n.lat) for n in inner] for inner in a.inner_rings(outer))
        if not outers:
            return
        if kind is not None:
            try:
                name = osm_tags.display_name(tags) or None
            except osm_tags.BrokenTags:
                name = None
            self.w.add_area(osm_type, a.orig_id(), kind, rings, name)
            for ring in outers:
                self.extent.add_all(ring)
        if relation_poi:
            self._poi(osm_type, a.orig_id(), tags, _centre(outers[0]))

    # the road graph ---------------------------------------------------------------------

    def build_graph(self) -> None:
        self.progress(f"building the road graph from {len(self.pieces):,} road pieces")
        dense: dict[int, int] = {}
        shared = self.shared
        w = self.w

        def graph_node(osm_id: int, lon: float, lat: float) -> int:
            gid = dense.get(osm_id)
            if gid is None:
                gid = dense[osm_id] = w.add_graph_node(osm_id, lon, lat)
            return gid

        for piece in self.pieces:
            ids, c = piece.node_ids, piece.coords
            last = len(ids) - 1
            start = 0
            source = graph_node(ids[0], c[0], c[1])
            length = 0.0
            for i in range(1, last + 1):
                length += haversine_m(c[2 * i - 1], c[2 * i - 2], c[2 * i + 1], c[2 * i])
                if i != last and ids[i] not in shared:
                    continue
                target = graph_node(ids[i], c[2 * i], c[2 * i + 1])
                pts = [(c[2 * k], c[2 * k + 1]) for k in range(start, i + 1)]
                w.add_graph_edge(source, target, piece.road_id, length, piece.speed_kmh, pts)
                if not piece.oneway:
                    w.add_graph_edge(target, source, piece.road_id, length, piece.speed_kmh, pts[::-1])
                source, start, length = target, i, 0.0
        self.pieces.clear()
        self.seen.clear()
        self.shared.clear()


def import_extract(pbf: Path, dest: Path, *, extra: Sequence[Path] = (),
                   progress: Progress | None = None) -> ImportReport:
    """Import the OSM extract `pbf`, plus the POIs of the `extra` OSM XML files, into a new map
    database and install it at `dest`.

    Raises MapImportError (the installed map at `dest` untouched) when the file is missing, not a
    PBF extract, truncated or corrupt, or holds no roads that cars can drive on, or an extra file
    is unusable (extra_pois.read_extra_pois) or has a POI outside the extract.
    """
    pbf, dest = Path(pbf), Path(dest)
    say = progress or (lambda _message: None)
    started = time.monotonic()
    check_pbf(pbf)
    extra_files = extra_pois.read_all(extra)
    osm_timestamp = header_timestamp(pbf)
    source_bytes = pbf.stat().st_size
    say(f"reading {pbf.name} ({source_bytes / 1e6:.1f} MB)")
    try:
        writer = MapWriter(dest)
    except (OSError, sqlite3.Error) as exc:
        raise MapImportError(f"{dest}: cannot write the map there ({exc})") from exc
    try:
        importer = _Importer(writer, say)
        for obj in read_objects(pbf):
            kind = obj.type_str()
            if kind == "n":
                importer.node(obj)
            elif kind == "w":
                importer.way(obj)
            elif kind == "a":
                importer.area(obj)
        if not importer.pieces:
            raise MapImportError(f"{pbf}: the extract contains no roads that cars can drive on "
                                 f"({writer.count('roads')} other roads and paths); nothing was imported")
        importer.build_graph()
        bbox = importer.extent.bbox()
        extra_count = extra_pois.add_to_map(writer, extra_files, bbox, pbf.name)
        counts = {name: writer.count(name)
                  for name in ("roads", "areas", "pois", "places", "graph_nodes", "graph_edges")}
        map_id = uuid.uuid4().hex
        meta = {
            "source_name": pbf.name,
            "source_sha256": file_sha256(pbf),
            "source_bytes": str(source_bytes),
            "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "min_lon": repr(bbox.min_lon), "min_lat": repr(bbox.min_lat),
            "max_lon": repr(bbox.max_lon), "max_lat": repr(bbox.max_lat),
            "counts": json.dumps(counts),
            "skipped": json.dumps(importer.skipped),
            "map_id": map_id,
            "attribution": ATTRIBUTION,
        }
        if osm_timestamp:
            meta["osm_timestamp"] = osm_timestamp
        if extra_files:
            meta["extra_pois"] = extra_pois.meta_entry(extra_files)
        for key, value in meta.items():
            writer.set_meta(key, value)
        say("writing indexes")
        writer.finish()
    except MapImportError:
        writer.abort()
        raise
    except (OSError, sqlite3.Error) as exc:
        writer.abort()
        raise MapImportError(f"{dest}: writing the map failed ({exc}); the previous map is unchanged") from exc
    except BaseException:
        writer.abort()
        raise
    seconds = time.monotonic() - started
    say(f"done in {seconds:.1f} s")
    return ImportReport(dest=dest, source=pbf.name, map_id=map_id, skipped=dict(importer.skipped), bbox=bbox,
                        seconds=seconds, extra_pois=extra_count, **counts)
