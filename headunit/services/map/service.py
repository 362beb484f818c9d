"""MapService: the installed map as the rest of the head unit sees it.

Where the map database lives, the first-start import of the default extract (the bundled
one with the demo fuel stations and chargers of demo-pois.osm), and
thread-safe read access: every worker thread gets its own read-only connection (an
sqlite3 connection must not be used by two threads at once). All methods block and
are meant for the worker executor, never the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from headunit.core.config import Config
from headunit.core.map.geo import BBox
from headunit.services.thread_connections import ThreadConnections

from . import pois
from .schema import open_map, read_meta

if TYPE_CHECKING:
    import sqlite3

    from .routing import RoadGraph, Route

log = logging.getLogger("headunit.map")

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "maps"
DEFAULT_EXTRACT = ASSETS / "helsinki.osm.pbf"
DEMO_POIS = ASSETS / "demo-pois.osm"  # demo data for the simulator; see docs/map.md


def map_database_path(config: Config) -> Path:
    return Path(config.map.database) if config.map.database else Path(config.paths.data_dir) / "maps" / "map.db"


def default_extract_path(config: Config) -> Path:
    return Path(config.map.default_extract) if config.map.default_extract else DEFAULT_EXTRACT


def default_extra_pois(config: Config) -> tuple[Path, ...]:
    """The extra POI files of the first-start import: the demo POIs go with the bundled
    extract only, never with an extract the configuration names."""
    return () if config.map.default_extract else (DEMO_POIS,)


def ensure_map(config: Config, stage: Callable[[str], None] | None = None) -> Path:
    """The map database, importing the default extract first when none is installed.

    `stage("importing")` is called before such an import. Raises importer.MapImportError
    when it fails (the unit then runs without a map).
    """
    path = map_database_path(config)
    if not path.is_file():
        from .importer import import_extract

        extract = default_extract_path(config)
        log.info("no map database at %s: importing %s", path, extract)
        if stage is not None:
            stage("importing")
        report = import_extract(extract, path, extra=default_extra_pois(config))
        log.info("map imported in %.1f s: %s", report.seconds, path)
    return path


class MapService:
    """Read access to one installed map database, from any worker thread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connections = ThreadConnections(lambda: open_map(self.path))
        self._graph: RoadGraph | None = None
        self._graph_lock = threading.Lock()
        self.meta = read_meta(self._conn())

    @property
    def map_id(self) -> str:
        return self.meta.get("map_id", "")

    @property
    def attribution(self) -> str:
        return self.meta.get("attribution", "© OpenStreetMap contributors, ODbL").replace("(c)", "©")

    @property
    def extent(self) -> BBox:
        m = self.meta
        return BBox(float(m["min_lon"]), float(m["min_lat"]), float(m["max_lon"]), float(m["max_lat"]))

    def _conn(self) -> sqlite3.Connection:
        return self._connections.get()

    def pois_in_bbox(self, bbox: BBox, categories: Sequence[str] | None, limit: int) -> list[pois.Poi]:
        return pois.in_bbox(self._conn(), bbox, categories, limit)

    def nearest(self, category: str | None, lat: float, lon: float, limit: int) -> list[pois.Poi]:
        return pois.nearest(self._conn(), category, lat, lon, limit)

    def search(self, text: str, lat: float | None, lon: float | None, limit: int) -> list[pois.Poi]:
        return pois.search(self._conn(), text, lat=lat, lon=lon, limit=limit)

    def poi(self, poi_id: int) -> pois.Poi | None:
        return pois.get(self._conn(), poi_id)

    def graph(self) -> RoadGraph:
        """The road graph, loaded on first use (once, whichever thread asks first)."""
        with self._graph_lock:
            if self._graph is None:
                from .routing import RoadGraph

                self._graph = RoadGraph.load(self._conn())
            return self._graph

    def route(self, origin: tuple[float, float], destination: tuple[float, float]) -> Route:
        """Raises routing.NoRouteError (with a `code`) when there is no route."""
        graph = self.graph()
        with self._graph_lock:
            return graph.route(origin, destination)

    def close(self) -> None:
        self._connections.close()
