"""A parsed scenario and its pure, deterministic evaluation: ``values_at(t)``.

Parsing lives in scenario.py; this module is what a running scenario needs:
keyframes, steps and ramps, and the signals derived from others (IsMoving from
speed, Heading from consecutive positions, the odometer from distance driven).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field

from headunit.core.signals import CATALOGUE, Value

SPEED = "Vehicle.Speed"
IS_MOVING = "Vehicle.IsMoving"
GEAR = "Vehicle.Powertrain.Transmission.SelectedGear"
PARKING_BRAKE = "Vehicle.Chassis.ParkingBrake.IsEngaged"
POWERTRAIN_TYPE = "Vehicle.Powertrain.Type"
FUEL = "Vehicle.Powertrain.FuelSystem.RelativeLevel"
SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"
ODOMETER = "Vehicle.TraveledDistance"
LATITUDE = "Vehicle.CurrentLocation.Latitude"
LONGITUDE = "Vehicle.CurrentLocation.Longitude"
HEADING = "Vehicle.CurrentLocation.Heading"

POWERTRAINS: Mapping[str, str] = {"combustion": "COMBUSTION", "electric": "ELECTRIC"}
MOVING_KMH = 0.1  # derived IsMoving: |speed| at or above this
_ROUNDING = {"float": 3, "double": 7}  # decimals kept when a ramp interpolates
_TIME = re.compile(r"^(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d+)?)$")


def parse_time(text: str) -> float | None:
    """Seconds from '90', '12.5', '1:30' or '1:02:03'; None when it is not a time."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    if minutes is not None and float(seconds) >= 60 or hours is not None and int(minutes) >= 60:
        return None
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds)


def format_time(t: float) -> str:
    """'m:ss' (or 'h:mm:ss'), with tenths when `t` is not whole seconds."""
    minutes, seconds = divmod(t, 60)
    hours, minutes = divmod(int(minutes), 60)
    secs = f"{seconds:02.0f}" if float(seconds).is_integer() else f"{seconds:04.1f}"
    return f"{hours}:{minutes:02d}:{secs}" if hours else f"{minutes}:{secs}"


@dataclass(frozen=True)
class Keyframe:
    t: float
    value: Value
    ramp: bool  # linear from the previous keyframe of the signal, else a step at t
    line: int


@dataclass(frozen=True, eq=False)
class Scenario:
    name: str
    description: str
    duration: float  # seconds
    powertrain: str  # a key of POWERTRAINS
    tracks: Mapping[str, tuple[Keyframe, ...]]  # VSS path -> keyframes, time increasing
    file: str = "<string>"
    _times: dict[str, list[float]] = field(init=False, repr=False)
    _distance: list[float] = field(init=False, repr=False)  # metres driven up to each speed keyframe
    _heading: tuple[list[float], list[float | None]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_times", {p: [k.t for k in ks] for p, ks in self.tracks.items()})
        distance = [0.0]
        speeds = self.tracks.get(SPEED, ())
        for a, b in zip(speeds, speeds[1:]):
            end = b.value if b.ramp else a.value
            distance.append(distance[-1] + _abs_mean(a.value, end) * (b.t - a.t) / 3.6)
        object.__setattr__(self, "_distance", distance)
        object.__setattr__(self, "_heading", self._bearings())

    def values_at(self, t: float) -> dict[str, Value]:
        """Every signal with a keyframe at or before `t` (plus the derived ones), in
        CATALOGUE order. After the end the final values hold."""
        if not t >= 0:
            raise ValueError(f"scenario time must be >= 0, got {t!r}")
        t = min(t, self.duration)
        values: dict[str, Value] = {POWERTRAIN_TYPE: POWERTRAINS[self.powertrain]}
        for path in self.tracks:
            value = self._track_value(path, t)
            if value is not None:
                values[path] = value
        if IS_MOVING not in self.tracks and SPEED in values:
            values[IS_MOVING] = abs(float(values[SPEED])) >= MOVING_KMH
        if HEADING not in self.tracks and (heading := self._heading_at(t)) is not None:
            values[HEADING] = heading
        return {path: values[path] for path in CATALOGUE if path in values}

    def distance_m(self, t: float) -> float:
        """Metres driven from 0 to `t` at the scripted speed (either direction counts)."""
        times, speeds = self._times.get(SPEED, []), self.tracks.get(SPEED, ())
        i = bisect_right(times, t) - 1
        if i < 0:
            return 0.0
        now = self._raw_value(SPEED, i, t)
        return self._distance[i] + _abs_mean(speeds[i].value, now) * (t - speeds[i].t) / 3.6

    def _track_value(self, path: str, t: float) -> Value | None:
        i = bisect_right(self._times[path], t) - 1
        if i < 0:
            return None
        frames = self.tracks[path]
        if path == ODOMETER:
            return int(round(frames[i].value + self.distance_m(t) - self.distance_m(frames[i].t)))
        if i + 1 == len(frames) or not frames[i + 1].ramp or t == frames[i].t:
            return frames[i].value
        raw = self._raw_value(path, i, t)
        datatype = CATALOGUE[path].datatype
        return round(raw, _ROUNDING[datatype]) if datatype in _ROUNDING else int(round(raw))

    def _raw_value(self, path: str, i: int, t: float) -> float:
        frames = self.tracks[path]
        a = frames[i]
        if i + 1 == len(frames) or not frames[i + 1].ramp:
            return float(a.value)
        b = frames[i + 1]
        return float(a.value) + (float(b.value) - float(a.value)) * (t - a.t) / (b.t - a.t)

    def _bearings(self) -> tuple[list[float], list[float | None]]:
        """Bearing of each stretch between position keyframes; a stop keeps the last one."""
        if LATITUDE not in self.tracks or LONGITUDE not in self.tracks:
            return [], []
        times = sorted(set(self._times[LATITUDE]) | set(self._times[LONGITUDE]))
        points = [(self._track_value(LATITUDE, t), self._track_value(LONGITUDE, t)) for t in times]
        bearings: list[float | None] = []
        for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
            moved = None not in (lat1, lon1, lat2, lon2) and (lat1, lon1) != (lat2, lon2)
            bearings.append(_bearing(lat1, lon1, lat2, lon2) if moved else None)
        for k in range(1, len(bearings)):
            bearings[k] = bearings[k] if bearings[k] is not None else bearings[k - 1]
        first = next((b for b in bearings if b is not None), None)
        return times, [b if b is not None else first for b in bearings]

    def _heading_at(self, t: float) -> float | None:
        times, bearings = self._heading
        i = bisect_right(times, t) - 1
        if i < 0 or not bearings:
            return None
        return bearings[min(i, len(bearings) - 1)]


def _abs_mean(a: float, b: float) -> float:
    """Mean of |v| over a linear change from a to b (exact, also across zero)."""
    if a * b >= 0:
        return (abs(a) + abs(b)) / 2
    return (a * a + b * b) / (2 * abs(a - b))


def _bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    heading = round(math.degrees(math.atan2(x, y)) % 360, 1)
    return 0.0 if heading >= 360 else heading


