"""The simulator source: plays a Scenario in (scaled) real time on a thread of its own.

Each tick evaluates the scenario at the current scenario time and delivers only the
samples that changed, so a parked car costs nothing and a ramp costs one sample per
tick. Actuator writes from the head unit override the scenario from then on, the way
a real car's HVAC keeps the driver's set-point whatever the script says.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from headunit.core.signals import Quality, Sample, SignalError, Value, make_sample, spec_of
from headunit.services.vehicle.scenario import Scenario
from headunit.services.vehicle.scenario_model import format_time
from headunit.services.vehicle.source import (
    SamplesCallback, SourceState, SourceStatus, StatusCallback,
)

log = logging.getLogger(__name__)

# What the head unit may set (VSS actuators, plus the pre-heat overlay).
ACTUATORS = frozenset({
    *(f"Vehicle.Cabin.HVAC.Station.Row1.{seat}.{what}"
      for seat in ("Driver", "Passenger") for what in ("Temperature", "FanSpeed")),
    *(f"Vehicle.Cabin.Seat.Row1.{side}.HeatingCooling" for side in ("DriverSide", "PassengerSide")),
    "Vehicle.Cabin.HVAC.Preconditioning.IsActive",
})
JOIN_TIMEOUT_S = 2.0


class ScenarioSource:
    """A SignalSource playing `scenario`: scenario time = elapsed clock time x `speed`.

    After the end the final values hold (ENDED is reported once) and actuator writes
    are still delivered until stop(); with `loop` the scenario starts over instead.
    """

    def __init__(self, scenario: Scenario, clock: Callable[[], float] = time.monotonic,
                 rate_hz: float = 10.0, speed: float = 1.0, loop: bool = False) -> None:
        if not rate_hz > 0 or not speed > 0:
            raise ValueError(f"rate_hz and speed must be > 0, got {rate_hz!r} and {speed!r}")
        self.name = f"scenario:{scenario.name}"
        self.scenario = scenario
        self._clock = clock
        self._period = 1.0 / rate_hz
        self._speed = speed
        self._loop = loop
        self._lock = threading.Lock()
        self._overrides: dict[str, Value] = {}
        self._origin = 0.0  # scenario time at `_anchor` on the clock
        self._anchor: float | None = None  # None until start()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._delivered: dict[str, tuple[Value, Quality]] = {}

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def now(self) -> float:
        """Scenario time now, in seconds; past the duration once the end is reached (unless looping)."""
        with self._lock:
            return self._now_locked()

    def _now_locked(self) -> float:
        if self._anchor is None:
            return self._origin
        return self._origin + (self._clock() - self._anchor) * self._speed

    def seek(self, t: float) -> None:
        """Jump to scenario time `t`; the next tick delivers what differs there."""
        if not 0 <= t <= self.scenario.duration:
            raise ValueError(f"seek to {t!r}: expected 0..{self.scenario.duration:g} s")
        with self._lock:
            self._origin = t
            self._anchor = None if self._anchor is None else self._clock()

    def start(self, on_samples: SamplesCallback, on_status: StatusCallback) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self.name} was already started")
        with self._lock:
            self._anchor = self._clock()
        self._thread = threading.Thread(target=self._run, args=(on_samples, on_status),
                                        name=f"vehicle-{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(JOIN_TIMEOUT_S)

    def write(self, path: str, value: Value) -> None:
        spec = spec_of(path)
        if path not in ACTUATORS:
            raise SignalError(f"{path} is not an actuator the head unit may set")
        typed = spec.coerce(value)
        if spec.quality_of(typed) is not Quality.VALID:
            raise SignalError(f"{path}: {typed!r} is out of range (expected {spec.min}..{spec.max} {spec.unit or ''})")
        with self._lock:
            self._overrides[path] = typed

    def _scenario_time(self) -> float:
        """The time to evaluate now; wraps to the start when looping."""
        duration = self.scenario.duration
        with self._lock:
            t = self._now_locked()
            if self._loop and t >= duration:
                self._origin, self._anchor = t % duration, self._clock()
                t = self._origin
            return min(t, duration)

    def _changed_samples(self, t: float) -> list[Sample]:
        values = self.scenario.values_at(t)
        with self._lock:
            values.update(self._overrides)
        stamp = time.time()
        changed = []
        for path, value in values.items():
            sample = make_sample(path, value, stamp)
            if self._delivered.get(path) != (sample.value, sample.quality):
                self._delivered[path] = (sample.value, sample.quality)
                changed.append(sample)
        return changed

    def _run(self, on_samples: SamplesCallback, on_status: StatusCallback) -> None:
        on_status(SourceStatus(SourceState.LIVE, f"scenario {self.scenario.name} ({self.scenario.file})"))
        ended = False
        try:
            while True:
                t = self._scenario_time()
                changed = self._changed_samples(t)
                if changed:
                    on_samples(changed)
                at_end = t >= self.scenario.duration
                if at_end != ended:
                    ended = at_end
                    state = SourceState.ENDED if ended else SourceState.LIVE
                    on_status(SourceStatus(state, f"scenario {self.scenario.name} at {format_time(t)}"))
                if self._stopping.wait(self._period):
                    break
        except Exception as error:  # a bug, not bad input: say so instead of dying silently
            log.exception("scenario source %s failed", self.name)
            on_status(SourceStatus(SourceState.LOST, f"{type(error).__name__}: {error}"))
            return
        on_status(SourceStatus(SourceState.STOPPED, f"scenario {self.scenario.name} stopped"))
