"""What an app with the "vehicle.read" permission may see of the vehicle: a few figures as
display text, read-only.

An app gets this facade, never the VehicleStore itself: the store also carries commands
(climate setpoints, seat heating, pre-heating) that only the built-in vehicle view may
send. Nothing here writes, and no property hands out the store or another object with
slots. Unknown values read as a dash.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QLocale, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

if TYPE_CHECKING:
    from headunit.qt.stores.restrictions_store import RestrictionsStore
    from headunit.qt.stores.vehicle_store import VehicleStore

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

DASH = "–"


@QmlElement
@QmlUncreatable("VehicleReadout is created by the application")
class VehicleReadout(QObject):
    motionChanged = Signal()
    energyChanged = Signal()
    climateChanged = Signal()
    tripChanged = Signal()
    drivingStateChanged = Signal()

    def __init__(self, vehicle_store: VehicleStore, parent: QObject | None = None, *,
                 restrictions: RestrictionsStore | None = None, locale: QLocale | None = None) -> None:
        """`restrictions` gives drivingState (the one engine decides it); without it the
        driving state reads "" (unknown)."""
        super().__init__(parent)
        self._vehicle = vehicle_store
        self._restrictions = restrictions
        self._locale = locale or QLocale()
        vehicle_store.motionChanged.connect(self.motionChanged)
        vehicle_store.energyChanged.connect(self.energyChanged)
        vehicle_store.climateChanged.connect(self.climateChanged)
        vehicle_store.tripChanged.connect(self.tripChanged)
        for changed in (self.motionChanged, self.energyChanged, self.climateChanged, self.tripChanged):
            vehicle_store.dataStateChanged.connect(changed)  # values turn stale or are restored
        if restrictions is not None:
            restrictions.restrictionsChanged.connect(self.drivingStateChanged)

    def _number(self, value: float, decimals: int = 0) -> str:
        return self._locale.toString(float(value), "f", decimals)

    def _with_unit(self, value: float, unit: str, decimals: int = 0) -> str:
        return DASH if math.isnan(value) else f"{self._number(value, decimals)} {unit}"

    def _energy_percent(self) -> float:
        vehicle = self._vehicle
        return vehicle.socPercent if vehicle.isElectric else vehicle.fuelPercent

    def _energy_text(self) -> str:
        percent = self._energy_percent()
        return DASH if math.isnan(percent) else f"{self._number(round(percent))} %"

    def _driving_state(self) -> str:
        return "" if self._restrictions is None else str(self._restrictions.drivingState)

    speedText = Property(str, lambda self: self._with_unit(self._vehicle.speedKmh, "km/h"), notify=motionChanged)
    gearText = Property(str, lambda self: self._vehicle.gearText, notify=motionChanged)
    rangeText = Property(str, lambda self: self._with_unit(self._vehicle.rangeKm, "km"), notify=energyChanged)
    energyPercent = Property(float, _energy_percent, notify=energyChanged)
    energyText = Property(str, _energy_text, notify=energyChanged)
    electric = Property(bool, lambda self: self._vehicle.isElectric, notify=energyChanged)
    outsideTemperatureText = Property(
        str, lambda self: self._with_unit(self._vehicle.outsideTemperature, "°C"), notify=climateChanged)
    odometerText = Property(str, lambda self: self._with_unit(self._vehicle.odometerKm, "km"), notify=tripChanged)
    drivingState = Property(str, _driving_state, notify=drivingStateChanged)
    dataState = Property(str, lambda self: self._vehicle.dataState, notify=tripChanged)
    asOfText = Property(str, lambda self: self._vehicle.asOfText, notify=tripChanged)
