"""Map tiles for QML: ``image://maptiles/<map_id>/<style>/<z>/<x>/<y>``.

The provider is a QQuickImageProvider with ForceAsynchronousImageLoading, so Qt calls
it on the engine's image reader thread, never on the GUI thread. That thread takes the
newest request first and drops requests whose Image went away before their turn, which
is what panning and zooming need. One rendering thread is also the measured optimum:
the renderer is Python, and a second thread only fought the first for the GIL (25
tiles: 321 ms on one thread, 379 ms on two).

A tile is looked up in an in-memory LRU of images, then in the SQLite tile cache (PNG),
and only then rendered; a rendered tile is written to the cache on the same thread. A
tile outside the map's extent is plain background and is never stored. The map can be
swapped after a re-import (``set_map``): the next request opens the new file and drops
the old map's tiles from the cache. The image's pixel size is the Image's sourceSize
(256 x device pixel ratio), 256 when none is given.

Two rules keep the GIL from deadlocking Qt's reader thread against the GUI thread
(both found by hanging, see tests/qt/map/test_tile_provider.py):
- Qt asks the provider for its imageType() on the reader thread while it holds the
  reader's mutex. PySide answers the first such call with the GIL (later calls are
  cached), so if the GUI thread held the GIL and wanted that mutex (any Image load
  started from Python code) both would wait forever. MapCanvas therefore loads
  ``image://maptiles/<map_id>/warmup`` from the event loop before any tile.
- Deleting the QML engine waits for the reader thread. Call ``shutdown()`` first: it
  answers remaining requests at once and waits (without the GIL) until none is running.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QImage
from PySide6.QtQml import QQmlEngine, QQmlImageProviderBase
from PySide6.QtQuick import QQuickImageProvider

from headunit.core.map.geo import TILE_SIZE
from headunit.services.map.schema import MapSchemaError
from headunit.services.map.tile_cache import DEFAULT_MAX_BYTES, TileCache, TileKey

from .tile_renderer import LabelLayout, TileSource, covers, plain_tile, render_tile
from .tile_style import TileStyle, tile_style

log = logging.getLogger(__name__)

PROVIDER_ID = "maptiles"
WARMUP_ID = "warmup"
MIN_PIXELS, MAX_PIXELS = 64, 1024
MEMORY_BYTES = 48 * 1024 * 1024  # decoded tiles kept in memory: 192 at 256 px, 48 at 512 px


class TileRequestError(ValueError):
    """A tile id that is not <map_id>/<style>/<z>/<x>/<y>; the message says what is wrong."""


@dataclass(frozen=True)
class TileRequest:
    map_id: str
    style: TileStyle
    z: int
    x: int
    y: int

    @classmethod
    def parse(cls, tile_id: str) -> "TileRequest":
        parts = tile_id.split("?", 1)[0].split("/")
        if len(parts) != 5:
            raise TileRequestError(f"tile id {tile_id!r}: expected <map_id>/<style>/<z>/<x>/<y>")
        map_id, style_name, *numbers = parts
        try:
            z, x, y = (int(n) for n in numbers)
        except ValueError:
            raise TileRequestError(f"tile id {tile_id!r}: zoom, column and row must be integers") from None
        try:
            style = tile_style(style_name)
        except ValueError as exc:
            raise TileRequestError(f"tile id {tile_id!r}: {exc}") from None
        if not 0 <= z <= 22:
            raise TileRequestError(f"tile id {tile_id!r}: zoom {z} outside 0..22")
        return cls(map_id, style, z, x % (1 << z), y)


@dataclass
class TileStats:
    """What the provider did, for the benchmark and tests. Counters only grow."""

    requests: int = 0
    memory_hits: int = 0
    disk_hits: int = 0
    rendered: int = 0
    plain: int = 0
    render_ms: list[float] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)

    @property
    def hit_ratio(self) -> float:
        """Share of map tiles served from memory or the cache file (plain off-map tiles left out)."""
        looked_up = self.memory_hits + self.disk_hits + self.rendered
        return (self.memory_hits + self.disk_hits) / looked_up if looked_up else 0.0


RENDER_NICENESS = 10  # the rendering thread yields the CPU to the GUI thread


class _Local(threading.local):
    source: TileSource | None = None
    generation: int = -1
    niced: bool = False


def _lower_priority() -> None:
    """Make the calling thread (Qt's image reader) nicer, so rendering never delays a frame."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(),
                       min(19, os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) + RENDER_NICENESS))
    except (AttributeError, OSError):  # not Linux, or not allowed: rendering still works
        pass


class MapTiles:
    """Looks tiles up (memory, disk) or renders them; plain Python, safe to call from any thread."""

    def __init__(self, map_path: Path | None, cache_path: Path, memory_bytes: int = MEMORY_BYTES,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if max_bytes <= 0:
            raise ValueError(f"tile cache max_bytes must be positive, got {max_bytes}")
        self._map_path = Path(map_path) if map_path else None
        self._generation = 0
        self._labels = LabelLayout()
        self._lock = threading.Lock()
        self._local = _Local()
        self._memory: OrderedDict[TileKey, QImage] = OrderedDict()
        self._memory_budget = memory_bytes
        self._memory_bytes = 0
        self._cache_path = Path(cache_path)
        self._max_bytes = max_bytes
        self._cache_instance: TileCache | None = None  # opened by the first tile, on the rendering thread
        self._cleaned_for: str | None = None
        self.stats = TileStats()

    def set_map(self, map_path: Path | None) -> None:
        """Use another map file (a re-import); rendering threads reopen it on their next tile."""
        with self._lock:
            self._map_path = Path(map_path) if map_path else None
            self._generation += 1
            self._labels = LabelLayout()
            self._memory.clear()
            self._memory_bytes = 0

    def _source(self) -> TileSource | None:
        local = self._local
        if not local.niced:
            local.niced = True
            _lower_priority()
        with self._lock:
            generation, path, labels = self._generation, self._map_path, self._labels
        if local.generation != generation:
            if local.source is not None:
                local.source.close()
            local.source, local.generation = None, generation
            if path is not None:
                try:
                    local.source = TileSource(path, labels)
                except MapSchemaError as exc:
                    log.warning("map tiles: %s; drawing empty tiles", exc)
        return local.source

    def image(self, request: TileRequest, pixels: int) -> QImage:
        with self._lock:
            self.stats.requests += 1
            self.stats.threads.add(threading.current_thread().name)
        source = self._source()
        if source is None or not 0 <= request.y < (1 << request.z) or not covers(source, request.z, request.x,
                                                                                   request.y):
            with self._lock:
                self.stats.plain += 1
            return plain_tile(request.style, pixels)
        if self._cleaned_for != source.map_id:
            self._cache.keep_only(source.map_id)
            self._cleaned_for = source.map_id
        key = TileKey(source.map_id, f"{request.style.cache_key}@{pixels}", request.z, request.x, request.y)
        with self._lock:
            found = self._memory.get(key)
            if found is not None:
                self._memory.move_to_end(key)
                self.stats.memory_hits += 1
                return found
        png = self._cache.get(key)
        image = QImage.fromData(png, "PNG") if png else QImage()
        if not image.isNull():
            with self._lock:
                self.stats.disk_hits += 1
        else:
            started = time.perf_counter()
            image = render_tile(source, request.z, request.x, request.y, request.style, pixels)
            elapsed = (time.perf_counter() - started) * 1000
            self._cache.put(key, _png(image))
            with self._lock:
                self.stats.rendered += 1
                self.stats.render_ms.append(elapsed)
        with self._lock:
            if key not in self._memory:
                self._memory[key] = image
                self._memory_bytes += image.sizeInBytes()
            while self._memory_bytes > self._memory_budget and len(self._memory) > 1:
                self._memory_bytes -= self._memory.popitem(last=False)[1].sizeInBytes()
        return image

    @property
    def _cache(self) -> TileCache:
        with self._lock:
            if self._cache_instance is None:
                self._cache_instance = TileCache(self._cache_path, self._max_bytes)
            return self._cache_instance

    def close(self) -> None:
        with self._lock:
            cache, self._cache_instance = self._cache_instance, None
        if cache is not None:
            cache.close()


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class TileProvider(QQuickImageProvider):
    """The 'maptiles' image provider; the QML engine owns it, `tiles` does the work."""

    def __init__(self, tiles: MapTiles) -> None:
        super().__init__(QQmlImageProviderBase.ImageType.Image,
                         QQmlImageProviderBase.Flag.ForceAsynchronousImageLoading)
        self.tiles = tiles
        self._lock = threading.Lock()
        self._running = 0
        self._last_request = 0.0
        self._closed = False

    def requestImage(self, tile_id: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802 - Qt's name
        with self._lock:
            self._running += 1
            self._last_request = time.monotonic()
            closed = self._closed
        try:
            image = self._image(tile_id, requested, closed)
        finally:
            with self._lock:
                self._running -= 1
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image

    def _image(self, tile_id: str, requested: QSize, closed: bool) -> QImage:
        if tile_id == WARMUP_ID or tile_id.endswith("/" + WARMUP_ID):
            image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            return image
        pixels = requested.width() if requested.isValid() and requested.width() > 0 else TILE_SIZE
        pixels = max(MIN_PIXELS, min(MAX_PIXELS, pixels))
        try:
            request = TileRequest.parse(tile_id)
        except TileRequestError as exc:
            log.warning("map tiles: %s", exc)
            return QImage()
        if closed:
            return plain_tile(request.style, pixels)
        try:
            return self.tiles.image(request, pixels)
        except Exception:  # a bug must not take the image reader thread down
            log.exception("map tiles: tile %s failed", tile_id)
            return plain_tile(request.style, pixels)

    def set_map(self, map_path: Path | None) -> None:
        self.tiles.set_map(map_path)

    def shutdown(self, timeout: float = 2.0, quiet: float = 0.1) -> bool:
        """Stop rendering and wait until no request has run for `quiet` seconds; call before deleting
        the engine. Returns False if requests were still running at `timeout`."""
        with self._lock:
            self._closed = True
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                idle = self._running == 0 and time.monotonic() - self._last_request >= quiet
            if idle:
                self.tiles.close()
                return True
            time.sleep(0.01)  # releases the GIL for the reader thread
        return False


def install_tile_provider(engine: QQmlEngine, map_path: Path | None, cache_path: Path, *,
                          max_bytes: int = DEFAULT_MAX_BYTES) -> TileProvider:
    """Register the 'maptiles' provider on `engine` (no I/O here: files open with the first tile).

    Keep the returned provider: set_map() after a re-import, shutdown() before the engine goes.
    """
    provider = TileProvider(MapTiles(map_path, cache_path, max_bytes=max_bytes))
    engine.addImageProvider(PROVIDER_ID, provider)
    return provider
