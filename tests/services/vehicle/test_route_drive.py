"""Driving a route in the simulator: the scenario follows the route at the roads' speeds, parked at both ends.

The map: Harbour Road runs 500 m east at 50 km/h from S(0,0) to T(5,0), Quay Street 200 m
north at 30 km/h from T to U(5,2) (a right-angle left turn at T), and an island road far
off. POIs: a parking place at U, a cafe on the island.
"""

from __future__ import annotations

import math
import threading
from pathlib import Path

import pytest

from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, Quality, make_sample
from headunit.services.map.routing import RoadGraph, Route
from headunit.services.map.schema import open_map
from headunit.services.map.writer import MapWriter
from headunit.services.vehicle.route_drive import (
    RouteDriveError, build_route_drive, route_scenario, scenario_text,
)
from headunit.services.vehicle.scenario import load_scenario, parse_scenario
from headunit.services.vehicle.simulator import ScenarioSource
from headunit.services.vehicle.source import SourceError, SourceState

LAT0, LON0 = 60.0, 25.0
STEP_LAT = 100 / 111_195.0
STEP_LON = STEP_LAT / math.cos(math.radians(LAT0))
SPEED = "Vehicle.Speed"
LAT, LON = "Vehicle.CurrentLocation.Latitude", "Vehicle.CurrentLocation.Longitude"
GEAR = "Vehicle.Powertrain.Transmission.SelectedGear"
BRAKE = "Vehicle.Chassis.ParkingBrake.IsEngaged"


def at(x: float, y: float) -> tuple[float, float]:
    return LAT0 + y * STEP_LAT, LON0 + x * STEP_LON


def lonlat(x: float, y: float) -> tuple[float, float]:
    lat, lon = at(x, y)
    return lon, lat


@pytest.fixture(scope="module")
def harbour(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("harbour") / "harbour.map"
    with MapWriter(path) as w:
        nodes = {name: w.add_graph_node(i, *lonlat(*cell))
                 for i, (name, cell) in enumerate({"S": (0, 0), "T": (5, 0), "U": (5, 2),
                                                   "X": (0, -10), "Y": (1, -10)}.items())}
        for name, speed, a, b, length, cells in [("Harbour Road", 50, "S", "T", 500.0, [(0, 0), (5, 0)]),
                                                 ("Quay Street", 30, "T", "U", 200.0, [(5, 0), (5, 1), (5, 2)]),
                                                 ("Island Road", 30, "X", "Y", 100.0, [(0, -10), (1, -10)])]:
            coords = [lonlat(*c) for c in cells]
            road = w.add_road(w.count("roads") + 1, "residential", coords, name=name, maxspeed_kmh=speed)
            w.add_graph_edge(nodes[a], nodes[b], road, length, speed, coords)
            w.add_graph_edge(nodes[b], nodes[a], road, length, speed, coords[::-1])
        w.add_poi("node", 1, "parking", *lonlat(5.02, 2), name="Quay Parking")
        w.add_poi("node", 2, "cafe", *lonlat(0.5, -10), name="Island Cafe")
        w.finish()
    return path


@pytest.fixture(scope="module")
def route(harbour) -> Route:
    graph = RoadGraph.load(open_map(harbour))
    try:
        return graph.route(at(0, 0), at(5, 2))
    finally:
        graph.close()


def distance_to_route(route: Route, lat: float, lon: float) -> float:
    """Metres from (lat, lon) to the route's polyline, on a flat local plane (fine at this scale)."""
    def xy(la: float, lo: float) -> tuple[float, float]:
        return (lo - LON0) / STEP_LON * 100, (la - LAT0) / STEP_LAT * 100

    px, py = xy(lat, lon)
    best = math.inf
    for a, b in zip(route.points, route.points[1:]):
        (ax, ay), (bx, by) = xy(*a), xy(*b)
        span = (bx - ax) ** 2 + (by - ay) ** 2
        f = 0.0 if span == 0 else max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / span))
        best = min(best, math.hypot(px - ax - f * (bx - ax), py - ay - f * (by - ay)))
    return best


def test_starts_parked_at_the_route_start_then_releases_the_brake_and_selects_drive(route):
    scenario = route_scenario(route)
    start = scenario.values_at(0)
    assert (start[SPEED], start[GEAR], start[BRAKE]) == (0.0, GEAR_PARK, True)
    assert (start[LAT], start[LON]) == pytest.approx(at(0, 0))
    ready = scenario.values_at(3.5)
    assert (ready[SPEED], ready[GEAR], ready[BRAKE]) == (0.0, GEAR_DRIVE, False)


def test_ends_parked_at_the_route_end(route):
    scenario = route_scenario(route)
    end = scenario.values_at(scenario.duration)
    assert (end[SPEED], end[GEAR], end[BRAKE]) == (0.0, GEAR_PARK, True)
    assert (end[LAT], end[LON]) == pytest.approx(at(5, 2), abs=1e-6)
    assert end["Vehicle.IsMoving"] is False


def test_drives_along_the_route_within_each_roads_speed(route):
    scenario = route_scenario(route)
    t = 0.0
    while t <= scenario.duration:
        values = scenario.values_at(t)
        assert distance_to_route(route, values[LAT], values[LON]) < 1.0, t
        speed_limit = 30.0 if values[LAT] > LAT0 + 1e-6 else 50.0
        assert values[SPEED] <= speed_limit + 0.01, t
        for path, value in values.items():
            assert make_sample(path, value, 0.0).quality is Quality.VALID, (path, value)
        t += 0.5


def test_the_distance_driven_at_the_scripted_speed_is_the_routes_length(route):
    scenario = route_scenario(route)
    assert scenario.distance_m(scenario.duration) == pytest.approx(route.length_m, rel=1e-3)
    # and it takes longer than at the roads' speeds: starting, turning and stopping
    assert scenario.duration > route.duration_s + 4


def test_reaches_the_road_speed_on_the_straight_and_slows_for_the_corner(route):
    scenario = route_scenario(route)
    times = [k.t for k in scenario.tracks[LAT]]
    corner = next(t for t in times if scenario.values_at(t)[LON] == pytest.approx(at(5, 0)[1], abs=1e-7)
                  and scenario.values_at(t)[LAT] == pytest.approx(LAT0, abs=1e-7))
    assert scenario.values_at(corner)[SPEED] == pytest.approx(20.0)  # a 90 degree turn
    top = max(scenario.values_at(t / 2)[SPEED] for t in range(int(corner * 2)))
    assert top == pytest.approx(50.0)


def test_heading_follows_the_road(route):
    scenario = route_scenario(route)
    heading = "Vehicle.CurrentLocation.Heading"
    assert scenario.values_at(15)[heading] == pytest.approx(90, abs=0.5)  # east on Harbour Road
    assert scenario.values_at(scenario.duration - 8)[heading] == pytest.approx(0, abs=0.5)  # north on the quay
    assert scenario.values_at(scenario.duration)[heading] == pytest.approx(0, abs=0.5)  # parked: the last one


def test_takes_other_signals_from_a_base_scenario_and_uses_charge(route):
    base = load_scenario("ev-charging")
    scenario = route_scenario(route, base)
    assert scenario.powertrain == "electric"
    start, end = scenario.values_at(0), scenario.values_at(scenario.duration)
    base_start = base.values_at(0)
    outside = "Vehicle.Exterior.AirTemperature"
    assert start[outside] == base_start[outside] == end[outside]
    assert start["Vehicle.Powertrain.TractionBattery.Charging.IsCharging"] is False
    soc = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"
    assert start[soc] == base_start[soc]
    assert end[soc] == pytest.approx(base_start[soc] - 0.3 * route.length_m / 1000, abs=1e-3)
    assert end["Vehicle.Powertrain.Range"] == base_start["Vehicle.Powertrain.Range"] - int(route.length_m)
    assert end["Vehicle.TraveledDistance"] == pytest.approx(base_start["Vehicle.TraveledDistance"]
                                                            + route.length_m, abs=1)


def test_without_a_base_it_is_a_combustion_car_with_fuel(route):
    scenario = route_scenario(route)
    assert scenario.powertrain == "combustion"
    assert scenario.values_at(0)["Vehicle.Powertrain.FuelSystem.RelativeLevel"] == 60


def test_the_simulator_plays_it_to_the_end(route):
    scenario = route_scenario(route)
    ended = threading.Event()
    seen: dict[str, object] = {}

    def on_samples(samples):
        seen.update((s.path, s.value) for s in samples)

    def on_status(status):
        if status.state is SourceState.ENDED:
            ended.set()

    source = ScenarioSource(scenario, speed=1000.0)
    source.start(on_samples, on_status)
    try:
        assert ended.wait(10)
    finally:
        source.stop()
    assert (seen[LAT], seen[LON]) == pytest.approx(at(5, 2), abs=1e-6)
    assert seen[GEAR] == GEAR_PARK


def test_build_route_drive_drives_to_the_poi(harbour):
    scenario = build_route_drive(harbour, 0, at(0.1, 0))
    end = scenario.values_at(scenario.duration)
    assert (end[LAT], end[LON]) == pytest.approx(at(5, 2), abs=1e-6)  # the road node nearest the POI
    assert "Quay Parking" in scenario.description and "0.7 km" in scenario.description


def test_build_route_drive_explains_an_unknown_poi(harbour):
    with pytest.raises(RouteDriveError) as caught:
        build_route_drive(harbour, 99, at(0, 0))
    assert caught.value.code == "unknown_poi"
    assert "no POI with id 99" in str(caught.value)
    assert isinstance(caught.value, SourceError)  # the CLI reports it like a bad scenario


def test_build_route_drive_explains_no_route(harbour):
    with pytest.raises(RouteDriveError) as caught:
        build_route_drive(harbour, 1, at(0, 0))
    assert caught.value.code == "unreachable"
    assert str(caught.value).startswith("cannot drive to POI 1 (Island Cafe): No road connects")


def test_build_route_drive_explains_a_missing_map_and_a_bad_start(harbour, tmp_path):
    with pytest.raises(RouteDriveError) as caught:
        build_route_drive(tmp_path / "none.map", 0, at(0, 0))
    assert caught.value.code == "no_map"
    with pytest.raises(RouteDriveError) as caught:
        build_route_drive(harbour, 0, (123.0, 0.0))
    assert caught.value.code == "bad_start"


@pytest.mark.parametrize("base", [None, "ev-charging", "city-drive"])
def test_the_text_form_parses_back_to_the_same_drive(route, base):
    scenario = route_scenario(route, None if base is None else load_scenario(base))
    again = parse_scenario(scenario_text(scenario), "route.scenario")
    assert (again.name, again.duration, again.powertrain) == (scenario.name, scenario.duration, scenario.powertrain)
    assert again.description == scenario.description
    for tenth in range(int(scenario.duration * 10) + 1):
        assert again.values_at(tenth / 10) == scenario.values_at(tenth / 10), tenth / 10
