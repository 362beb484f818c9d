"""Saving what the player plays (services/media/playback_state) through the worker, so the
GUI thread never touches SQLite: one write at a time and the newest state last, changes
debounced, and the position saved periodically while playing."""

from __future__ import annotations

import logging

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from headunit.services.media.playback_state import load_playback, save_playback

if TYPE_CHECKING:
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

SAVE_DEBOUNCE_MS = 1000  # a change (shuffle, seek) is saved this long after it
SAVE_WHILE_PLAYING_MS = 5000  # the position is saved this often while playing

log = logging.getLogger("headunit.media")


class PlaybackSaver(QObject):
    def __init__(self, tasks: TaskRunner, snapshot: Callable[[], dict[str, Any]],
                 clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._snapshot = snapshot
        self._clock = clock
        self._store: Store | None = None
        self._restored = False  # nothing is saved before the saved state has been read back
        self._saving = False
        self._again = False
        self._debounce = QTimer(self, singleShot=True, interval=SAVE_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.now)
        self._periodic = QTimer(self, interval=SAVE_WHILE_PLAYING_MS)
        self._periodic.timeout.connect(self.now)

    @property
    def busy(self) -> bool:
        """A write is running or due soon."""
        return self._saving or self._debounce.isActive()

    def attach(self, store: Store, restore: Callable[[dict[str, Any] | None], None]) -> None:
        """Read the saved state on the worker and hand it to `restore` (None: nothing usable)."""
        self._store = store

        def restored(state: dict[str, Any] | None) -> None:
            self._restored = True
            restore(state)

        self._tasks.run(load_playback, store, on_done=restored, on_error=lambda _e: restored(None),
                        name="load playback state")

    def soon(self) -> None:
        if not self._debounce.isActive():
            self._debounce.start()

    def set_playing(self, playing: bool) -> None:
        if not playing:
            self._periodic.stop()
        elif not self._periodic.isActive():
            self._periodic.start()

    def now(self) -> None:
        self._debounce.stop()
        if self._store is None or not self._restored:
            return
        if self._tasks.stopped:  # quitting without Startup.prepare_to_quit: nothing can run any more
            log.warning("playback state not saved: the worker has already stopped")
            return
        if self._saving:
            self._again = True
            return
        self._saving = True
        self._tasks.run(save_playback, self._store, self._snapshot(), self._clock(),
                        on_done=self._saved, on_error=self._saved, name="save playback state")

    def _saved(self, _result: object) -> None:
        self._saving = False
        if self._again:
            self._again = False
            self.now()
