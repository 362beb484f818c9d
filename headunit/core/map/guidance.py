"""Turn-by-turn guidance, pure: manoeuvres from a route's legs, and the car's progress along it.

A route is a list of legs, one per road-graph edge, each with its points in driving order.
Manoeuvres sit at the joints between legs: a turn wherever the bearing changes by a turn's
angle, a "continue onto" where only the road's name changes; bends of one road are not
manoeuvres. Bearings at a joint are taken over a short stretch either side (OSM puts
nodes a metre apart in places, so the last segment alone is noise).

RouteTracker follows the car: each fix is projected onto the route near the last known
progress (a route that passes a street twice never jumps to the later pass), and the car
is off the route after it has been too far from it for a few fixes or seconds; it is back
on when a fix comes close again. A car that starts away from the road (a route starts at
the road node nearest to it) is off the route only if it gets farther away than it began.
Time is passed in with every fix, never read.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from headunit.core.map.geo import EARTH_RADIUS_M, bearing_deg, haversine_m

LatLon = tuple[float, float]


@dataclass(frozen=True)
class Leg:
    """One graph edge of a route: its geometry in driving order (>= 2 points) and its road."""

    points: tuple[LatLon, ...]
    length_m: float
    speed_kmh: float
    name: str = ""
    ref: str = ""
    road_class: str = ""

    @property
    def label(self) -> str:
        """What a driver reads on the sign: the name, else the reference number, else ''."""
        return self.name or self.ref

    @property
    def duration_s(self) -> float:
        return self.length_m / (self.speed_kmh / 3.6)


class ManeuverKind(StrEnum):
    DEPART = "depart"
    TURN = "turn"
    CONTINUE = "continue"  # straight on, onto a road of another name
    UTURN = "uturn"
    ARRIVE = "arrive"


class Direction(StrEnum):
    STRAIGHT = "straight"
    SLIGHT_RIGHT = "slight_right"
    RIGHT = "right"
    SHARP_RIGHT = "sharp_right"
    SLIGHT_LEFT = "slight_left"
    LEFT = "left"
    SHARP_LEFT = "sharp_left"
    UTURN = "uturn"


@dataclass(frozen=True)
class TurnThresholds:
    """Bearing changes (degrees, either side) from which a turn is slight, normal, sharp, a U-turn."""

    slight_deg: float = 20.0
    turn_deg: float = 60.0
    sharp_deg: float = 120.0
    uturn_deg: float = 170.0
    span_m: float = 15.0  # bearings either side of a joint are measured over this much road
    merge_m: float = 20.0  # a manoeuvre this close after another is announced with it, as one


@dataclass(frozen=True)
class Maneuver:
    kind: ManeuverKind
    direction: Direction
    distance_m: float  # from the start of the route
    road: str  # the road to take (name, else ref; '' when it has neither); arrive: the last road
    road_class: str
    turn_deg: float  # signed bearing change: positive to the right, negative to the left
    bearing_deg: float  # compass bearing after the manoeuvre (arrive: when arriving)
    point: LatLon
    leg: int  # index of the leg the manoeuvre leads onto (arrive: the last leg)


def turn_angle(bearing_in: float, bearing_out: float) -> float:
    """Signed change from one compass bearing to another, -180 < a <= 180 (positive: right)."""
    delta = (bearing_out - bearing_in) % 360.0
    return delta - 360.0 if delta > 180.0 else delta


def classify(turn_deg: float, thresholds: TurnThresholds = TurnThresholds()) -> Direction:
    size = abs(turn_deg)
    if size >= thresholds.uturn_deg:
        return Direction.UTURN
    if size < thresholds.slight_deg:
        return Direction.STRAIGHT
    right = turn_deg > 0
    if size < thresholds.turn_deg:
        return Direction.SLIGHT_RIGHT if right else Direction.SLIGHT_LEFT
    if size < thresholds.sharp_deg:
        return Direction.RIGHT if right else Direction.LEFT
    return Direction.SHARP_RIGHT if right else Direction.SHARP_LEFT


def _point_along(points: Sequence[LatLon], span_m: float) -> LatLon:
    """The first point at least `span_m` from points[0] along the line (else the last)."""
    walked = 0.0
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
        walked += haversine_m(lat1, lon1, lat2, lon2)
        if walked >= span_m:
            return lat2, lon2
    return points[-1]


def _bearing(a: LatLon, b: LatLon) -> float:
    return bearing_deg(a[0], a[1], b[0], b[1])


def _joint(angle: float, distance: float, onto: Leg, bearing: float, point: LatLon, leg: int,
           thresholds: TurnThresholds) -> Maneuver:
    """The manoeuvre onto leg `leg`; `angle` may be the sum of two close turns (beyond +-180: a U-turn)."""
    direction = classify(angle, thresholds)
    kind = (ManeuverKind.UTURN if direction is Direction.UTURN
            else ManeuverKind.CONTINUE if direction is Direction.STRAIGHT else ManeuverKind.TURN)
    return Maneuver(kind, direction, distance, onto.label, onto.road_class, max(-180.0, min(180.0, angle)),
                    bearing, point, leg)


def build_maneuvers(legs: Sequence[Leg], thresholds: TurnThresholds = TurnThresholds()) -> list[Maneuver]:
    """Depart, the turns and name changes at the joints between legs, arrive. Empty for no legs.

    Two manoeuvres less than `merge_m` apart (a turn onto a short unnamed link, then onto the
    street) become one: the first's place, the second's road, the sum of their turns.
    """
    if not legs:
        return []
    first = legs[0]
    start = first.points[0]
    out_bearing = _bearing(start, _point_along(first.points, thresholds.span_m))
    found = [Maneuver(ManeuverKind.DEPART, Direction.STRAIGHT, 0.0, first.label, first.road_class, 0.0,
                      out_bearing, start, 0)]
    distance = first.length_m
    for index in range(1, len(legs)):
        before, after = legs[index - 1], legs[index]
        joint = after.points[0]
        bearing_in = _bearing(_point_along(before.points[::-1], thresholds.span_m), joint)
        bearing_out = _bearing(joint, _point_along(after.points, thresholds.span_m))
        angle = turn_angle(bearing_in, bearing_out)
        if after.label != before.label or abs(angle) >= thresholds.turn_deg:
            previous = found[-1]
            if len(found) > 1 and distance - previous.distance_m < thresholds.merge_m:
                found[-1] = _joint(previous.turn_deg + angle, previous.distance_m, after, bearing_out,
                                   previous.point, index, thresholds)
            else:
                found.append(_joint(angle, distance, after, bearing_out, joint, index, thresholds))
        distance += after.length_m
    last = legs[-1]
    end = last.points[-1]
    arrive_bearing = _bearing(_point_along(last.points[::-1], thresholds.span_m), end)
    found.append(Maneuver(ManeuverKind.ARRIVE, Direction.STRAIGHT, distance, last.label, last.road_class, 0.0,
                          arrive_bearing, end, len(legs) - 1))
    return found


# -- the route as one line, with distance and time along it --------------------------------

@dataclass(frozen=True)
class RouteLine:
    """The route's polyline with the distance and the travel time from the start at each point.

    Distances along a leg are scaled so that the leg measures its `length_m` (the graph's
    figure), so the line's length and duration are the route's.
    """

    points: tuple[LatLon, ...]
    along_m: tuple[float, ...]
    time_s: tuple[float, ...]

    @classmethod
    def from_legs(cls, legs: Sequence[Leg]) -> RouteLine:
        points: list[LatLon] = []
        along: list[float] = []
        times: list[float] = []
        distance = elapsed = 0.0
        for leg in legs:
            steps = [haversine_m(a[0], a[1], b[0], b[1]) for a, b in zip(leg.points, leg.points[1:])]
            geometric = sum(steps)
            scale = leg.length_m / geometric if geometric > 0 else 0.0
            per_metre = 3.6 / leg.speed_kmh
            if not points:
                points.append(leg.points[0])
                along.append(0.0)
                times.append(0.0)
            for point, step in zip(leg.points[1:], steps):
                distance += step * scale
                elapsed += step * scale * per_metre
                points.append(point)
                along.append(distance)
                times.append(elapsed)
            if geometric <= 0 < leg.length_m:  # a leg without extent still counts its length and time
                distance += leg.length_m
                elapsed += leg.duration_s
                along[-1], times[-1] = distance, elapsed
        return cls(tuple(points), tuple(along), tuple(times))

    @property
    def length_m(self) -> float:
        return self.along_m[-1] if self.along_m else 0.0

    @property
    def duration_s(self) -> float:
        return self.time_s[-1] if self.time_s else 0.0

    def time_at(self, along_m: float) -> float:
        """Travel time from the start to `along_m` metres along the line."""
        i = bisect_right(self.along_m, along_m) - 1
        if i < 0:
            return 0.0
        if i + 1 >= len(self.along_m):
            return self.duration_s
        a0, a1 = self.along_m[i], self.along_m[i + 1]
        f = (along_m - a0) / (a1 - a0) if a1 > a0 else 0.0
        return self.time_s[i] + f * (self.time_s[i + 1] - self.time_s[i])


# -- progress along the route --------------------------------------------------------------

@dataclass(frozen=True)
class TrackerSettings:
    off_route_m: float = 40.0  # a fix farther than this from the route counts against it ...
    off_route_fixes: int = 3  # ... and this many such fixes in a row ...
    off_route_s: float = 5.0  # ... or such fixes for this long make the car off route
    rejoin_m: float = 20.0  # an off-route car is back on when a fix is this close (at most off_route_m)
    back_m: float = 30.0  # how far behind the last progress a fix may project (GPS noise)
    ahead_m: float = 200.0  # how far ahead of it, plus what max_speed_mps covers since the last fix
    max_speed_mps: float = 70.0
    heading_penalty_m: float = 50.0  # added to a stretch the car is heading against (> 90 degrees off)
    arrive_m: float = 20.0  # within this of the end (on route) the car has arrived

    def __post_init__(self) -> None:
        if self.off_route_fixes < 1 or min(self.off_route_m, self.off_route_s, self.rejoin_m, self.back_m,
                                           self.ahead_m, self.max_speed_mps, self.arrive_m) < 0:
            raise ValueError(f"tracker settings must be positive (at least one fix): {self}")


@dataclass(frozen=True)
class Progress:
    along_m: float  # distance driven along the route
    offset_m: float  # distance of this fix from the route
    point: LatLon  # the fix projected onto the route
    remaining_m: float
    remaining_s: float  # at the legs' speeds
    next_maneuver: Maneuver | None
    to_next_m: float  # distance to next_maneuver (0 when there is none)
    off_route: bool
    arrived: bool


@dataclass(frozen=True)
class _Projection:
    along_m: float
    offset_m: float
    point: LatLon
    score: float


def _project(line: RouteLine, i: int, lat: float, lon: float, low: float, high: float
             ) -> tuple[float, float, LatLon, float]:
    """(along_m, offset_m, point, segment bearing) of (lat, lon) projected on the part of segment i
    between `low` and `high` metres along the route (on a local flat plane)."""
    (lat1, lon1), (lat2, lon2) = line.points[i], line.points[i + 1]
    a0, a1 = line.along_m[i], line.along_m[i + 1]
    k = math.radians(1.0) * EARTH_RADIUS_M
    kx = k * math.cos(math.radians(lat1))
    bx, by = (lon2 - lon1) * kx, (lat2 - lat1) * k
    px, py = (lon - lon1) * kx, (lat - lat1) * k
    span = bx * bx + by * by
    f = 0.0 if span == 0 else (px * bx + py * by) / span
    if a1 > a0:
        f = min(f, (high - a0) / (a1 - a0), 1.0)
        f = max(f, (low - a0) / (a1 - a0), 0.0)
    else:
        f = min(1.0, max(0.0, f))
    point = (lat1 + f * (lat2 - lat1), lon1 + f * (lon2 - lon1))
    return a0 + f * (a1 - a0), haversine_m(lat, lon, point[0], point[1]), point, bearing_deg(lat1, lon1, lat2, lon2)


class RouteTracker:
    """Where the car is on one route; feed it every position fix with its time."""

    def __init__(self, line: RouteLine, maneuvers: Sequence[Maneuver],
                 settings: TrackerSettings = TrackerSettings()) -> None:
        if len(line.points) < 2:
            raise ValueError("a route to track needs at least two points")
        self.line = line
        self.maneuvers = tuple(maneuvers)
        self.settings = settings
        self._along = 0.0
        self._last_t: float | None = None
        self._far_count = 0
        self._far_since: float | None = None
        self._off = False
        self._far_m: float | None = None  # until the car first comes near the route: how far counts as far

    @property
    def off_route(self) -> bool:
        return self._off

    def update(self, lat: float, lon: float, t: float, heading_deg: float | None = None) -> Progress:
        """Progress after the fix (lat, lon) at time t (seconds, any monotonic clock)."""
        s = self.settings
        elapsed = 0.0 if self._last_t is None else max(0.0, t - self._last_t)
        self._last_t = t
        low = max(0.0, self._along - s.back_m)
        high = math.inf if self._off else self._along + s.ahead_m + s.max_speed_mps * elapsed
        best = self._nearest(lat, lon, low, high, heading_deg)
        if self._far_m is None:  # the first fix: a car parked off the road is not off the route yet
            self._far_m = max(s.off_route_m, best.offset_m + s.off_route_m)
        if best.offset_m <= s.off_route_m:
            self._far_m = s.off_route_m  # joined: from now on the plain threshold
        if self._off:
            if best.offset_m <= min(s.rejoin_m, s.off_route_m):
                self._off, self._far_count, self._far_since = False, 0, None
                self._along = best.along_m
        elif best.offset_m > self._far_m:
            self._far_count += 1
            self._far_since = t if self._far_since is None else self._far_since
            if self._far_count >= s.off_route_fixes or t - self._far_since >= s.off_route_s:
                self._off = True
        else:
            self._far_count, self._far_since = 0, None
            self._along = best.along_m
        return self._progress(best)

    def _nearest(self, lat: float, lon: float, low: float, high: float, heading: float | None) -> _Projection:
        along = self.line.along_m
        first = max(0, bisect_right(along, low) - 1)
        last = min(len(along) - 2, max(first, bisect_left(along, high) - 1))
        best: _Projection | None = None
        for i in range(first, last + 1):
            at, offset, point, bearing = _project(self.line, i, lat, lon, low, high)
            score = offset + 0.01 * abs(at - self._along)  # equal distances: the nearer along the route wins
            if heading is not None and along[i + 1] > along[i] and abs(turn_angle(bearing, heading)) > 90:
                score += self.settings.heading_penalty_m
            if best is None or score < best.score:
                best = _Projection(at, offset, point, score)
        assert best is not None  # the range always holds at least one segment
        return best

    def _progress(self, seen: _Projection) -> Progress:
        along = self._along
        line = self.line
        upcoming = next((m for m in self.maneuvers if m.distance_m > along), None)
        remaining = max(0.0, line.length_m - along)
        return Progress(
            along_m=along, offset_m=seen.offset_m, point=seen.point, remaining_m=remaining,
            remaining_s=max(0.0, line.duration_s - line.time_at(along)), next_maneuver=upcoming,
            to_next_m=upcoming.distance_m - along if upcoming else 0.0, off_route=self._off,
            arrived=not self._off and remaining <= self.settings.arrive_m,
        )
