"""Time for the backend: every expiry and time-of-day rule reads an injected clock.

Tests pass a ManualClock and move it forward instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch (UTC)."""


class SystemClock:
    def now(self) -> float:
        return time.time()


class ManualClock:
    """A clock that stands still until advanced; safe to read from several threads."""

    def __init__(self, start: float) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"a clock only moves forward, not by {seconds} s")
        with self._lock:
            self._now += seconds


def rfc3339(timestamp: float) -> str:
    """'2026-11-21T09:30:00Z': whole seconds, UTC."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(timestamp)))


def rfc3339_or_none(timestamp: float | None) -> str | None:
    return None if timestamp is None else rfc3339(timestamp)
