"""MapStore and MapSearchStore against the real imported Helsinki map, on the worker pool."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from headunit.core.config import Config, MapConfig, PathsConfig, RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, SignalState, make_sample
from headunit.core.map.geo import haversine_m
from headunit.qt.stores.map_search_store import MapSearchStore
from headunit.qt.stores.map_store import MapStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.services.map.service import MapService, ensure_map

CENTRE = (60.1699, 24.9415)


def started(qtbot, tasks, config: Config) -> MapStore:
    store = MapStore(config.map)
    store.start(tasks, lambda stage: MapService(ensure_map(config, stage)), lambda s: f"image://maptiles/{s.map_id}")
    qtbot.waitUntil(lambda: store.state in ("ready", "unavailable"), timeout=20_000)
    return store


@pytest.fixture
def map_config(helsinki_map, tmp_path) -> Config:
    return Config(paths=PathsConfig(data_dir=str(tmp_path)), map=MapConfig(database=str(helsinki_map)))


def rows(model) -> list[dict]:
    return [model.get(i) for i in range(model.count)]


def test_first_start_imports_the_default_extract_then_the_map_is_ready(qtbot, tasks, tmp_path):
    config = Config(paths=PathsConfig(data_dir=str(tmp_path)))
    store = MapStore(config.map)
    states = []
    store.stateChanged.connect(lambda: states.append(store.state))
    store.start(tasks, lambda stage: MapService(ensure_map(config, stage)), lambda s: f"image://maptiles/{s.map_id}")
    qtbot.waitUntil(lambda: store.state == "ready", timeout=20_000)
    assert states == ["importing", "ready"]
    assert (tmp_path / "maps" / "map.db").is_file()
    assert store.tileSource == f"image://maptiles/{store.mapId}" and len(store.mapId) == 32
    assert "OpenStreetMap" in store.attribution and "ODbL" in store.attribution


def test_a_broken_default_extract_leaves_the_map_unavailable_with_a_message(qtbot, tasks, tmp_path):
    bad = tmp_path / "bad.osm.pbf"
    bad.write_bytes(b"this is not a PBF file")
    config = Config(paths=PathsConfig(data_dir=str(tmp_path)), map=MapConfig(default_extract=str(bad)))
    store = started(qtbot, tasks, config)
    assert store.state == "unavailable" and store.stateText
    assert not (tmp_path / "maps" / "map.db").exists()


def test_markers_at_city_zoom_are_only_parking_fuel_and_charging(qtbot, tasks, map_config):
    store = started(qtbot, tasks, map_config)
    store.setViewport(60.160, 24.930, 60.180, 24.960, 13.0)
    qtbot.waitUntil(lambda: store.pois.count > 0, timeout=5_000)
    assert {r["category"] for r in rows(store.pois)} <= {"parking", "fuel", "charging"}
    store.setViewport(60.167, 24.938, 60.172, 24.947, 17.0)  # a street-level view
    qtbot.waitUntil(lambda: len({r["category"] for r in rows(store.pois)}) > 1, timeout=5_000)
    assert store.pois.count <= 40
    for row in rows(store.pois):
        assert 60.167 <= row["lat"] <= 60.172 and 24.938 <= row["lon"] <= 24.947


def test_selecting_a_poi_gives_its_details_and_distance_from_the_car(qtbot, tasks, map_config):
    store = started(qtbot, tasks, map_config)
    store.setViewport(60.160, 24.930, 60.180, 24.960, 17.0)
    qtbot.waitUntil(lambda: store.pois.count > 0, timeout=5_000)
    first = store.pois.get(0)
    with qtbot.waitSignal(store.selectionChanged, timeout=5_000):
        store.selectPoi(first["poiId"])
    selection = store.selection
    assert selection["poiId"] == first["poiId"] and selection["name"] == first["name"]
    expected = haversine_m(map_config.map.start_lat, map_config.map.start_lon, first["lat"], first["lon"])
    assert selection["distanceM"] == pytest.approx(expected)
    store.selectPoint(60.17, 24.945)
    assert store.selection["category"] == "point" and store.selection["poiId"] == -1
    store.clearSelection()
    assert not store.hasSelection


def test_the_car_follows_the_vehicle_location_and_invalid_data_hides_it(qtbot, tasks, map_config):
    from headunit.core.config import VehicleConfig
    from headunit.qt.stores.vehicle_store import VehicleStore

    vehicle = VehicleStore(VehicleConfig())
    store = MapStore(map_config.map)
    store.follow_vehicle(vehicle)
    assert not store.carValid
    vehicle.apply_samples([make_sample("Vehicle.CurrentLocation.Latitude", 60.171, 1.0),
                           make_sample("Vehicle.CurrentLocation.Longitude", 24.944, 1.0),
                           make_sample("Vehicle.CurrentLocation.Heading", 90.0, 1.0)])
    qtbot.waitUntil(lambda: store.carValid, timeout=1_000)
    assert (store.carLat, store.carLon, store.carHeading) == (60.171, 24.944, 90.0)
    vehicle.apply_samples([make_sample("Vehicle.CurrentLocation.Latitude", 95.0, 2.0)])  # out of range
    qtbot.waitUntil(lambda: not store.carValid, timeout=1_000)


def restrictions_for(limits: RestrictionLimits, moving: bool) -> RestrictionsStore:
    signals = SignalState()
    store = RestrictionsStore(limits, signals)
    values = {"Vehicle.Speed": 40.0 if moving else 0.0,
              "Vehicle.Powertrain.Transmission.SelectedGear": GEAR_DRIVE if moving else GEAR_PARK,
              "Vehicle.Chassis.ParkingBrake.IsEngaged": not moving}
    store.on_signals_changed(signals.apply_all(make_sample(p, v, 1.0) for p, v in values.items()))
    return store


def test_nearest_parking_is_sorted_by_distance_and_cut_to_the_moving_limit(qtbot, tasks, map_config):
    store = started(qtbot, tasks, map_config)
    parked = MapSearchStore(store, restrictions_for(RestrictionLimits(), moving=False), tasks)
    parked.nearest("parking")
    qtbot.waitUntil(lambda: not parked.busy and parked.results.count > 0, timeout=5_000)
    found = rows(parked.results)
    assert [r["category"] for r in found] == ["parking"] * len(found)
    distances = [r["distanceM"] for r in found]
    assert distances == sorted(distances) and 3 < len(found) <= 20
    moving = MapSearchStore(store, restrictions_for(replace(RestrictionLimits(), max_list_items=3), moving=True),
                            tasks)
    moving.nearest("parking")
    qtbot.waitUntil(lambda: not moving.busy and moving.results.count > 0, timeout=5_000)
    assert [r["poiId"] for r in rows(moving.results)] == [r["poiId"] for r in found[:3]]


def test_typed_search_finds_places_by_name_only_when_parked(qtbot, tasks, map_config):
    store = started(qtbot, tasks, map_config)
    parked = MapSearchStore(store, restrictions_for(RestrictionLimits(), moving=False), tasks)
    parked.search("Stockmann")
    qtbot.waitUntil(lambda: not parked.busy and parked.mode == "search", timeout=5_000)
    assert any("Stockmann" in r["name"] for r in rows(parked.results))
    parked.search("zzqqxx no such place")
    qtbot.waitUntil(lambda: not parked.busy and parked.results.count == 0, timeout=5_000)
    assert "zzqqxx" in parked.message
    moving = MapSearchStore(store, restrictions_for(RestrictionLimits(), moving=True), tasks)
    moving.search("Stockmann")
    assert moving.results.count == 0 and moving.message and not moving.busy


def test_a_search_answer_that_arrives_late_is_dropped(qtbot, tasks, map_config):
    store = started(qtbot, tasks, map_config)
    search = MapSearchStore(store, restrictions_for(RestrictionLimits(), moving=False), tasks)
    search.search("Stockmann")
    search.clear()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5_000)
    assert search.mode == "" and search.results.count == 0
