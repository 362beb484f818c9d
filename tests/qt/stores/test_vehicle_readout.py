from __future__ import annotations

import math

from PySide6.QtCore import QLocale, QMetaMethod, QObject

from headunit.core.config import RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, make_sample
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.vehicle_readout import VehicleReadout
from headunit.qt.stores.vehicle_store import VehicleStore

ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def feed(store: VehicleStore, **values) -> None:
    store.apply_samples(make_sample("Vehicle." + p.replace("__", "."), v, 1.0) for p, v in values.items())


def make(qapp):
    vehicle = VehicleStore(locale=ENGLISH)
    restrictions = RestrictionsStore(RestrictionLimits(), vehicle.state)
    vehicle.on_change(restrictions.on_signals_changed)
    return vehicle, restrictions, VehicleReadout(vehicle, restrictions=restrictions, locale=ENGLISH)


def own_methods(obj: QObject) -> list[tuple[str, QMetaMethod.MethodType]]:
    meta = obj.metaObject()
    return [(bytes(meta.method(i).methodSignature()).decode(), meta.method(i).methodType())
            for i in range(meta.methodOffset(), meta.methodCount())]


def test_no_write_slot_and_no_object_is_reachable(qapp):
    _vehicle, _restrictions, readout = make(qapp)
    methods = own_methods(readout)
    assert methods, "the meta object lists the notify signals"
    assert all(kind == QMetaMethod.MethodType.Signal for _name, kind in methods), methods
    meta = readout.metaObject()
    properties = [meta.property(i) for i in range(meta.propertyOffset(), meta.propertyCount())]
    assert {p.name() for p in properties} >= {"speedText", "rangeText", "energyPercent", "electric",
                                              "outsideTemperatureText", "odometerText", "drivingState"}
    assert not [p.name() for p in properties if p.isWritable()]
    assert {p.typeName() for p in properties} <= {"QString", "double", "bool"}  # no store handed out


def test_unknown_values_read_as_a_dash(qapp):
    _vehicle, _restrictions, readout = make(qapp)
    assert readout.speedText == readout.rangeText == readout.odometerText == "–"
    assert readout.outsideTemperatureText == readout.energyText == "–"
    assert math.isnan(readout.energyPercent)
    assert readout.drivingState == "moving"  # no data: the restrictions fail safe


def test_values_follow_the_vehicle(qapp, qtbot):
    vehicle, _restrictions, readout = make(qapp)
    with qtbot.waitSignal(readout.energyChanged, timeout=1_000):
        feed(vehicle, Speed=52.4, Powertrain__Range=412_000, Powertrain__FuelSystem__RelativeLevel=37,
             Exterior__AirTemperature=-3.2, TraveledDistance=12_345_600)
    vehicle.flush()
    assert (readout.speedText, readout.rangeText) == ("52 km/h", "412 km")
    assert (readout.energyPercent, readout.energyText, readout.electric) == (37.0, "37 %", False)
    assert readout.outsideTemperatureText == "-3 °C"
    assert readout.odometerText == "12,346 km"
    with qtbot.waitSignal(readout.energyChanged, timeout=1_000):
        feed(vehicle, Powertrain__Type="ELECTRIC", Powertrain__TractionBattery__StateOfCharge__Current=80.6)
    assert readout.electric and readout.energyPercent == 80.6 and readout.energyText == "81 %"
    with qtbot.waitSignal(readout.motionChanged, timeout=1_000):
        feed(vehicle, Speed=97.0)
    assert readout.speedText == "97 km/h"


def test_driving_state_follows_the_restrictions_at_once(qapp, qtbot):
    vehicle, _restrictions, readout = make(qapp)
    with qtbot.waitSignal(readout.drivingStateChanged, timeout=100):
        feed(vehicle, Speed=0.0, Powertrain__Transmission__SelectedGear=GEAR_PARK,
             Chassis__ParkingBrake__IsEngaged=True)
    assert readout.drivingState == "parked"
    feed(vehicle, Speed=40.0, Powertrain__Transmission__SelectedGear=GEAR_DRIVE, Chassis__ParkingBrake__IsEngaged=False)
    assert readout.drivingState == "moving"


def test_without_restrictions_the_driving_state_is_unknown(qapp):
    assert VehicleReadout(VehicleStore()).drivingState == ""
