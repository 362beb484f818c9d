"""The parts one backend instance shares between its routes: settings, clock, database."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Request

from .clock import Clock
from .db import Database
from .settings import BackendSettings

if TYPE_CHECKING:
    from .signing import UrlSigner


class Backend:
    def __init__(self, settings: BackendSettings, clock: Clock, db: Database) -> None:
        self.settings = settings
        self.clock = clock
        self.db = db
        self._lock = threading.Lock()
        self._signer: UrlSigner | None = None
        self._media_files: dict[str, Path] | None = None
        self.last_key_purge = float("-inf")

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
