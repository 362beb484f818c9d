"""Driving restrictions (driver distraction): the one engine every view asks.

Defaults follow the NHTSA visual-manual guidelines and Android's CarUxRestrictions;
the limits are configuration (`RestrictionLimits`), since markets differ.

States:
- PARKED: gear P, or parking brake engaged, at standstill. Nothing is restricted.
- STOPPED: in gear, (nearly) standing. The keyboard and long lists come back, but
  video and payment confirmation stay parked-only: a driver stopped at a light is
  still in traffic.
- MOVING: every moving limit applies.

Fail-safe: unknown inputs (None: no data yet, stale or out-of-range values) never
relax anything. With no data at all the engine starts, and stays, MOVING; only gear P
or an engaged parking brake, known at a standstill that is not contradicted, gives
PARKED. Losing the speed while STOPPED goes to MOVING at once.

Pure and instant: the Qt layer calls `update` on every change of an input signal
(so restrictions apply well within 100 ms) and `tick` at `next_deadline()`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from headunit.core.config import RestrictionLimits
from headunit.core.signals import GEAR_PARK, Quality, SignalState, Value

STANDSTILL_KMH: Final = 1.0  # below this a wheel-speed reading is sensor noise around 0

SPEED = "Vehicle.Speed"
IS_MOVING = "Vehicle.IsMoving"
GEAR = "Vehicle.Powertrain.Transmission.SelectedGear"
PARKING_BRAKE = "Vehicle.Chassis.ParkingBrake.IsEngaged"
INPUT_PATHS_IN_ORDER: Final = (SPEED, IS_MOVING, GEAR, PARKING_BRAKE)
INPUT_PATHS: Final = frozenset(INPUT_PATHS_IN_ORDER)  # a change of any: call update


def _valid(signals: SignalState, path: str) -> Value | None:
    sample = signals.get(path)
    return sample.value if sample is not None and sample.quality is Quality.VALID else None


class DrivingState(StrEnum):
    PARKED = "parked"
    STOPPED = "stopped"  # stopped in gear, not parked
    MOVING = "moving"


@dataclass(frozen=True)
class Restrictions:
    """What the UI may do now. A limit of None means unlimited."""

    state: DrivingState
    video_allowed: bool
    keyboard_allowed: bool
    payment_confirmation_allowed: bool
    max_list_items: int | None
    max_string_chars: int | None
    max_task_screens: int | None


def restrictions_for(
    state: DrivingState, limits: RestrictionLimits = RestrictionLimits()
) -> Restrictions:
    """The restriction set of a driving state under the configured limits.

    A *_while_moving switch lifts its rule in STOPPED as well: a market that allows
    something while moving cannot forbid it when standing in gear.
    """
    if state is DrivingState.PARKED:
        return Restrictions(state, True, True, True, None, None, None)
    if state is DrivingState.STOPPED:
        return Restrictions(
            state, limits.video_while_moving, True, limits.payment_while_moving, None, None, None
        )
    return Restrictions(
        state,
        video_allowed=limits.video_while_moving,
        keyboard_allowed=limits.keyboard_while_moving,
        payment_confirmation_allowed=limits.payment_while_moving,
        max_list_items=limits.max_list_items,
        max_string_chars=limits.max_string_chars,
        max_task_screens=limits.max_task_screens,
    )


@dataclass(frozen=True)
class DrivingInputs:
    """The engine's inputs; None is unknown (no data, stale or out of range)."""

    speed_kmh: float | None = None
    is_moving: bool | None = None
    gear: int | None = None
    parking_brake: bool | None = None


class _Motion(StrEnum):
    """What the inputs alone say, before hysteresis."""

    PARKED = "parked"  # parked evidence at standstill
    SLOW = "slow"  # below stopped_below_kmh, or IsMoving false with the speed unknown
    BAND = "band"  # between the two thresholds: keep the current state
    FAST = "fast"  # above moving_above_kmh, or IsMoving true with the speed unknown
    UNKNOWN = "unknown"  # nothing known about motion


class RestrictionEngine:
    """Driving state with hysteresis, and its restriction set.

    `update` and `tick` return the active `Restrictions`; `changed` tells whether
    that call changed them (publish only then). Times are seconds on a monotonic
    clock, passed in.

    What the caller must do: call `update` (or `update_from_signals`) whenever one of
    INPUT_PATHS changes value or quality, including when the source is lost and values
    turn stale; after every call, (re)arm one timer for `next_deadline()` (None: cancel
    it) and call `tick` when it fires. Without the tick a stop would stay MOVING until
    the next signal arrives.
    """

    def __init__(self, limits: RestrictionLimits = RestrictionLimits()) -> None:
        self._limits = limits
        self._inputs = DrivingInputs()
        self._slow_since: float | None = None  # start of the current slow run while MOVING
        self._restrictions = restrictions_for(DrivingState.MOVING, limits)
        self.changed = False

    @property
    def state(self) -> DrivingState:
        return self._restrictions.state

    @property
    def restrictions(self) -> Restrictions:
        return self._restrictions

    @property
    def inputs(self) -> DrivingInputs:
        return self._inputs

    def update(
        self,
        now: float,
        speed_kmh: float | None,
        is_moving: bool | None,
        gear: int | None,
        parking_brake: bool | None,
    ) -> Restrictions:
        """Re-evaluate with the latest value of every input (None = unknown)."""
        if speed_kmh is not None and not math.isfinite(speed_kmh):
            speed_kmh = None
        self._inputs = DrivingInputs(speed_kmh, is_moving, gear, parking_brake)
        return self.tick(now)

    def update_from_signals(self, now: float, signals: SignalState) -> Restrictions:
        """`update` from a SignalState: only VALID samples count; stale ones are unknown."""
        speed, moving, gear, brake = (_valid(signals, path) for path in INPUT_PATHS_IN_ORDER)
        return self.update(
            now,
            speed if isinstance(speed, float) else None,
            moving if isinstance(moving, bool) else None,
            gear if isinstance(gear, int) and not isinstance(gear, bool) else None,
            brake if isinstance(brake, bool) else None,
        )

    def tick(self, now: float) -> Restrictions:
        """Re-evaluate the last inputs at `now`, so a running stop hold can complete."""
        state = self._next_state(now, self._motion())
        self.changed = state is not self.state
        if self.changed:
            self._restrictions = restrictions_for(state, self._limits)
        return self._restrictions

    def next_deadline(self) -> float | None:
        """When to call `tick` (or `update`) again though no input changed; None = no need."""
        if self.state is DrivingState.MOVING and self._slow_since is not None:
            return self._slow_since + self._limits.stop_hold_s
        return None

    def _motion(self) -> _Motion:
        speed, is_moving = self._inputs.speed_kmh, self._inputs.is_moving
        # With the speed unknown, gear P or the parking brake is believed unless IsMoving
        # says the vehicle moves.
        at_rest = is_moving is not True if speed is None else abs(speed) < STANDSTILL_KMH
        if at_rest and (self._inputs.gear == GEAR_PARK or self._inputs.parking_brake is True):
            return _Motion.PARKED
        if speed is None:
            if is_moving is None:
                return _Motion.UNKNOWN
            return _Motion.FAST if is_moving else _Motion.SLOW
        if abs(speed) > self._limits.moving_above_kmh:
            return _Motion.FAST
        return _Motion.SLOW if abs(speed) < self._limits.stopped_below_kmh else _Motion.BAND

    def _next_state(self, now: float, motion: _Motion) -> DrivingState:
        if motion is not _Motion.SLOW:
            self._slow_since = None
        if motion is _Motion.PARKED:
            return DrivingState.PARKED
        if motion in (_Motion.FAST, _Motion.UNKNOWN):
            return DrivingState.MOVING
        if self.state is not DrivingState.MOVING:
            return DrivingState.STOPPED  # leaving PARKED, or staying STOPPED: no wait needed
        if motion is _Motion.BAND:
            return DrivingState.MOVING
        if self._slow_since is None:
            self._slow_since = now
        if now >= self._slow_since + self._limits.stop_hold_s:
            self._slow_since = None
            return DrivingState.STOPPED
        return DrivingState.MOVING
