"""The live CAN source: python-can bus -> CanCodec -> batched samples.

One reader thread owns the bus. A bus that cannot be opened or dies is reported LOST and
reopened with exponential back-off and jitter (0.5 s doubling to 10 s by default), so a
flaky adapter neither spins the CPU nor needs a restart. Samples are handed over in
batches at most every `batch_interval` (10 ms): at 1,000 frames/s the GUI thread gets
~100 calls/s with the latest value of each changed path, not 1,000 single samples.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from typing import Any

import can

from headunit.core.signals import Quality, Sample, Value
from headunit.services.vehicle.can_codec import CanCodec
from headunit.services.vehicle.source import (
    SamplesCallback,
    SourceState,
    SourceStatus,
    StatusCallback,
)

log = logging.getLogger(__name__)

BusFactory = Callable[[], can.BusABC]
_POLL = 0.05  # longest recv() wait: bounds how long stop() takes


class SampleBatcher:
    """Collects samples and delivers the latest per path once per interval."""

    def __init__(self, deliver: SamplesCallback, interval: float, changes_only: bool = True) -> None:
        self.interval, self.changes_only = interval, changes_only
        self._deliver = deliver
        self._pending: dict[str, Sample] = {}
        self._since = 0.0
        self._delivered: dict[str, tuple[Value, Quality]] = {}

    def add(self, samples: list[Sample], now: float) -> None:
        if samples and not self._pending:
            self._since = now
        for sample in samples:
            self._pending[sample.path] = sample

    def due_in(self, now: float) -> float | None:
        """Seconds until the pending batch is due (<= 0: now), None when nothing is pending."""
        return None if not self._pending else self._since + self.interval - now

    def flush(self) -> None:
        pending, self._pending = self._pending, {}
        out = [s for s in pending.values()
               if not self.changes_only or self._delivered.get(s.path) != (s.value, s.quality)]
        for sample in out:
            self._delivered[sample.path] = (sample.value, sample.quality)
        if out:
            try:
                self._deliver(out)
            except Exception:  # noqa: BLE001 - a faulty consumer must not kill the reader
                log.exception("samples callback failed")

    def forget(self) -> None:
        """After LOST the consumer marked everything stale: deliver every value again."""
        self._delivered.clear()


class CanSource:
    """SignalSource reading a python-can bus (socketcan on boards, virtual in tests)."""

    name = "can"

    def __init__(self, codec: CanCodec, interface: str, channel: str, *,
                 bus_factory: BusFactory | None = None, batch_interval: float = 0.01,
                 backoff_initial: float = 0.5, backoff_max: float = 10.0,
                 silence_timeout: float | None = 3.0, changes_only: bool = True,
                 clock: Callable[[], float] = time.time, rng: random.Random | None = None,
                 **bus_kwargs: Any) -> None:
        self.codec = codec
        self.where = f"{interface}:{channel}"
        self._factory = bus_factory or (
            lambda: can.Bus(interface=interface, channel=channel, **bus_kwargs))
        self._interval, self._changes_only = batch_interval, changes_only
        self._backoff = (backoff_initial, backoff_max)
        self._silence = silence_timeout
        self._clock, self._rng = clock, rng or random.Random()
        self._stop = threading.Event()
        self._lock = threading.Lock()  # guards _bus between the reader and write()
        self._bus: can.BusABC | None = None
        self._thread: threading.Thread | None = None
        self._on_status: StatusCallback = lambda status: None
        self.status = SourceStatus(SourceState.STOPPED)
        self.frames_received = 0
        self.reconnects = 0
        self.writes_dropped = 0

    def start(self, on_samples: SamplesCallback, on_status: StatusCallback) -> None:
        if self._thread is not None:
            raise RuntimeError("CanSource.start() called twice")
        self._on_status = on_status
        batcher = SampleBatcher(on_samples, self._interval, self._changes_only)
        self._report(SourceState.CONNECTING, f"opening {self.where}")
        self._thread = threading.Thread(target=self._run, args=(batcher,), name="can-source", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def write(self, path: str, value: Value) -> None:
        """Send the request frame. Fire and forget, as on a real car: the status frame
        (HVAC_Status) confirms the change. With no bus the request is dropped and logged,
        never queued: a pre-heat request must not fire an hour later."""
        frame = self.codec.encode(path, value)
        with self._lock:
            if self._bus is None:
                self.writes_dropped += 1
                log.warning("CAN %s down: request %s = %r dropped", self.where, path, value)
                return
            try:
                self._bus.send(frame, timeout=0.1)
            except can.CanError as exc:
                self.writes_dropped += 1
                log.warning("CAN %s: request %s = %r not sent: %s", self.where, path, value, exc)

    def _report(self, state: SourceState, detail: str = "") -> None:
        self.status = SourceStatus(state, detail)
        try:
            self._on_status(self.status)
        except Exception:  # noqa: BLE001
            log.exception("status callback failed")

    def _jittered(self, delay: float) -> float:
        return delay * (0.8 + 0.4 * self._rng.random())

    def _run(self, batcher: SampleBatcher) -> None:
        delay = self._backoff[0]
        while not self._stop.is_set():
            try:
                bus = self._factory()
            except Exception as exc:  # noqa: BLE001 - interfaces raise CanError, OSError, ValueError...
                problem = f"cannot open {self.where}: {exc}"
            else:
                with self._lock:
                    self._bus = bus
                self._report(SourceState.LIVE, f"{self.where} open")
                frames_before = self.frames_received
                problem = self._read(bus, batcher)
                with self._lock:
                    self._bus = None
                try:
                    bus.shutdown()
                except Exception:  # noqa: BLE001 - it is already broken
                    log.debug("shutdown of %s failed", self.where, exc_info=True)
                if self.frames_received > frames_before:
                    delay = self._backoff[0]  # it worked for a while: start over
            if problem is None:
                break
            wait = self._jittered(delay)
            self._report(SourceState.LOST, f"{problem}; retrying in {wait:.2g} s")
            batcher.forget()
            delay = min(delay * 2, self._backoff[1])
            if self._stop.wait(wait):
                break
            self.reconnects += 1
        self._report(SourceState.STOPPED)

    def _read(self, bus: can.BusABC, batcher: SampleBatcher) -> str | None:
        """Read until stop() (None) or the bus fails (what went wrong)."""
        last_frame, silent = time.monotonic(), False
        try:
            while not self._stop.is_set():
                due = batcher.due_in(time.monotonic())
                msg = bus.recv(timeout=_POLL if due is None else max(0.0, min(due, _POLL)))
                now = time.monotonic()
                if msg is not None:
                    self.frames_received += 1
                    last_frame = now
                    if silent:
                        silent = False
                        self._report(SourceState.LIVE, f"frames on {self.where} again")
                    batcher.add(self.codec.decode(msg, self._clock()), now)
                elif self._silence is not None and not silent and now - last_frame >= self._silence:
                    batcher.flush()
                    silent = True
                    self._report(SourceState.LOST, f"no frames on {self.where} for {self._silence:g} s")
                    batcher.forget()
                due = batcher.due_in(now)
                if due is not None and due <= 0:
                    batcher.flush()
        except Exception as exc:  # noqa: BLE001 - CanError, OSError, ...: the bus is gone either way
            return f"{self.where} failed: {exc}"
        finally:
            batcher.flush()
        return None
