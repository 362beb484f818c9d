"""The vehicle's state for QML: energy, body, tyres, climate, trip, data freshness.

Samples arrive on the GUI thread (VehicleFeed moves them there) and are kept in a
core SignalState. Properties are grouped; each group notifies at most 30 times a
second (Coalescer), so a 1,000-frame/s bus never floods QML. Unknown numbers are NaN
(QML shows a dash); out-of-range values are never shown as real.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime

from PySide6.QtCore import Property, QLocale, QObject, QTime, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.config import VehicleConfig
from headunit.core.restrictions import DrivingState
from headunit.core.signals import GEAR_DRIVE, GEAR_NEUTRAL, GEAR_PARK, Quality, Sample, SignalState
from headunit.core.vehicle_warnings import vehicle_warnings
from headunit.qt.coalescer import Coalescer
from headunit.qt.stores.warning_model import WarningListModel

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

V = "Vehicle."
DOORS = {"frontLeft": "Cabin.Door.Row1.DriverSide", "frontRight": "Cabin.Door.Row1.PassengerSide",
         "rearLeft": "Cabin.Door.Row2.DriverSide", "rearRight": "Cabin.Door.Row2.PassengerSide"}
WHEELS = {"frontLeft": "Row1.Wheel.Left", "frontRight": "Row1.Wheel.Right",
          "rearLeft": "Row2.Wheel.Left", "rearRight": "Row2.Wheel.Right"}
HVAC = V + "Cabin.HVAC."
PRECONDITIONING = HVAC + "Preconditioning.IsActive"


def _group_of(path: str) -> str:
    rest = path.removeprefix(V)
    if rest.startswith(("Speed", "IsMoving", "Powertrain.Transmission", "Chassis.ParkingBrake", "CurrentLocation")):
        return "motion"
    if rest.startswith("Powertrain"):
        return "energy"
    if rest.startswith(("Cabin.Door", "Body", "Cabin.Sunroof")):
        return "body"
    if rest.startswith("Chassis.Axle"):
        return "tyres"
    if rest.startswith(("Cabin.HVAC", "Cabin.Seat", "Exterior")):
        return "climate"
    return "trip"


@QmlElement
@QmlUncreatable("VehicleStore is created by the application")
class VehicleStore(QObject):
    motionChanged = Signal()
    energyChanged = Signal()
    bodyChanged = Signal()
    tyresChanged = Signal()
    climateChanged = Signal()
    tripChanged = Signal()
    dataStateChanged = Signal()
    # Commands QML sends; VehicleFeed writes them to the source off the GUI thread.
    writeRequested = Signal(str, object)
    preheatNowRequested = Signal()
    preheatScheduleRequested = Signal(int, int)
    preheatCancelRequested = Signal()

    def __init__(self, config: VehicleConfig = VehicleConfig(), locale: QLocale | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = SignalState()
        self._config = config
        self._locale = locale or QLocale()
        self._driving = DrivingState.MOVING
        self._warnings = WarningListModel(self)
        self._data_state = "none"  # none | lastKnown | live | stale
        self._as_of = ""
        self._preheat_due = ""
        self._listeners: list[Callable[[list[str]], None]] = []
        self._coalescer = Coalescer(self._notify, parent=self)

    # -- feeding (GUI thread) -------------------------------------------------
    def apply_samples(self, samples: Iterable[Sample]) -> list[str]:
        """Keep the samples; schedule notifications; return the paths that changed."""
        changed = self.state.apply_all(samples)
        self._changed(changed)
        return changed

    def _changed(self, paths: list[str]) -> None:
        """Tell listeners at once and schedule QML's (coalesced) notifications."""
        if paths:
            self._coalescer.request({_group_of(p) for p in paths})
            for listener in self._listeners:
                listener(paths)

    def flush(self) -> None:
        """Send pending notifications now instead of at the end of the coalescing window."""
        self._coalescer.flush()

    def on_change(self, listener: Callable[[list[str]], None]) -> None:
        """Call `listener(paths)` at once (not coalesced) whenever signals change."""
        self._listeners.append(listener)

    def load_last_known(self, samples: list[Sample], as_of: datetime | None) -> None:
        """Show stored values, marked "as of HH:MM", until live data arrives."""
        if self._data_state == "live" or not samples:
            return
        self.apply_samples(s.stale() for s in samples)
        if as_of is not None:
            self._as_of = self._locale.toString(QTime(as_of.hour, as_of.minute), QLocale.FormatType.ShortFormat)
        self._set_data_state("lastKnown")

    def set_live(self, live: bool) -> None:
        if live:
            if self._data_state == "lastKnown":
                # Restored values are not carried into live data: what the live
                # source never sends must not linger as "not current".
                restored = [p for p, s in self.state.samples.items() if s.quality == Quality.STALE]
                for path in restored:
                    del self.state.samples[path]
                self._changed(restored)
            self._set_data_state("live")
        elif self._data_state == "live":
            self._changed(self.state.mark_all_stale())
            self._set_data_state("stale")

    def set_driving_state(self, state: DrivingState) -> None:
        """Warnings depend on it (a door open while moving is critical)."""
        if state != self._driving:
            self._driving = state
            self._update_warnings()

    def _update_warnings(self) -> None:
        self._warnings.set_warnings(vehicle_warnings(self.state, self._driving, self._config))

    def _set_data_state(self, state: str) -> None:
        if state != self._data_state:
            self._data_state = state
            self.dataStateChanged.emit()

    def _notify(self, groups: set[str]) -> None:
        for group in sorted(groups):
            getattr(self, f"{group}Changed").emit()
        self._update_warnings()

    # -- reading ---------------------------------------------------------------
    def _num(self, path: str) -> float:
        value = self.state.value(V + path)
        return math.nan if value is None or isinstance(value, bool) else float(value)

    def _flag(self, path: str) -> bool:
        return bool(self.state.value(V + path, False))

    def _get_data_state(self) -> str:
        return self._data_state

    dataState = Property(str, _get_data_state, notify=dataStateChanged)
    asOfText = Property(str, lambda self: self._as_of, notify=dataStateChanged)

    speedKmh = Property(float, lambda self: self._num("Speed"), notify=motionChanged)

    def _gear_text(self) -> str:
        gear = self.state.value(V + "Powertrain.Transmission.SelectedGear")
        if gear is None:
            return ""
        return {GEAR_PARK: "P", GEAR_DRIVE: "D", GEAR_NEUTRAL: "N"}.get(gear, "R" if gear < 0 else str(gear))

    gearText = Property(str, _gear_text, notify=motionChanged)

    def _electric(self) -> bool:
        return self.state.value(V + "Powertrain.Type") == "ELECTRIC"

    isElectric = Property(bool, _electric, notify=energyChanged)
    rangeKm = Property(float, lambda self: self._num("Powertrain.Range") / 1000, notify=energyChanged)
    fuelPercent = Property(float, lambda self: self._num("Powertrain.FuelSystem.RelativeLevel"), notify=energyChanged)
    socPercent = Property(float, lambda self: self._num("Powertrain.TractionBattery.StateOfCharge.Current"),
                          notify=energyChanged)
    charging = Property(bool, lambda self: self._flag("Powertrain.TractionBattery.Charging.IsCharging"),
                        notify=energyChanged)
    chargeMinutesLeft = Property(
        float, lambda self: self._num("Powertrain.TractionBattery.Charging.TimeToComplete") / 60, notify=energyChanged)

    doors = Property("QVariantMap", lambda self: {k: self._flag(p + ".IsOpen") for k, p in DOORS.items()},
                     notify=bodyChanged)
    windows = Property("QVariantMap", lambda self: {k: self._num(p + ".Window.Position") for k, p in DOORS.items()},
                       notify=bodyChanged)
    trunkOpen = Property(bool, lambda self: self._flag("Body.Trunk.Rear.IsOpen"), notify=bodyChanged)
    hoodOpen = Property(bool, lambda self: self._flag("Body.Hood.IsOpen"), notify=bodyChanged)
    sunroofPercent = Property(float, lambda self: self._num("Cabin.Sunroof.Position"), notify=bodyChanged)

    tyres = Property("QVariantMap",
                     lambda self: {k: self._num(f"Chassis.Axle.{p}.Tire.Pressure") for k, p in WHEELS.items()},
                     notify=tyresChanged)
    lowTyreKpa = Property(int, lambda self: self._config.low_tyre_kpa, constant=True)
    lowFuelPercent = Property(int, lambda self: self._config.low_fuel_percent, constant=True)
    warnings = Property(QObject, lambda self: self._warnings, constant=True)

    outsideTemperature = Property(float, lambda self: self._num("Exterior.AirTemperature"), notify=climateChanged)
    cabinTemperature = Property(float, lambda self: self._num("Cabin.HVAC.AmbientAirTemperature"),
                                notify=climateChanged)
    driverSetpoint = Property(float, lambda self: self._num("Cabin.HVAC.Station.Row1.Driver.Temperature"),
                              notify=climateChanged)
    passengerSetpoint = Property(float, lambda self: self._num("Cabin.HVAC.Station.Row1.Passenger.Temperature"),
                                 notify=climateChanged)
    fanPercent = Property(float, lambda self: self._num("Cabin.HVAC.Station.Row1.Driver.FanSpeed"),
                          notify=climateChanged)
    seatHeatDriver = Property(float, lambda self: self._num("Cabin.Seat.Row1.DriverSide.HeatingCooling"),
                              notify=climateChanged)
    seatHeatPassenger = Property(float, lambda self: self._num("Cabin.Seat.Row1.PassengerSide.HeatingCooling"),
                                 notify=climateChanged)
    preconditioning = Property(bool, lambda self: bool(self.state.value(PRECONDITIONING, False)),
                               notify=climateChanged)

    odometerKm = Property(float, lambda self: self._num("TraveledDistance") / 1000, notify=tripChanged)
    serviceDueKm = Property(float, lambda self: self._num("Service.DistanceToService"), notify=tripChanged)
    serviceDueDays = Property(float, lambda self: self._num("Service.TimeToService") / 86_400, notify=tripChanged)

    # -- pre-heat schedule (set by VehicleFeed from the store) ------------------
    preheatChanged = Signal()

    def set_preheat_due(self, text: str) -> None:
        if text != self._preheat_due:
            self._preheat_due = text
            self.preheatChanged.emit()

    preheatDueText = Property(str, lambda self: self._preheat_due, notify=preheatChanged)

    # -- commands --------------------------------------------------------------
    def _write(self, path: str, value: object) -> None:
        self.writeRequested.emit(V + path, value)

    @Slot(float)
    def setDriverSetpoint(self, celsius: float) -> None:
        self._write("Cabin.HVAC.Station.Row1.Driver.Temperature", round(float(celsius) * 2) / 2)

    @Slot(float)
    def setPassengerSetpoint(self, celsius: float) -> None:
        self._write("Cabin.HVAC.Station.Row1.Passenger.Temperature", round(float(celsius) * 2) / 2)

    @Slot(int)
    def setFanPercent(self, percent: int) -> None:
        value = max(0, min(100, int(percent)))
        self._write("Cabin.HVAC.Station.Row1.Driver.FanSpeed", value)
        self._write("Cabin.HVAC.Station.Row1.Passenger.FanSpeed", value)

    @Slot(str, int)
    def setSeatHeat(self, side: str, percent: int) -> None:
        seat = {"driver": "DriverSide", "passenger": "PassengerSide"}.get(side)
        if seat is not None:
            self._write(f"Cabin.Seat.Row1.{seat}.HeatingCooling", max(0, min(100, int(percent))))

    @Slot()
    def preheatNow(self) -> None:
        self.preheatNowRequested.emit()

    @Slot(int, int)
    def schedulePreheat(self, hour: int, minute: int) -> None:
        self.preheatScheduleRequested.emit(int(hour), int(minute))

    @Slot()
    def cancelPreheat(self) -> None:
        self.preheatCancelRequested.emit()
