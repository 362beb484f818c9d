from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QLocale

from headunit.core.config import VehicleConfig
from headunit.core.restrictions import DrivingState
from headunit.core.signals import make_sample
from headunit.qt.stores.vehicle_store import VehicleStore

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


def feed(store: VehicleStore, t: float = 1.0, **values) -> list[str]:
    return store.apply_samples(make_sample("Vehicle." + p.replace("__", "."), v, t) for p, v in values.items())


def test_unknown_values_are_nan_until_fed(qapp):
    store = VehicleStore()
    assert math.isnan(store.rangeKm) and math.isnan(store.fuelPercent)
    assert store.gearText == "" and store.dataState == "none"
    assert all(math.isnan(v) for v in store.tyres.values())


def test_properties_follow_samples_with_units_converted(qapp, qtbot):
    store = VehicleStore()
    with qtbot.waitSignal(store.energyChanged, timeout=1_000):
        feed(store, Powertrain__Range=412_000, Powertrain__FuelSystem__RelativeLevel=37,
             Powertrain__Transmission__SelectedGear=126, TraveledDistance=12_345_600)
    assert store.rangeKm == 412.0 and store.fuelPercent == 37.0
    assert store.gearText == "P"
    store.flush()
    assert store.odometerKm == 12_345.6


def test_doors_windows_and_tyres_are_maps_by_position(qapp):
    store = VehicleStore()
    feed(store, Cabin__Door__Row2__PassengerSide__IsOpen=True, Cabin__Door__Row1__DriverSide__Window__Position=40,
         Chassis__Axle__Row1__Wheel__Right__Tire__Pressure=151)
    assert store.doors == {"frontLeft": False, "frontRight": False, "rearLeft": False, "rearRight": True}
    assert store.windows["frontLeft"] == 40.0
    assert store.tyres["frontRight"] == 151.0


def test_out_of_range_values_are_never_shown_as_real(qapp):
    store = VehicleStore()
    feed(store, Powertrain__FuelSystem__RelativeLevel=37)
    feed(store, Speed=900.0, Powertrain__FuelSystem__RelativeLevel=250)
    assert math.isnan(store.speedKmh) and math.isnan(store.fuelPercent)
    store.flush()
    codes = [store.warnings.data(store.warnings.index(r), store.warnings.CodeRole)
             for r in range(store.warnings.rowCount())]
    assert codes.count("out_of_range") == 2


def test_last_known_values_show_as_of_their_time_until_live(qapp):
    store = VehicleStore(locale=GERMAN)
    store.load_last_known([make_sample("Vehicle.Powertrain.Range", 300_000, 1.0)], datetime(2026, 11, 20, 18, 42))
    assert store.dataState == "lastKnown" and store.asOfText == "18:42"
    assert store.rangeKm == 300.0
    store.set_live(True)
    assert math.isnan(store.rangeKm)  # restored values do not linger once the source is live
    feed(store, Powertrain__Range=280_000)
    store.load_last_known([make_sample("Vehicle.Powertrain.Range", 1_000, 1.0)], datetime(2026, 11, 20, 18, 0))
    assert store.dataState == "live" and store.rangeKm == 280.0


def test_losing_the_source_marks_everything_stale_and_tells_listeners(qapp):
    store = VehicleStore()
    heard: list[list[str]] = []
    store.on_change(heard.append)
    feed(store, Speed=50.0)
    store.set_live(True)
    store.set_live(False)
    assert store.dataState == "stale"
    assert heard[-1] == ["Vehicle.Speed"]
    assert store.speedKmh == 50.0  # kept, marked stale


def test_warnings_follow_the_driving_state(qapp):
    store = VehicleStore(VehicleConfig())
    feed(store, Cabin__Door__Row1__DriverSide__IsOpen=True)
    store.flush()
    store.set_driving_state(DrivingState.PARKED)
    model = store.warnings
    assert model.data(model.index(0), model.SeverityRole) == "info"
    store.set_driving_state(DrivingState.MOVING)
    assert model.data(model.index(0), model.SeverityRole) == "critical"
    assert model.data(model.index(0), model.MessageRole) == "Front driver's door open while moving"


def test_commands_become_write_requests_with_vss_paths(qapp, qtbot):
    store = VehicleStore()
    with qtbot.waitSignal(store.writeRequested, timeout=1_000) as signal:
        store.setDriverSetpoint(21.3)
    assert signal.args == ["Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 21.5]
    with qtbot.waitSignal(store.writeRequested, timeout=1_000) as signal:
        store.setSeatHeat("passenger", 150)
    assert signal.args == ["Vehicle.Cabin.Seat.Row1.PassengerSide.HeatingCooling", 100]
    with qtbot.assertNotEmitted(store.writeRequested):
        store.setSeatHeat("rear", 33)
