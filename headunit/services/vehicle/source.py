"""What every vehicle signal source offers (simulator, CAN, replay).

A source runs on its own thread and calls back from there; the Qt layer moves the
callbacks onto the GUI thread. Callbacks must return quickly and never raise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from headunit.core.signals import Sample, Value


class SourceState(StrEnum):
    CONNECTING = "connecting"
    LIVE = "live"
    LOST = "lost"  # the source died (bus down, file ended with an error); retrying with back-off
    ENDED = "ended"  # a finite source (scenario, replay) reached its end
    STOPPED = "stopped"


@dataclass(frozen=True)
class SourceStatus:
    state: SourceState
    detail: str = ""  # for the log and QA: why it was lost, what it retries


SamplesCallback = Callable[[list[Sample]], None]
StatusCallback = Callable[[SourceStatus], None]


class SourceError(ValueError):
    """A source cannot be built from its files (DBC, mapping, scenario): names file, line, field."""


class SignalSource(Protocol):
    name: str

    def start(self, on_samples: SamplesCallback, on_status: StatusCallback) -> None:
        """Begin delivering samples (from a thread of the source's own); returns at once."""

    def stop(self) -> None:
        """Stop delivering and release the bus/file; safe to call twice."""

    def write(self, path: str, value: Value) -> None:
        """Set an actuator (HVAC set-point, fan, seat heating, pre-heat). Raises
        SignalError for an unknown or read-only path or a bad value."""
