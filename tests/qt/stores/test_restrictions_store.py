from __future__ import annotations

from dataclasses import replace

from headunit.core.config import RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, SignalState, make_sample
from headunit.qt.stores.restrictions_store import RestrictionsStore


def feeder(store: RestrictionsStore, signals: SignalState):
    def feed(**values) -> None:
        paths = {"speed": "Vehicle.Speed", "gear": "Vehicle.Powertrain.Transmission.SelectedGear",
                 "brake": "Vehicle.Chassis.ParkingBrake.IsEngaged"}
        changed = signals.apply_all(make_sample(paths[k], v, 1.0) for k, v in values.items())
        store.on_signals_changed(changed)
    return feed


def test_no_vehicle_data_fails_safe_to_moving_restrictions(qapp):
    store = RestrictionsStore(RestrictionLimits(), SignalState())
    assert store.drivingState == "moving"
    assert not store.videoAllowed and not store.paymentConfirmationAllowed
    assert store.maxListItems == 21 and store.maxStringChars == 120 and store.maxTaskScreens == 5


def test_park_lifts_every_restriction_and_driving_restores_them_at_once(qapp, qtbot):
    signals = SignalState()
    store = RestrictionsStore(RestrictionLimits(max_list_items=12), signals)
    feed = feeder(store, signals)
    with qtbot.waitSignal(store.restrictionsChanged, timeout=100):
        feed(speed=0.0, gear=GEAR_PARK, brake=True)
    assert store.drivingState == "parked" and store.videoAllowed and store.keyboardAllowed
    assert store.maxListItems == -1
    with qtbot.waitSignal(store.restrictionsChanged, timeout=100):
        feed(speed=30.0, gear=GEAR_DRIVE, brake=False)
    assert store.drivingState == "moving" and store.maxListItems == 12 and not store.keyboardAllowed


def test_a_stop_in_gear_becomes_stopped_after_the_hold_time(qapp, qtbot):
    signals = SignalState()
    limits = replace(RestrictionLimits(), stop_hold_s=0.2)
    store = RestrictionsStore(limits, signals)
    feed = feeder(store, signals)
    feed(speed=40.0, gear=GEAR_DRIVE, brake=False)
    feed(speed=0.0)
    assert store.drivingState == "moving"  # not before the hold time
    qtbot.waitUntil(lambda: store.drivingState == "stopped", timeout=2_000)
    assert store.keyboardAllowed and not store.videoAllowed and not store.paymentConfirmationAllowed


def test_unrelated_signals_do_not_reevaluate(qapp, qtbot):
    signals = SignalState()
    store = RestrictionsStore(RestrictionLimits(), signals)
    with qtbot.assertNotEmitted(store.restrictionsChanged):
        store.on_signals_changed(["Vehicle.Powertrain.Range"])
