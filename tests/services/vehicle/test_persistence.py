from __future__ import annotations

import logging
from datetime import UTC, datetime

from headunit.core.signals import Quality, make_sample
from headunit.services.store import Store
from headunit.services.vehicle.persistence import (clear_preheat, load_preheat, load_signals, save_preheat,
                                                   save_signals)


def test_last_known_values_survive_a_restart(tmp_path):
    samples = [make_sample("Vehicle.Powertrain.Range", 412_000, 100.0),
               make_sample("Vehicle.Cabin.Door.Row1.DriverSide.IsOpen", True, 101.0),
               make_sample("Vehicle.Exterior.AirTemperature", -12.5, 102.0)]
    with Store.open(tmp_path) as store:
        assert save_signals(store, samples) == 3
        save_signals(store, [make_sample("Vehicle.Powertrain.Range", 400_000, 110.0)])
    with Store.open(tmp_path) as store:
        loaded = {s.path: s for s in load_signals(store)}
    assert loaded["Vehicle.Powertrain.Range"].value == 400_000
    assert loaded["Vehicle.Cabin.Door.Row1.DriverSide.IsOpen"].value is True
    assert loaded["Vehicle.Exterior.AirTemperature"].timestamp == 102.0


def test_rows_this_version_cannot_read_are_skipped_and_logged(tmp_path, caplog):
    with Store.open(tmp_path) as store:
        save_signals(store, [make_sample("Vehicle.Speed", 900.0, 1.0), make_sample("Vehicle.Speed", 12.0, 1.0)])
        with store.atomic() as db:
            db["vehicle_signals"].insert({"path": "Vehicle.Retired.Signal", "value": "1", "quality": "valid",
                                          "timestamp": 1.0})
            db["vehicle_signals"].insert({"path": "Vehicle.Powertrain.Range", "value": "\"lots\"",
                                          "quality": "valid", "timestamp": 1.0})
        with caplog.at_level(logging.WARNING, logger="headunit.vehicle.persistence"):
            loaded = load_signals(store)
    assert [(s.path, s.value) for s in loaded] == [("Vehicle.Speed", 12.0)]
    assert "2 stored signal value(s) could not be read" in caplog.text


def test_out_of_range_values_are_not_restored(tmp_path):
    with Store.open(tmp_path) as store:
        sample = make_sample("Vehicle.Powertrain.FuelSystem.RelativeLevel", 250, 1.0)
        assert sample.quality is Quality.OUT_OF_RANGE
        save_signals(store, [sample])
        assert load_signals(store) == []


def test_preheat_schedule_is_kept_until_cleared(tmp_path):
    due = datetime(2026, 11, 22, 5, 30, tzinfo=UTC)
    with Store.open(tmp_path) as store:
        assert load_preheat(store) is None
        save_preheat(store, due, datetime(2026, 11, 21, 20, 0, tzinfo=UTC))
    with Store.open(tmp_path) as store:
        assert load_preheat(store) == due
        clear_preheat(store)
        assert load_preheat(store) is None


def test_a_steering_wheel_key_press_is_never_kept_so_a_restart_does_not_press_it_again(tmp_path):
    with Store.open(tmp_path) as store:
        written = save_signals(store, [make_sample("Vehicle.Cabin.Infotainment.Media.Action", "SKIP_FORWARD", 1.0),
                                       make_sample("Vehicle.Speed", 12.0, 1.0)])
        with store.atomic() as db:  # a row left by an older version is not restored either
            db["vehicle_signals"].insert({"path": "Vehicle.Cabin.Infotainment.Media.Action", "value": '"PLAY"',
                                          "quality": "valid", "timestamp": 2.0})
    with Store.open(tmp_path) as store:
        loaded = {s.path for s in load_signals(store)}
    assert written == 1
    assert loaded == {"Vehicle.Speed"}
