"""Vehicle signals: COVESA VSS paths, typed values with units, timestamps, quality.

Pinned release: **VSS 6.0** (``../shared/vss/vss-6.0.json``; COVESA, MPL-2.0). Every
path in CATALOGUE is a VSS 6.0 leaf with the VSS datatype and unit, except the few
marked ``overlay=True``: head-unit additions VSS has no leaf for (pre-heating),
named the VSS way under the branch they belong to. A test checks all of them.

Ranges: VSS min/max where VSS gives them; elsewhere a plausibility range of this
project (``plausible``), so a glitching sensor is flagged, never shown as real.
Pure: no I/O, no clock reads; timestamps are passed in (seconds, float).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

VSS_RELEASE = "6.0"

Value = bool | int | float | str

# VSS gear encoding (Vehicle.Powertrain.Transmission.SelectedGear).
GEAR_PARK = 126
GEAR_DRIVE = 127
GEAR_NEUTRAL = 0
GEAR_REVERSE = -1

_INT_BOUNDS = {
    "uint8": (0, 255), "int8": (-128, 127), "uint16": (0, 65535), "int16": (-32768, 32767),
    "uint32": (0, 2**32 - 1), "int32": (-(2**31), 2**31 - 1),
}
_FLOATS = ("float", "double")


class Quality(StrEnum):
    VALID = "valid"
    STALE = "stale"  # the source stopped delivering; last value kept, not current
    OUT_OF_RANGE = "out_of_range"  # delivered, but outside the allowed range: not shown as real


class SignalError(ValueError):
    """A value that cannot be a reading of this signal at all (unknown path, wrong type)."""


@dataclass(frozen=True)
class SignalSpec:
    path: str
    datatype: str  # VSS datatype: boolean, string, (u)int8/16/32, float, double
    unit: str | None = None
    min: float | None = None  # VSS min, else plausibility limit of this project
    max: float | None = None
    overlay: bool = False  # not a VSS 6.0 leaf: a documented head-unit addition

    def coerce(self, value: object) -> Value:
        """The value as this signal's Python type; SignalError if it cannot be one."""
        if self.datatype == "boolean":
            if isinstance(value, bool):
                return value
            if isinstance(value, int) and value in (0, 1):
                return bool(value)
        elif self.datatype == "string":
            if isinstance(value, str):
                return value
        elif self.datatype in _INT_BOUNDS:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, float) and math.isfinite(value) and value.is_integer():
                return int(value)
        elif self.datatype in _FLOATS:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
        raise SignalError(f"{self.path}: expected a {self.datatype} value, got {value!r}")

    def quality_of(self, value: Value) -> Quality:
        if isinstance(value, float) and not math.isfinite(value):
            return Quality.OUT_OF_RANGE
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            low, high = _INT_BOUNDS.get(self.datatype, (None, None))
            low = self.min if self.min is not None else low
            high = self.max if self.max is not None else high
            if (low is not None and value < low) or (high is not None and value > high):
                return Quality.OUT_OF_RANGE
        return Quality.VALID


@dataclass(frozen=True)
class Sample:
    path: str
    value: Value
    timestamp: float
    quality: Quality = Quality.VALID

    def stale(self) -> Sample:
        return Sample(self.path, self.value, self.timestamp, Quality.STALE)


def _s(path: str, datatype: str, unit: str | None = None, min: float | None = None,
       max: float | None = None, overlay: bool = False) -> SignalSpec:
    return SignalSpec(path, datatype, unit, min, max, overlay)


def _doors() -> list[SignalSpec]:
    specs = []
    for row in ("Row1", "Row2"):
        for side in ("DriverSide", "PassengerSide"):
            door = f"Vehicle.Cabin.Door.{row}.{side}"
            specs += [_s(f"{door}.IsOpen", "boolean"), _s(f"{door}.Window.Position", "uint8", "percent", 0, 100)]
    return specs


def _tyres() -> list[SignalSpec]:
    return [_s(f"Vehicle.Chassis.Axle.{row}.Wheel.{side}.Tire.Pressure", "uint16", "kPa", 0, 600)
            for row in ("Row1", "Row2") for side in ("Left", "Right")]


def _climate() -> list[SignalSpec]:
    specs = []
    for seat in ("Driver", "Passenger"):
        station = f"Vehicle.Cabin.HVAC.Station.Row1.{seat}"
        specs += [_s(f"{station}.Temperature", "float", "Celsius", 14, 30),
                  _s(f"{station}.FanSpeed", "uint8", "percent", 0, 100)]
    for side in ("DriverSide", "PassengerSide"):
        specs.append(_s(f"Vehicle.Cabin.Seat.Row1.{side}.HeatingCooling", "int8", "percent", -100, 100))
    return specs


CATALOGUE: Mapping[str, SignalSpec] = {spec.path: spec for spec in [
    _s("Vehicle.Speed", "float", "km/h", -60, 350),
    _s("Vehicle.IsMoving", "boolean"),
    _s("Vehicle.Powertrain.Transmission.SelectedGear", "int8"),
    _s("Vehicle.Chassis.ParkingBrake.IsEngaged", "boolean"),
    _s("Vehicle.Powertrain.Type", "string"),
    _s("Vehicle.Powertrain.Range", "uint32", "m", 0, 2_000_000),
    _s("Vehicle.Powertrain.FuelSystem.RelativeLevel", "uint8", "percent", 0, 100),
    _s("Vehicle.Powertrain.TractionBattery.StateOfCharge.Current", "float", "percent", 0, 100),
    _s("Vehicle.Powertrain.TractionBattery.Charging.IsCharging", "boolean"),
    _s("Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete", "uint32", "s", 0, 7 * 86_400),
    _s("Vehicle.TraveledDistance", "uint32", "m"),
    _s("Vehicle.Service.DistanceToService", "float", "km", -100_000, 100_000),
    _s("Vehicle.Service.TimeToService", "int32", "s"),
    _s("Vehicle.Exterior.AirTemperature", "float", "Celsius", -60, 70),
    _s("Vehicle.Cabin.HVAC.AmbientAirTemperature", "float", "Celsius", -60, 90),
    _s("Vehicle.Body.Trunk.Rear.IsOpen", "boolean"),
    _s("Vehicle.Body.Hood.IsOpen", "boolean"),
    _s("Vehicle.Cabin.Sunroof.Position", "int8", "percent", -100, 100),
    _s("Vehicle.CurrentLocation.Latitude", "double", "degrees", -90, 90),
    _s("Vehicle.CurrentLocation.Longitude", "double", "degrees", -180, 180),
    _s("Vehicle.CurrentLocation.Heading", "double", "degrees", 0, 360),
    _s("Vehicle.Cabin.HVAC.Preconditioning.IsActive", "boolean", overlay=True),
    # The steering wheel's media keys (a request, so never restored from the last-known store).
    _s("Vehicle.Cabin.Infotainment.Media.Action", "string"),
    *_doors(), *_tyres(), *_climate(),
]}


def spec_of(path: str) -> SignalSpec:
    try:
        return CATALOGUE[path]
    except KeyError:
        raise SignalError(f"unknown signal {path!r} (not in the head unit's VSS {VSS_RELEASE} catalogue)") from None


def make_sample(path: str, value: object, timestamp: float) -> Sample:
    """A reading of `path`: typed by its spec, flagged OUT_OF_RANGE when outside its range."""
    spec = spec_of(path)
    typed = spec.coerce(value)
    return Sample(path, typed, timestamp, spec.quality_of(typed))


def _same(a: Value, b: Value) -> bool:
    """Equal, counting NaN as equal to NaN, so a stuck NaN reading is no change."""
    nan = isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)
    return nan or a == b


@dataclass
class SignalState:
    """The latest sample of every signal seen so far."""

    samples: dict[str, Sample] = field(default_factory=dict)

    def apply(self, sample: Sample) -> bool:
        """Keep `sample`; True when the value or its quality changed."""
        old = self.samples.get(sample.path)
        self.samples[sample.path] = sample
        return old is None or not _same(old.value, sample.value) or old.quality != sample.quality

    def apply_all(self, samples: Iterable[Sample]) -> list[str]:
        return [s.path for s in samples if self.apply(s)]

    def mark_all_stale(self) -> list[str]:
        """The source is gone: every value stays, marked stale. Returns what changed.

        Out-of-range samples stay out of range: marked stale they would read as real.
        """
        changed = [p for p, s in self.samples.items() if s.quality == Quality.VALID]
        for path in changed:
            self.samples[path] = self.samples[path].stale()
        return changed

    def get(self, path: str) -> Sample | None:
        return self.samples.get(path)

    def value(self, path: str, default: Value | None = None) -> Value | None:
        """The value when it can be shown as real (valid or stale), else `default`."""
        sample = self.samples.get(path)
        if sample is None or sample.quality == Quality.OUT_OF_RANGE:
            return default
        return sample.value
