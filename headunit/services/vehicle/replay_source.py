"""The replay source: a recorded CAN log played through the same CanCodec as the bus.

The file is read once when the source is built, so a missing or corrupt log is refused
at start (SourceError naming the file and, for text logs, the line) instead of ending a
QA run half-way. Playback keeps the recorded timing (scaled by `speed`; long pauses are
cut to `max_gap`) on its own clock, so tests can drive it without sleeping.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import can
from can.io.player import MESSAGE_READERS

from headunit.services.vehicle.can_codec import CanCodec
from headunit.services.vehicle.can_source import SampleBatcher
from headunit.services.vehicle.source import (
    SamplesCallback,
    SourceError,
    SourceState,
    SourceStatus,
    StatusCallback,
)

# Formats python-can reads and writes both (recorder.py writes the same set).
LOG_SUFFIXES = (".log", ".asc", ".blf", ".trc", ".csv")
_TEXT_SUFFIXES = (".log", ".asc", ".trc", ".csv")


class _Lines:
    """A text file that counts the lines python-can's reader has taken from it."""

    def __init__(self, file: IO[str]) -> None:
        self._file, self.line = file, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        text = next(self._file)
        self.line += 1
        return text

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def read_log(file: Path) -> Iterator[can.Message]:
    """The frames of a CAN log; SourceError (FILE:LINE) where python-can cannot parse it."""
    suffix = file.suffix.lower()
    if suffix not in LOG_SUFFIXES:
        raise SourceError(f"{file}: cannot replay {suffix or 'a file without extension'} files "
                          f"(supported: {', '.join(LOG_SUFFIXES)})")
    lines: _Lines | None = None
    frames = 0
    try:
        if suffix in _TEXT_SUFFIXES:
            lines = _Lines(file.open(encoding="utf-8", errors="replace"))
            reader = MESSAGE_READERS[suffix](file=lines)
        else:
            reader = MESSAGE_READERS[suffix](file=file)
            _check_blf_size(file, reader)
    except SourceError:
        raise
    except OSError as exc:
        raise SourceError(f"{file}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # noqa: BLE001 - readers raise ValueError, BLFParseError, struct.error...
        raise SourceError(f"{file}: not a {suffix} CAN log: {exc}") from None
    try:
        for msg in reader:
            frames += 1
            yield msg
    except Exception as exc:  # noqa: BLE001
        where = f"{file}:{lines.line}" if lines is not None else f"{file} (after frame {frames})"
        raise SourceError(f"{where}: cannot parse: {exc or type(exc).__name__}") from None
    finally:
        reader.stop()


def _check_blf_size(file: Path, reader: Any) -> None:
    """python-can reads a cut BLF up to the cut without a word; its header knows the size."""
    expected, actual = getattr(reader, "file_size", 0), file.stat().st_size
    if expected and actual < expected:
        reader.stop()
        raise SourceError(f"{file}: truncated BLF: {actual} of {expected} bytes")


def scan_log(file: Path) -> tuple[int, float]:
    """(frames, seconds) of a log; SourceError if it cannot be parsed or holds no frame."""
    count, first, last = 0, math.nan, math.nan
    for msg in read_log(file):
        count += 1
        first = msg.timestamp if count == 1 else first
        last = msg.timestamp
    if count == 0:
        raise SourceError(f"{file}: no CAN frames in this {file.suffix} log")
    return count, max(0.0, last - first)


class ReplaySource:
    """SignalSource playing a CAN log; ENDED at its end unless `loop`."""

    name = "replay"

    def __init__(self, codec: CanCodec, file: Path | str, *, speed: float = 1.0,
                 loop: bool = False, max_gap: float = 5.0, batch_interval: float = 0.01,
                 changes_only: bool = True, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time,
                 wait: Callable[[float], bool] | None = None) -> None:
        if not speed > 0:
            raise ValueError(f"speed must be > 0 (math.inf: as fast as possible), got {speed!r}")
        self.codec, self.file = codec, Path(file)
        self.frames, self.duration = scan_log(self.file)
        self.speed, self.loop, self.max_gap = speed, loop, max_gap
        self._interval, self._changes_only = batch_interval, changes_only
        self._clock, self._wall = clock, wall
        self._stop = threading.Event()
        self._wait = wait or self._stop.wait  # True when stop() was called
        self._thread: threading.Thread | None = None
        self._on_status: StatusCallback = lambda status: None
        self.status = SourceStatus(SourceState.STOPPED)
        self.frames_played = 0

    def start(self, on_samples: SamplesCallback, on_status: StatusCallback) -> None:
        if self._thread is not None:
            raise RuntimeError("ReplaySource.start() called twice")
        self._on_status = on_status
        batcher = SampleBatcher(on_samples, self._interval, self._changes_only)
        self._thread = threading.Thread(target=self._run, args=(batcher,), name="can-replay", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def write(self, path: str, value: object) -> None:
        """A recording cannot be steered; the request is checked and then dropped."""
        self.codec.encode(path, value)

    def _report(self, state: SourceState, detail: str = "") -> None:
        self.status = SourceStatus(state, detail)
        try:
            self._on_status(self.status)
        except Exception:  # noqa: BLE001 - a faulty consumer must not kill playback
            pass

    def _run(self, batcher: SampleBatcher) -> None:
        self._report(SourceState.LIVE, f"replaying {self.file.name}: {self.frames} frames, "
                                       f"{self.duration:.1f} s at {self.speed:g}x")
        start, wall_start, base = self._clock(), self._wall(), 0.0
        try:
            while True:
                at = self._play_once(batcher, start, wall_start, base)
                if at is None:
                    self._report(SourceState.STOPPED)
                    return
                if not self.loop:
                    break
                base = at
            batcher.flush()
            self._report(SourceState.ENDED, f"end of {self.file.name} after {self.frames_played} frames")
        except SourceError as exc:  # the file changed since it was checked
            batcher.flush()
            self._report(SourceState.LOST, str(exc))

    def _play_once(self, batcher: SampleBatcher, start: float, wall_start: float,
                   base: float) -> float | None:
        """Play the file once from playback time `base`; the time reached, None if stopped."""
        first = previous = None
        skipped, at = 0.0, base
        with contextlib.closing(read_log(self.file)) as frames:
            for msg in frames:
                if first is None:
                    first = previous = msg.timestamp
                gap = msg.timestamp - previous
                if gap > self.max_gap:  # a car parked overnight does not stall the replay
                    skipped += gap - self.max_gap
                previous = msg.timestamp
                at = max(at, base + (msg.timestamp - first - skipped) / self.speed)
                if not self._pace(batcher, start + at):
                    return None
                batcher.add(self.codec.decode(msg, wall_start + at), self._clock())
                self.frames_played += 1
        return at

    def _pace(self, batcher: SampleBatcher, target: float) -> bool:
        """Wait until `target`, flushing a batch that falls due first; False if stopped."""
        now = self._clock()
        due = batcher.due_in(now)
        if due is not None and due <= max(0.0, target - now):
            if due > 0 and self._wait(due):
                return False
            batcher.flush()
            now = self._clock()
        if target > now and self._wait(target - now):
            return False
        return not self._stop.is_set()
