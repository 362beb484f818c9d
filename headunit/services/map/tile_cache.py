"""Rendered map tiles kept as PNG bytes in an MBTiles-style SQLite table, bounded in size.

Tiles are keyed by the map's id (a uuid written at import) and the style's key (name and
version), so a re-import or a style change never shows old tiles. Rows follow MBTiles:
tile_row counts from the south (TMS), tile_column from the west. When the stored bytes
pass ``max_bytes``, the least recently used tiles go until the cache is back under
``low_water`` of it. The cache is a file of its own in the data dir (0600), never the
read-only map database; a file that is not a readable cache is replaced by a fresh one,
since everything in it can be rendered again.

One connection guarded by a lock: the renderer's worker threads share it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
CACHE_VERSION = 1
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_DDL = """
CREATE TABLE IF NOT EXISTS tiles (
    map_id TEXT NOT NULL,
    style TEXT NOT NULL,
    zoom_level INTEGER NOT NULL,
    tile_column INTEGER NOT NULL,
    tile_row INTEGER NOT NULL,          -- TMS: 0 is the southernmost row
    tile_data BLOB NOT NULL,            -- PNG
    last_used INTEGER NOT NULL,         -- a counter, larger is more recent
    PRIMARY KEY (map_id, style, zoom_level, tile_column, tile_row)
);
CREATE INDEX IF NOT EXISTS tiles_last_used ON tiles(last_used);
"""


@dataclass(frozen=True)
class TileKey:
    map_id: str
    style: str
    zoom: int
    x: int  # XYZ column, from the west
    y: int  # XYZ row, from the north

    @property
    def tms_row(self) -> int:
        return (1 << self.zoom) - 1 - self.y


class TileCache:
    """get/put PNG bytes by TileKey; thread-safe; evicts least recently used past max_bytes."""

    def __init__(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES, low_water: float = 0.8) -> None:
        if max_bytes <= 0:
            raise ValueError(f"tile cache max_bytes must be positive, got {max_bytes}")
        if not 0 < low_water <= 1:
            raise ValueError(f"tile cache low_water must be in (0, 1], got {low_water}")
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.low_water = low_water
        self._lock = threading.Lock()
        self._conn = self._open()
        self._clock, self._bytes = self._conn.execute(
            "SELECT coalesce(max(last_used), 0), coalesce(sum(length(tile_data)), 0) FROM tiles").fetchone()

    # -- opening -------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            log.warning("tile cache %s is unreadable (%s); starting a new one", self.path, exc)
            self._remove_files()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        fd = os.open(self.path, os.O_CREAT | os.O_RDWR, FILE_MODE)
        os.close(fd)
        os.chmod(self.path, FILE_MODE)
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, CACHE_VERSION):
                conn.close()
                log.info("tile cache %s has version %s, this software writes %s; starting a new one",
                         self.path, version, CACHE_VERSION)
                self._remove_files()
                return self._connect()
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(_DDL)
            conn.execute(f"PRAGMA user_version = {CACHE_VERSION}")
            conn.execute("SELECT count(*) FROM tiles").fetchone()
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def _recover(self, exc: sqlite3.DatabaseError) -> None:
        """The file went bad under us (truncated, overwritten): start again with an empty cache."""
        log.warning("tile cache %s failed (%s); starting a new one", self.path, exc)
        try:
            self._conn.close()
        except sqlite3.Error:
            pass
        self._remove_files()
        self._conn = self._connect()
        self._clock, self._bytes = 0, 0

    # -- use -----------------------------------------------------------------------------

    def get(self, key: TileKey) -> bytes | None:
        """The tile's PNG bytes, or None; a hit becomes the most recently used."""
        where = (key.map_id, key.style, key.zoom, key.x, key.tms_row)
        with self._lock:
            try:
                row = self._conn.execute(
                    "SELECT tile_data FROM tiles WHERE map_id = ? AND style = ? AND zoom_level = ? "
                    "AND tile_column = ? AND tile_row = ?", where).fetchone()
                if row is None:
                    return None
                self._clock += 1
                self._conn.execute(
                    "UPDATE tiles SET last_used = ? WHERE map_id = ? AND style = ? AND zoom_level = ? "
                    "AND tile_column = ? AND tile_row = ?", (self._clock, *where))
                return bytes(row[0])
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
                return None

    def put(self, key: TileKey, png: bytes) -> None:
        """Store (or replace) a tile, then evict the least recently used past max_bytes."""
        if not png:
            raise ValueError(f"tile {key}: empty tile data")
        with self._lock:
            try:
                self._put(key, png)
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
                self._put(key, png)

    def _put(self, key: TileKey, png: bytes) -> None:
        where = (key.map_id, key.style, key.zoom, key.x, key.tms_row)
        old = self._conn.execute(
            "SELECT length(tile_data) FROM tiles WHERE map_id = ? AND style = ? AND zoom_level = ? "
            "AND tile_column = ? AND tile_row = ?", where).fetchone()
        self._clock += 1
        self._conn.execute(
            "INSERT OR REPLACE INTO tiles(map_id, style, zoom_level, tile_column, tile_row, tile_data, last_used) "
            "VALUES (?,?,?,?,?,?,?)", (*where, sqlite3.Binary(png), self._clock))
        self._bytes += len(png) - (old[0] if old else 0)
        if self._bytes > self.max_bytes:
            self._evict(int(self.max_bytes * self.low_water))

    def _evict(self, target: int) -> None:
        self._conn.execute("BEGIN")
        removed = 0
        for rowid, size in self._conn.execute(
                "SELECT rowid, length(tile_data) FROM tiles ORDER BY last_used").fetchall():
            if self._bytes - removed <= target:
                break
            self._conn.execute("DELETE FROM tiles WHERE rowid = ?", (rowid,))
            removed += size
        self._conn.execute("COMMIT")
        self._bytes -= removed

    def keep_only(self, map_id: str) -> int:
        """Drop the tiles of every other map (after a re-import); returns how many went."""
        with self._lock:
            try:
                gone = self._conn.execute("DELETE FROM tiles WHERE map_id != ?", (map_id,)).rowcount
                self._bytes = self._conn.execute(
                    "SELECT coalesce(sum(length(tile_data)), 0) FROM tiles").fetchone()[0]
                return gone
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
                return 0

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM tiles").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
