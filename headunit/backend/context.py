"""The parts one backend instance shares between its routes: settings, clock, database."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Request

from .clock import Clock
from .db import Database
from .settings import BackendSettings

if TYPE_CHECKING:
    from .signing import UrlSigner

log = logging.getLogger("headunit.backend")


class MapUnusable(Exception):
    """The map database exists but cannot be read as a map; the message says why."""


class Backend:
    def __init__(self, settings: BackendSettings, clock: Clock, db: Database) -> None:
        self.settings = settings
        self.clock = clock
        self.db = db
        self._lock = threading.Lock()
        self._signer: UrlSigner | None = None
        self._media_files: dict[str, Path] | None = None
        self.last_key_purge = float("-inf")
        self._map_stamp: tuple[int, int] | None = None
        self._map_checked = float("-inf")

    def seed_from_map(self) -> None:
        """Upsert the map's parking, fuel and charging POIs when the map file is new or changed.

        The head unit imports its map on its first start, possibly after this backend
        started, and may import another one later: POI routes call this (a stat at most
        every settings.map_check_interval_s), so the backend follows the installed map.
        """
        path = self.settings.map_path
        if path is None:
            return
        with self._lock:
            checked, self._map_checked = self._map_checked, time.monotonic()
            if self._map_checked - checked < self.settings.map_check_interval_s:
                return
            try:
                info = os.stat(path)
            except FileNotFoundError:
                return
            stamp = (info.st_mtime_ns, info.st_size)
            if stamp == self._map_stamp:
                return
            from headunit.services.map.schema import MapSchemaError

            from .pois import map_rows, upsert_pois

            try:
                rows = map_rows(path)
            except MapSchemaError as exc:
                raise MapUnusable(str(exc)) from exc
            with self.db.write() as conn:
                count = upsert_pois(conn, rows)
            self._map_stamp = stamp
            log.info("seeded %d POIs from the map %s", count, path)

    def base_url(self, request: Request) -> str:
        """Where this backend is reached from outside: the setting, else the request's own base URL."""
        if self.settings.public_base_url:
            return self.settings.public_base_url.rstrip("/")
        return str(request.base_url).rstrip("/")

    def signer(self) -> UrlSigner:
        from .signing import UrlSigner

        with self._lock:
            if self._signer is None:
                self._signer = UrlSigner(bytes.fromhex(self.db.meta("signing_secret")))
            return self._signer

    def media_files(self) -> dict[str, Path]:
        """file_id -> WAV path; the demo files are written on first use (not at start-up)."""
        from .media_files import ensure_media_files

        with self._lock:
            if self._media_files is None:
                self._media_files = ensure_media_files(self.settings.media_path)
            return self._media_files


def get_backend(request: Request) -> Backend:
    return request.app.state.backend


def get_backend_following_map(request: Request) -> Backend:
    """The backend, after picking up a new or changed map (a broken new map is logged, and
    the POIs seeded before stay)."""
    backend: Backend = request.app.state.backend
    try:
        backend.seed_from_map()
    except MapUnusable as exc:
        log.warning("the map changed but cannot be read; keeping the POIs seeded before: %s", exc)
    return backend
