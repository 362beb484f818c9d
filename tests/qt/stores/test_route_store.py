"""RouteStore: routing on the worker, guidance from car positions, re-routing, no-route messages."""

from __future__ import annotations

import pytest

from headunit.core.config import Config, MapConfig, PathsConfig, VehicleConfig
from headunit.core.signals import make_sample
from headunit.qt.stores.map_store import MapStore
from headunit.qt.stores.route_store import RouteStore
from headunit.qt.stores.vehicle_store import VehicleStore
from headunit.services.map.service import MapService

START = (60.1699, 24.9415)
DESTINATION = (60.1755, 24.9500)


@pytest.fixture
def stores(qtbot, tasks, helsinki_map, tmp_path):
    config = Config(paths=PathsConfig(data_dir=str(tmp_path)), map=MapConfig(database=str(helsinki_map)))
    vehicle = VehicleStore(VehicleConfig())
    map_store = MapStore(config.map)
    map_store.follow_vehicle(vehicle)
    map_store.start(tasks, lambda stage: MapService(helsinki_map), lambda s: "image://maptiles/x")
    qtbot.waitUntil(lambda: map_store.state == "ready", timeout=10_000)
    route = RouteStore(map_store, tasks, off_route_m=40.0)
    yield vehicle, map_store, route
    map_store.service.close()


def place(vehicle: VehicleStore, lat: float, lon: float, t: float, heading: float = 0.0) -> None:
    vehicle.apply_samples([make_sample("Vehicle.CurrentLocation.Latitude", lat, t),
                           make_sample("Vehicle.CurrentLocation.Longitude", lon, t),
                           make_sample("Vehicle.CurrentLocation.Heading", heading, t)])


def test_a_route_from_the_car_gives_a_path_maneuvers_and_guidance(qtbot, stores):
    vehicle, map_store, route = stores
    place(vehicle, *START, t=1.0)
    qtbot.waitUntil(lambda: map_store.carValid, timeout=1_000)
    route.routeTo(*DESTINATION, "Unioninkatu")
    assert route.computing
    qtbot.waitUntil(lambda: route.active, timeout=10_000)
    assert not route.computing and route.message == ""
    assert len(route.path) > 10 and route.lengthM > 500
    assert route.remainingM == pytest.approx(route.lengthM, abs=60)
    assert route.maneuvers.rowCount() >= 3
    nxt = route.nextManeuver
    assert nxt["icon"] and nxt["text"] and nxt["distanceM"] > 0
    halfway = route.path[: len(route.path) // 2]  # {"lat": ..., "lon": ...}
    for i, point in enumerate(halfway):  # drive the first half of the route, point by point
        place(vehicle, point["lat"], point["lon"], t=2.0 + i)
        qtbot.waitUntil(lambda: map_store.carLat == point["lat"], timeout=1_000)
    assert route.remainingM < route.lengthM * 0.8 and route.reroutes == 0
    route.cancel()
    assert not route.active and route.path == []


def test_leaving_the_route_computes_a_new_one_from_where_the_car_is(qtbot, stores):
    vehicle, map_store, route = stores
    place(vehicle, *START, t=1.0)
    route.routeTo(*DESTINATION, "")
    qtbot.waitUntil(lambda: route.active, timeout=10_000)
    old_start = route.path[0]
    detour = (60.1665, 24.9390)  # a few hundred metres away from the route, on other streets
    for i in range(6):
        place(vehicle, detour[0] + i * 1e-5, detour[1], t=2.0 + i)
        qtbot.waitUntil(lambda: map_store.carLat == pytest.approx(detour[0] + i * 1e-5, abs=1e-7), timeout=1_000)
    qtbot.waitUntil(lambda: route.reroutes >= 1 and route.active and not route.computing, timeout=10_000)
    assert route.path[0] != old_start


@pytest.mark.parametrize(("destination", "words"), [
    ((60.3000, 25.3000), "no road near"),   # outside the map
])
def test_no_route_is_a_message_not_an_exception(qtbot, stores, destination, words):
    vehicle, map_store, route = stores
    place(vehicle, *START, t=1.0)
    route.routeTo(*destination, "")
    qtbot.waitUntil(lambda: not route.computing, timeout=10_000)
    assert not route.active and route.message
    assert "road" in route.message.lower()


def test_same_place_says_you_are_there(qtbot, stores):
    vehicle, map_store, route = stores
    place(vehicle, *START, t=1.0)
    route.routeTo(*START, "")
    qtbot.waitUntil(lambda: not route.computing, timeout=10_000)
    assert not route.active and "already there" in route.message
