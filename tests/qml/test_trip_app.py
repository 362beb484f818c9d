"""The built-in trip computer (apps/trip/TripApp.qml) over a real VehicleReadout, offscreen.
Screenshots go to /tmp/media_shots/."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtQuick import QQuickView

from headunit.core.config import RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, make_sample
from headunit.qt.apps.app_context import AppContext
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.vehicle_readout import VehicleReadout
from headunit.qt.stores.vehicle_store import VehicleStore
from tests.qml.quick import find

ROOT = Path(__file__).resolve().parents[2]
TRIP_APP = ROOT / "headunit" / "apps" / "trip" / "TripApp.qml"
SHOTS = Path("/tmp/media_shots")
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def wrapper(size: str, night: bool) -> str:
    width, height = (int(v) for v in size.split("x"))
    return f"""import QtQuick
import HeadUnit

Item {{
    id: root
    property QtObject host: null
    width: {width}
    height: {height}
    Binding {{ target: Theme; property: "night"; value: {str(night).lower()} }}
    Binding {{ target: Sizes; property: "windowWidth"; value: {width} }}
    Binding {{ target: Sizes; property: "windowHeight"; value: {height} }}
    Loader {{
        anchors.fill: parent
        Component.onCompleted: setSource("{QUrl.fromLocalFile(str(TRIP_APP)).toString()}", {{"host": root.host}})
    }}
}}
"""


@pytest.fixture
def trip(qtbot, tmp_path):
    kept = []

    def make(size: str = "800x480", night: bool = False):
        vehicle = VehicleStore(locale=ENGLISH)
        restrictions = RestrictionsStore(RestrictionLimits(), vehicle.state)
        vehicle.on_change(restrictions.on_signals_changed)
        readout = VehicleReadout(vehicle, restrictions=restrictions, locale=ENGLISH)
        host = AppContext("headunit.trip", "en", {"vehicle": readout, "restrictions": restrictions})
        source = tmp_path / f"trip_{len(kept)}.qml"
        source.write_text(wrapper(size, night))
        view = QQuickView()
        view.engine().addImportPath(str(ROOT / "headunit" / "qml"))
        view.setInitialProperties({"host": host})
        view.setSource(QUrl.fromLocalFile(str(source)))
        assert not view.errors(), view.errors()
        kept.append((view, vehicle, restrictions, readout, host))
        with qtbot.waitExposed(view):
            view.show()
        return view, vehicle

    yield make
    for view, *_ in kept:
        view.close()
        shiboken6.delete(view)


def value(view: QQuickView, name: str) -> str:
    return find(view, name + "Value").property("text")


def feed(vehicle: VehicleStore, t: float, **values: object) -> None:
    vehicle.apply_samples(make_sample("Vehicle." + p.replace("__", "."), v, t) for p, v in values.items())
    vehicle.flush()


def test_unknown_figures_show_a_dash(trip):
    view, _vehicle = trip()
    assert [value(view, n) for n in ("speed", "range", "energy", "outside", "odometer")] == ["–"] * 5
    assert find(view, "drivingState").isVisible()  # no data: shown as driving (fail-safe)


def test_the_figures_follow_the_vehicle(trip, qtbot):
    view, vehicle = trip()
    feed(vehicle, 1.0, Speed=0.0, Powertrain__Transmission__SelectedGear=GEAR_PARK,
         Chassis__ParkingBrake__IsEngaged=True, Powertrain__Range=412_000, Powertrain__FuelSystem__RelativeLevel=37, Exterior__AirTemperature=-3.0,
         TraveledDistance=12_345_600)
    qtbot.waitUntil(lambda: value(view, "range") == "412 km", timeout=1_000)
    assert (value(view, "speed"), value(view, "energy"), value(view, "outside"), value(view, "odometer")) == (
        "0 km/h", "37 %", "-3 °C", "12,346 km")
    feed(vehicle, 2.0, Speed=88.0, Powertrain__Transmission__SelectedGear=GEAR_DRIVE,
         Chassis__ParkingBrake__IsEngaged=False)
    qtbot.waitUntil(lambda: value(view, "speed") == "88 km/h", timeout=1_000)


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
def test_screenshot(trip, qtbot, size, night):
    view, vehicle = trip(size, night)
    feed(vehicle, 1.0, Speed=62.0, Powertrain__Transmission__SelectedGear=GEAR_DRIVE,
         Chassis__ParkingBrake__IsEngaged=False, Powertrain__Type="ELECTRIC",
         Powertrain__TractionBattery__StateOfCharge__Current=71.0, Powertrain__Range=286_000,
         Exterior__AirTemperature=4.0, TraveledDistance=48_211_000)
    qtbot.waitUntil(lambda: value(view, "energy") == "71 %", timeout=1_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    view.grabWindow().save(str(SHOTS / f"trip_{size}_{'night' if night else 'day'}.png"))
