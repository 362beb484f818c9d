"""Coalesce change notifications: each key notifies at most `max_rate_hz` times a
second. The first change after a quiet spell goes out at once (low latency); changes
inside the window are folded into one notification at its end."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer


class Coalescer(QObject):
    def __init__(self, notify: Callable[[set[str]], None], max_rate_hz: float = 30.0,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notify = notify
        self._interval = 1.0 / max_rate_hz
        self._clock = clock
        self._dirty: set[str] = set()
        self._last_flush = -float("inf")
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.flush)

    def request(self, keys: Iterable[str]) -> None:
        self._dirty.update(keys)
        if not self._dirty or self._timer.isActive():
            return
        wait = self._last_flush + self._interval - self._clock()
        if wait <= 0:
            self.flush()
        else:
            self._timer.start(max(1, round(wait * 1000)))

    def flush(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        keys, self._dirty = self._dirty, set()
        self._last_flush = self._clock()
        self._notify(keys)
