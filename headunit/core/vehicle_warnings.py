"""Vehicle warnings: pure rules from the signal state and the driving state.

Each warning has a stable `code` (the Qt layer translates by code, with `detail` as
arguments) and an English source `message`. Rules read values the way the panel shows
them (`SignalState.value`: valid or stale, never out of range), so a stale low-fuel
reading still warns, next to the one "vehicle data not current" warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final

from headunit.core.config import VehicleConfig
from headunit.core.restrictions import DrivingState
from headunit.core.signals import Quality, SignalState, Value

CRITICAL_FUEL_PERCENT: Final = 5
LOW_BATTERY_PERCENT: Final = 10
CRITICAL_BATTERY_PERCENT: Final = 5
CRITICAL_TYRE_MARGIN_KPA: Final = 40  # critical this far below VehicleConfig.low_tyre_kpa

FUEL = "Vehicle.Powertrain.FuelSystem.RelativeLevel"
BATTERY = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"
DISTANCE_TO_SERVICE = "Vehicle.Service.DistanceToService"
TIME_TO_SERVICE = "Vehicle.Service.TimeToService"

WHEELS: Final = {  # id -> (English name, VSS path)
    f"{row_id}_{side.lower()}": (
        f"{row_name} {side.lower()}", f"Vehicle.Chassis.Axle.{row}.Wheel.{side}.Tire.Pressure"
    )
    for row, row_id, row_name in (("Row1", "front", "front"), ("Row2", "rear", "rear"))
    for side in ("Left", "Right")
}

# (code, id, English name, VSS path): doors follow VSS's driver/passenger sides, since
# the driver sits left or right depending on the market.
OPENINGS: Final = (
    ("door_open", "front_driver", "Front driver's door",
     "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen"),
    ("door_open", "front_passenger", "Front passenger's door",
     "Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen"),
    ("door_open", "rear_driver", "Rear door on the driver's side",
     "Vehicle.Cabin.Door.Row2.DriverSide.IsOpen"),
    ("door_open", "rear_passenger", "Rear door on the passenger's side",
     "Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen"),
    ("trunk_open", "trunk", "Trunk", "Vehicle.Body.Trunk.Rear.IsOpen"),
    ("hood_open", "hood", "Hood", "Vehicle.Body.Hood.IsOpen"),
)


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


_RANK = {Severity.CRITICAL: 0, Severity.WARNING: 1, Severity.INFO: 2}
# Something open: only a note when parked, a warning in gear, critical while moving.
_OPEN_SEVERITY = {
    DrivingState.PARKED: Severity.INFO,
    DrivingState.STOPPED: Severity.WARNING,
    DrivingState.MOVING: Severity.CRITICAL,
}


@dataclass(frozen=True)
class VehicleWarning:
    code: str
    severity: Severity
    message: str  # English source text; the UI translates by code
    detail: dict[str, Value] = field(default_factory=dict, hash=False)


def _number(signals: SignalState, path: str) -> float | None:
    value = signals.value(path)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _level_warning(
    code: str, what: str, level: float | None, low: float, critical: float
) -> list[VehicleWarning]:
    if level is None or level > low:
        return []
    severity = Severity.CRITICAL if level <= critical else Severity.WARNING
    return [VehicleWarning(code, severity, f"{what} low: {level:g} % left", {"percent": level})]


def _tyres(signals: SignalState, low_kpa: int) -> list[VehicleWarning]:
    found = []
    for wheel, (name, path) in WHEELS.items():
        kpa = _number(signals, path)
        if kpa is None or kpa >= low_kpa:
            continue
        critical = kpa < low_kpa - CRITICAL_TYRE_MARGIN_KPA
        message = f"Low tyre pressure, {name}: {kpa:g} kPa"
        found.append(VehicleWarning("low_tyre", Severity.CRITICAL if critical else Severity.WARNING,
                                    message, {"wheel": wheel, "kpa": kpa}))
    return found


def _openings(signals: SignalState, driving: DrivingState) -> list[VehicleWarning]:
    severity = _OPEN_SEVERITY[driving]
    suffix = " while moving" if driving is DrivingState.MOVING else ""
    return [
        VehicleWarning(code, severity, f"{name} open{suffix}", {"opening": opening})
        for code, opening, name, path in OPENINGS
        if signals.value(path) is True
    ]


def _service(signals: SignalState) -> list[VehicleWarning]:
    km, seconds = _number(signals, DISTANCE_TO_SERVICE), _number(signals, TIME_TO_SERVICE)
    overdue = {key: value for key, value in (("km", km), ("seconds", seconds))
               if value is not None and value <= 0}
    if not overdue:
        return []
    return [VehicleWarning("service_due", Severity.WARNING, "Service due", overdue)]


def _data_quality(signals: SignalState) -> list[VehicleWarning]:
    found = []
    stale = [s for s in signals.samples.values() if s.quality is Quality.STALE]
    if stale:
        detail: dict[str, Value] = {"signals": len(stale), "as_of": max(s.timestamp for s in stale)}
        message = "Vehicle data not current"
        found.append(VehicleWarning("stale_data", Severity.WARNING, message, detail))
    for sample in sorted(signals.samples.values(), key=lambda s: s.path):
        if sample.quality is Quality.OUT_OF_RANGE:
            message = f"Signal out of range, not shown: {sample.path}"
            found.append(
                VehicleWarning("out_of_range", Severity.INFO, message, {"path": sample.path})
            )
    return found


def vehicle_warnings(
    signals: SignalState, driving: DrivingState, config: VehicleConfig = VehicleConfig()
) -> list[VehicleWarning]:
    """Every active warning, critical first; within a severity, in a fixed rule order."""
    low_fuel = config.low_fuel_percent
    found = [
        *_level_warning("low_fuel", "Fuel", _number(signals, FUEL), low_fuel,
                        min(CRITICAL_FUEL_PERCENT, low_fuel)),
        *_level_warning("low_battery", "Battery", _number(signals, BATTERY), LOW_BATTERY_PERCENT,
                        CRITICAL_BATTERY_PERCENT),
        *_tyres(signals, config.low_tyre_kpa),
        *_openings(signals, driving),
        *_service(signals),
        *_data_quality(signals),
    ]
    return sorted(found, key=lambda w: _RANK[w.severity])
