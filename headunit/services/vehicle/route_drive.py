"""Drive a route in the simulator: a Scenario whose GPS position follows a Route.

The car starts parked at the route's first point (gear P, parking brake on), releases the
brake, selects D and drives the polyline at each road's speed: it accelerates and brakes
at steady rates, slows down for bends and turns (the sharper, the slower) and stops at the
end, where it selects P and applies the parking brake. Speed and position keyframes are
placed where the speed profile changes (each route point, and where acceleration ends or
braking starts), so the distance the scenario drives at its speed is the route's length.
Heading is left to the scenario model, which derives it from consecutive positions.

Signals the route does not decide (temperatures, tyres, doors, ...) are taken from a base
scenario's values at its start when one is given; fuel or charge and range go down with
the distance driven.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from headunit.core.map.geo import bearing_deg
from headunit.core.map.guidance import turn_angle
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, Value
from headunit.services.map.routing import NoRouteError, RoadGraph, Route
from headunit.services.map.schema import MapSchemaError, open_map
from headunit.services.vehicle.scenario_model import (
    FUEL, GEAR, HEADING, IS_MOVING, LATITUDE, LONGITUDE, ODOMETER, PARKING_BRAKE, POWERTRAINS, SOC, SPEED,
    Keyframe, Scenario,
)
from headunit.services.vehicle.source import SourceError

ACCELERATION_MPS2 = 1.5
BRAKING_MPS2 = 2.0
# Corner speeds by the bearing change at a route point: (at least this many degrees, km/h).
CORNER_KMH = ((150.0, 8.0), (100.0, 15.0), (60.0, 20.0), (30.0, 35.0))
BRAKE_OFF_S, GEAR_D_S, DEPART_S = 2.0, 3.0, 4.0  # the start: parked, brake released, D, moving
PARKED_AFTER_S = (1.0, 2.0, 5.0)  # after arriving: P, parking brake, end of the scenario
DEFAULT_LEVEL = {"combustion": 60, "electric": 70}  # fuel / charge in percent without a base
USE_PER_KM = {"combustion": 0.15, "electric": 0.3}  # percent of the tank / battery per km
RANGE = "Vehicle.Powertrain.Range"
CHARGING = "Vehicle.Powertrain.TractionBattery.Charging.IsCharging"
_DRIVEN = {SPEED, IS_MOVING, GEAR, PARKING_BRAKE, LATITUDE, LONGITUDE, HEADING, FUEL, SOC, RANGE, ODOMETER}


class RouteDriveError(SourceError):
    """No drive can be built: unknown POI, no map, no route. `code` as NoRouteError's, or
    'unknown_poi', 'no_map', 'bad_start'."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _corner_mps(turn_deg: float) -> float:
    for angle, kmh in CORNER_KMH:
        if abs(turn_deg) >= angle:
            return kmh / 3.6
    return math.inf


def _profile(along: Sequence[float], limits: Sequence[float], corners: Sequence[float]) -> list[float]:
    """Speed at each point (m/s): within the limits of the stretches either side and the corner,
    0 at both ends, reachable from its neighbours at the acceleration and braking rates."""
    count = len(along)
    speeds = [0.0] * count
    for i in range(1, count - 1):
        speeds[i] = min(limits[i - 1], limits[i], corners[i])
    for i in range(1, count):
        reach = math.sqrt(speeds[i - 1] ** 2 + 2 * ACCELERATION_MPS2 * (along[i] - along[i - 1]))
        speeds[i] = min(speeds[i], reach)
    for i in range(count - 2, -1, -1):
        reach = math.sqrt(speeds[i + 1] ** 2 + 2 * BRAKING_MPS2 * (along[i + 1] - along[i]))
        speeds[i] = min(speeds[i], reach)
    return speeds


def _stretch(length: float, v1: float, v2: float, top: float) -> list[tuple[float, float]]:
    """(distance from the stretch's start, speed) where the speed profile bends inside it:
    accelerate from v1 to `top` (or as far as there is room), cruise, brake to v2."""
    a, b = ACCELERATION_MPS2, BRAKING_MPS2
    speeding_up = (top * top - v1 * v1) / (2 * a)
    slowing_down = (top * top - v2 * v2) / (2 * b)
    if speeding_up + slowing_down <= length:
        bends = [(speeding_up, top), (length - slowing_down, top)]
    else:
        peak = math.sqrt(max(0.0, (2 * a * b * length + b * v1 * v1 + a * v2 * v2) / (a + b)))
        bends = [((peak * peak - v1 * v1) / (2 * a), peak)]
    return [(d, v) for d, v in bends if 0.5 < d < length - 0.5]


def _drive(route: Route, start_s: float) -> list[tuple[float, float, float, float]]:
    """(t, lat, lon, speed km/h) keyframes of the drive; the first at start_s, standing."""
    line = route.line
    points, along, times = [], [], []
    for point, d, t in zip(line.points, line.along_m, line.time_s):
        if along and d - along[-1] < 0.01:  # a repeated point: keep the first
            continue
        points.append(point)
        along.append(d)
        times.append(t)
    if len(points) < 2:  # nowhere to go: stand for a second
        lat, lon = round(line.points[0][0], 7), round(line.points[0][1], 7)
        return [(start_s, lat, lon, 0.0), (start_s + 1.0, lat, lon, 0.0)]
    limits = [(along[i + 1] - along[i]) / max(times[i + 1] - times[i], 1e-9) for i in range(len(points) - 1)]
    corners = [math.inf] * len(points)
    for i in range(1, len(points) - 1):
        (la0, lo0), (la1, lo1), (la2, lo2) = points[i - 1], points[i], points[i + 1]
        corners[i] = _corner_mps(turn_angle(bearing_deg(la0, lo0, la1, lo1), bearing_deg(la1, lo1, la2, lo2)))
    speeds = _profile(along, limits, corners)
    frames = [(start_s, round(points[0][0], 7), round(points[0][1], 7), 0.0)]
    t, v = start_s, 0.0
    for i in range(len(points) - 1):
        (lat1, lon1), (lat2, lon2) = points[i], points[i + 1]
        length = along[i + 1] - along[i]
        walked = 0.0
        for d, speed in [*_stretch(length, speeds[i], speeds[i + 1], limits[i]), (length, speeds[i + 1])]:
            t += (d - walked) / max((v + speed) / 2, 0.1)  # constant acceleration: at the mean speed
            f = d / length
            walked, v = d, speed
            stamp = round(t, 3)  # whole milliseconds, so the scenario's text form is exact
            if stamp > frames[-1][0]:
                frames.append((stamp, round(lat1 + f * (lat2 - lat1), 7), round(lon1 + f * (lon2 - lon1), 7),
                               round(speed * 3.6, 3)))
    last = points[-1]
    frames[-1] = (frames[-1][0], round(last[0], 7), round(last[1], 7), 0.0)
    return frames


def _track(*frames: tuple[float, Value, bool]) -> tuple[Keyframe, ...]:
    return tuple(Keyframe(t, value, ramp, 0) for t, value, ramp in frames)


def route_scenario(route: Route, base: Scenario | None = None, *, name: str = "route-drive",
                   description: str = "") -> Scenario:
    """A scenario that drives `route` from a parked start to a parked stop at its end.

    Other signals come from `base` at its start (its powertrain too); without one, a
    combustion car with 60 % fuel.
    """
    powertrain = base.powertrain if base is not None else "combustion"
    if powertrain not in POWERTRAINS:
        raise ValueError(f"unknown powertrain {powertrain!r}")
    start_values = base.values_at(0.0) if base is not None else {}
    frames = _drive(route, DEPART_S)
    arrive = frames[-1][0]
    park, brake, end = (round(arrive + s, 3) for s in PARKED_AFTER_S)
    tracks: dict[str, tuple[Keyframe, ...]] = {}
    if base is not None:
        for path in base.tracks:
            if path not in _DRIVEN:
                tracks[path] = _track((0.0, start_values.get(path, base.tracks[path][0].value), False))
    if CHARGING in tracks:
        tracks[CHARGING] = _track((0.0, False, False))
    if ODOMETER in start_values:
        tracks[ODOMETER] = _track((0.0, start_values[ODOMETER], False))
    km = route.length_m / 1000
    level_path = FUEL if powertrain == "combustion" else SOC
    level = start_values.get(level_path, DEFAULT_LEVEL[powertrain])
    left = max(0.0, float(level) - USE_PER_KM[powertrain] * km)
    left_value: Value = int(round(left)) if level_path == FUEL else round(left, 3)
    tracks[level_path] = _track((0.0, level, False), (DEPART_S, level, False), (arrive, left_value, True))
    if RANGE in start_values:
        remaining = max(0, int(start_values[RANGE]) - int(route.length_m))
        tracks[RANGE] = _track((0.0, start_values[RANGE], False), (DEPART_S, start_values[RANGE], False),
                               (arrive, remaining, True))
    tracks[SPEED] = _track((0.0, 0.0, False), *((t, v, True) for t, _, _, v in frames))
    tracks[GEAR] = _track((0.0, GEAR_PARK, False), (GEAR_D_S, GEAR_DRIVE, False), (park, GEAR_PARK, False))
    tracks[PARKING_BRAKE] = _track((0.0, True, False), (BRAKE_OFF_S, False, False), (brake, True, False))
    first_lat, first_lon = frames[0][1], frames[0][2]
    tracks[LATITUDE] = _track((0.0, first_lat, False), *((t, lat, True) for t, lat, _, _ in frames))
    tracks[LONGITUDE] = _track((0.0, first_lon, False), *((t, lon, True) for t, _, lon, _ in frames))
    if not description:
        description = f"drive {km:.1f} km, about {route.duration_s / 60:.0f} min at the roads' speeds"
    return Scenario(name, description, end, powertrain, tracks, "<route>")


def scenario_text(scenario: Scenario) -> str:
    """The scenario in the text format of docs/scenarios.md, which parse_scenario reads back to the
    same values (for `headunit simulate FILE` and for QA to keep or edit a drive)."""
    description = " ".join(scenario.description.replace("#", "").split())  # one line, no comment mark
    lines = [f"# {description or 'a drive along a route'}", f"name: {scenario.name}", f"description: {description}",
             f"duration: {_number(scenario.duration)}", f"powertrain: {scenario.powertrain}", ""]
    for path, frames in scenario.tracks.items():
        for frame in frames:
            lines.append(f"{_number(frame.t)} {path} {_value(path, frame.value)}{' ramp' if frame.ramp else ''}")
    return "\n".join(lines) + "\n"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _value(path: str, value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if path == GEAR and value in (GEAR_PARK, GEAR_DRIVE):
        return "P" if value == GEAR_PARK else "D"
    return repr(value) if isinstance(value, float) else str(value)


def build_route_drive(map_path: Path, poi_id: int, start: tuple[float, float],
                      base: Scenario | None = None) -> Scenario:
    """The scenario driving from `start` (lat, lon) to POI `poi_id` of the map at `map_path`.

    RouteDriveError (a SourceError, with a `code`) for a missing map, an unknown POI, a start that
    is not a position, or no route.
    """
    try:
        conn = open_map(map_path)
    except MapSchemaError as exc:
        raise RouteDriveError("no_map", str(exc)) from None
    try:
        row = conn.execute("SELECT lat, lon, name FROM pois WHERE id = ?", (poi_id,)).fetchone()
        if row is None:
            raise RouteDriveError("unknown_poi", f"no POI with id {poi_id} in the map {map_path} "
                                                 "(expected an id from the map's POI search)")
        lat, lon, poi_name = row
        label = f"POI {poi_id}" + (f" ({poi_name})" if poi_name else "")
        graph = RoadGraph.load(conn)
        try:
            route = graph.route(start, (lat, lon))
        except NoRouteError as exc:
            raise RouteDriveError(exc.code, f"cannot drive to {label}: {exc}") from None
        except ValueError as exc:
            raise RouteDriveError("bad_start", f"cannot drive to {label}: {exc}") from None
        finally:
            graph.close()
    finally:
        conn.close()
    return route_scenario(route, base, description=f"drive {route.length_m / 1000:.1f} km to {label}")
