"""Guidance: manoeuvres from a route's legs, the route line, and tracking the car along it."""

from __future__ import annotations

import math

import pytest

from headunit.core.map.geo import haversine_m
from headunit.core.map.guidance import (
    Direction, Leg, ManeuverKind, RouteLine, RouteTracker, TrackerSettings, TurnThresholds, build_maneuvers,
    classify, turn_angle,
)

LAT0, LON0 = 60.0, 25.0
STEP_LAT = 100 / 111_195.0  # about 100 m north
STEP_LON = STEP_LAT / math.cos(math.radians(LAT0))  # about 100 m east


def at(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) of a point x blocks east and y blocks north of the origin (a block is ~100 m)."""
    return LAT0 + y * STEP_LAT, LON0 + x * STEP_LON


def leg(name: str, *cells: tuple[float, float], speed: float = 36.0, length: float | None = None) -> Leg:
    """A leg through grid cells; its length is 100 m a block unless given."""
    if length is None:
        length = 100.0 * sum(math.dist(a, b) for a, b in zip(cells, cells[1:]))
    return Leg(tuple(at(*c) for c in cells), length, speed, name=name, road_class="residential")


def kinds(maneuvers) -> list[tuple[str, str, float, str]]:
    return [(m.kind.value, m.direction.value, round(m.distance_m, 6), m.road) for m in maneuvers]


# ---------------------------------------------------------------- angles

@pytest.mark.parametrize(("angle", "direction"), [
    (0, Direction.STRAIGHT), (19.9, Direction.STRAIGHT), (-19.9, Direction.STRAIGHT),
    (20, Direction.SLIGHT_RIGHT), (-45, Direction.SLIGHT_LEFT), (60, Direction.RIGHT), (-90, Direction.LEFT),
    (119.9, Direction.RIGHT), (120, Direction.SHARP_RIGHT), (-150, Direction.SHARP_LEFT),
    (170, Direction.UTURN), (-179, Direction.UTURN), (180, Direction.UTURN),
])
def test_classify_uses_the_slight_normal_sharp_and_uturn_thresholds(angle, direction):
    assert classify(angle) is direction


def test_thresholds_are_parameters():
    assert classify(30, TurnThresholds(slight_deg=40)) is Direction.STRAIGHT
    assert classify(100, TurnThresholds(sharp_deg=90)) is Direction.SHARP_RIGHT


@pytest.mark.parametrize(("before", "after", "angle"), [
    (350, 10, 20), (10, 350, -20), (90, 180, 90), (90, 0, -90), (0, 180, 180), (270, 90, 180),
])
def test_turn_angle_is_signed_and_wraps_around_north(before, after, angle):
    assert turn_angle(before, after) == pytest.approx(angle)


# ---------------------------------------------------------------- manoeuvres

def test_l_shaped_route_departs_turns_right_onto_the_avenue_and_arrives():
    legs = [leg("First Street", (0, 0), (1, 0)), leg("First Street", (1, 0), (2, 0)),
            leg("Second Avenue", (2, 0), (2, -1))]
    found = build_maneuvers(legs)
    assert kinds(found) == [("depart", "straight", 0.0, "First Street"),
                            ("turn", "right", 200.0, "Second Avenue"),
                            ("arrive", "straight", 300.0, "Second Avenue")]
    depart, turn, arrive = found
    assert depart.bearing_deg == pytest.approx(90, abs=0.5)
    assert turn.turn_deg == pytest.approx(90, abs=1)
    assert turn.bearing_deg == pytest.approx(180, abs=0.5)
    assert turn.point == at(2, 0) and turn.leg == 2
    assert arrive.point == at(2, -1) and arrive.leg == 2


def test_turning_north_from_eastbound_is_a_left_turn():
    found = build_maneuvers([leg("Shore Road", (0, 0), (1, 0)), leg("Hill Street", (1, 0), (1, 1))])
    assert found[1].direction is Direction.LEFT
    assert found[1].turn_deg == pytest.approx(-90, abs=1)


def test_slight_and_sharp_turns():
    slight = build_maneuvers([leg("A Road", (0, 0), (1, 0)), leg("B Road", (1, 0), (2, -0.6))])
    sharp = build_maneuvers([leg("A Road", (0, 0), (1, 0)), leg("B Road", (1, 0), (0.2, -0.8))])
    assert slight[1].kind is ManeuverKind.TURN and slight[1].direction is Direction.SLIGHT_RIGHT
    assert sharp[1].kind is ManeuverKind.TURN and sharp[1].direction is Direction.SHARP_RIGHT


def test_a_new_name_straight_ahead_is_continue_onto_it():
    found = build_maneuvers([leg("Old Town Road", (0, 0), (1, 0)), leg("Harbour Road", (1, 0), (2, 0))])
    assert kinds(found)[1] == ("continue", "straight", 100.0, "Harbour Road")


def test_a_bend_of_the_same_road_is_no_manoeuvre_but_a_corner_is():
    bend = build_maneuvers([leg("Ring Road", (0, 0), (1, 0)), leg("Ring Road", (1, 0), (2, -1))])
    corner = build_maneuvers([leg("Ring Road", (0, 0), (1, 0)), leg("Ring Road", (1, 0), (1, -1))])
    assert [m.kind for m in bend] == [ManeuverKind.DEPART, ManeuverKind.ARRIVE]
    assert [m.kind for m in corner] == [ManeuverKind.DEPART, ManeuverKind.TURN, ManeuverKind.ARRIVE]


def test_going_back_the_way_you_came_is_a_uturn():
    found = build_maneuvers([leg("Pier Road", (0, 0), (1, 0)), leg("Pier Road", (1, 0), (0, 0))])
    assert found[1].kind is ManeuverKind.UTURN and found[1].direction is Direction.UTURN


def test_bearings_are_taken_over_a_stretch_so_a_jog_at_the_node_does_not_count():
    # the last metre before the junction points north-east; the street runs east
    jog = Leg((at(0, 0), at(0.99, 0), at(1, 0.01)), 100.0, 36.0, name="Long Street")
    found = build_maneuvers([jog, leg("Cross Street", (1, 0.01), (1, -1))])
    assert found[1].direction is Direction.RIGHT
    assert found[1].turn_deg == pytest.approx(90, abs=3)


def test_a_turn_onto_a_short_link_and_then_onto_the_street_is_one_manoeuvre():
    found = build_maneuvers([leg("Main Street", (0, 0), (1, 0)), leg("", (1, 0), (1, 0.1)),
                             leg("Harbour Road", (1, 0.1), (1, 1))])
    assert kinds(found) == [("depart", "straight", 0.0, "Main Street"), ("turn", "left", 100.0, "Harbour Road"),
                            ("arrive", "straight", 200.0, "Harbour Road")]
    jog = build_maneuvers([leg("Main Street", (0, 0), (1, 0)), leg("", (1, 0), (1, 0.1)),
                           leg("Harbour Road", (1, 0.1), (2, 0.1))])  # left, then right at once: straight on
    assert kinds(jog)[1] == ("continue", "straight", 100.0, "Harbour Road")
    two_lefts = build_maneuvers([leg("Main Street", (0, 0), (1, 0)), leg("", (1, 0), (1, 0.1)),
                                 leg("Main Street", (1, 0.1), (0, 0.1))])
    assert two_lefts[1].kind is ManeuverKind.UTURN and two_lefts[1].turn_deg == pytest.approx(-180, abs=1)


def test_no_legs_no_manoeuvres():
    assert build_maneuvers([]) == []


# ---------------------------------------------------------------- the route line

def l_route() -> tuple[RouteLine, list]:
    """200 m east on First Street at 36 km/h (20 s), then 100 m south on Second Avenue at 18 km/h (20 s)."""
    legs = [leg("First Street", (0, 0), (1, 0), (2, 0)), leg("Second Avenue", (2, 0), (2, -1), speed=18.0)]
    return RouteLine.from_legs(legs), build_maneuvers(legs)


def test_route_line_measures_each_leg_by_its_length_and_speed():
    legs = [Leg((at(0, 0), at(1, 0), at(2, 0)), 250.0, 36.0), Leg((at(2, 0), at(2, -1)), 100.0, 18.0)]
    line = RouteLine.from_legs(legs)
    assert line.points == (at(0, 0), at(1, 0), at(2, 0), at(2, -1))  # the joint point once
    assert line.along_m == pytest.approx((0, 125, 250, 350))  # geometry scaled to the leg's 250 m
    assert line.time_s == pytest.approx((0, 12.5, 25, 45))
    assert (line.length_m, line.duration_s) == pytest.approx((350, 45))
    assert line.time_at(300) == pytest.approx(35)
    assert line.time_at(-5) == 0 and line.time_at(1000) == pytest.approx(45)


# ---------------------------------------------------------------- tracking

def test_progress_gives_distance_along_to_the_next_manoeuvre_and_what_remains():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers)
    start = tracker.update(*at(0, 0), t=0.0)
    assert start.along_m == pytest.approx(0, abs=0.01)
    assert (start.remaining_m, start.remaining_s) == pytest.approx((300, 40))
    assert start.next_maneuver.kind is ManeuverKind.TURN and start.to_next_m == pytest.approx(200)
    beside = tracker.update(*at(1.5, 0.05), t=15.0)  # 5 m north of the street, 150 m along
    assert beside.along_m == pytest.approx(150, abs=0.5)
    assert beside.offset_m == pytest.approx(5, abs=0.1)
    assert beside.to_next_m == pytest.approx(50, abs=0.5)
    assert beside.remaining_s == pytest.approx(5 + 20, abs=0.1)
    assert not beside.off_route and not beside.arrived
    after_turn = tracker.update(*at(2, -0.5), t=25.0)
    assert after_turn.next_maneuver.kind is ManeuverKind.ARRIVE
    assert after_turn.to_next_m == pytest.approx(50, abs=0.5)
    assert after_turn.remaining_s == pytest.approx(10, abs=0.1)


def test_off_route_after_three_far_fixes_in_a_row_and_not_before():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers)
    tracker.update(*at(1, 0), t=0.0)
    assert not tracker.update(*at(1, 1), t=0.1).off_route  # 100 m north: far once
    assert not tracker.update(*at(1, 1), t=0.2).off_route
    third = tracker.update(*at(1, 1), t=0.3)
    assert third.off_route
    assert third.along_m == pytest.approx(100, abs=0.5)  # progress stays where the car left the route
    assert third.offset_m == pytest.approx(100, abs=1)


def test_off_route_after_some_seconds_of_far_fixes_even_with_few_fixes():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers, TrackerSettings(off_route_fixes=10, off_route_s=5.0))
    tracker.update(*at(1, 0), t=0.0)
    assert not tracker.update(*at(1, 1), t=1.0).off_route
    assert not tracker.update(*at(1, 1), t=5.9).off_route
    assert tracker.update(*at(1, 1), t=6.0).off_route


def test_a_near_fix_between_far_ones_starts_the_count_again():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers)
    for t, point in enumerate([at(1, 0), at(1, 1), at(1, 1), at(1.1, 0), at(1.1, 1), at(1.1, 1)]):
        progress = tracker.update(*point, t=t * 0.5)
    assert not progress.off_route


def test_an_off_route_car_rejoins_only_when_close_again():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers)
    tracker.update(*at(0.5, 0), t=0.0)
    for t in (1.0, 2.0, 3.0):
        tracker.update(*at(0.5, 1), t=t)
    assert tracker.off_route
    assert tracker.update(*at(1.2, 0.3), t=4.0).off_route  # 30 m away: nearer than 40 m, not back yet
    back = tracker.update(*at(1.8, 0.1), t=5.0)  # 10 m from the street, further along
    assert not back.off_route
    assert back.along_m == pytest.approx(180, abs=0.5)


def test_a_route_along_the_same_street_twice_is_tracked_on_the_pass_being_driven():
    legs = [leg("Pier Road", (0, 0), (3, 0)), leg("Pier Road", (3, 0), (0, 0))]  # out 300 m and back
    tracker = RouteTracker(RouteLine.from_legs(legs), build_maneuvers(legs))
    assert tracker.update(*at(1, 0), t=10.0).along_m == pytest.approx(100, abs=0.5)  # not 500
    for step, x in enumerate((1.5, 2, 2.5, 3)):
        tracker.update(*at(x, 0), t=15.0 + 5 * step)
    back = tracker.update(*at(2, 0), t=40.0)
    assert back.along_m == pytest.approx(400, abs=0.5)  # on the way back, not the first pass at 200


def test_heading_picks_the_pass_driven_in_that_direction():
    legs = [leg("Pier Road", (0, 0), (3, 0)), leg("Pier Road", (3, 0), (0, 0))]
    settings = TrackerSettings(ahead_m=1000)  # both passes inside the search window
    westbound = RouteTracker(RouteLine.from_legs(legs), build_maneuvers(legs), settings)
    assert westbound.update(*at(2.7, 0), t=0.0, heading_deg=270).along_m == pytest.approx(330, abs=0.5)
    eastbound = RouteTracker(RouteLine.from_legs(legs), build_maneuvers(legs), settings)
    assert eastbound.update(*at(2.7, 0), t=0.0, heading_deg=90).along_m == pytest.approx(270, abs=0.5)


def test_arrived_near_the_end_and_nothing_left_at_it():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers)
    tracker.update(*at(2, 0), t=0.0)
    near = tracker.update(*at(2, -0.9), t=18.0)
    assert near.arrived and near.next_maneuver.kind is ManeuverKind.ARRIVE
    assert near.to_next_m == pytest.approx(10, abs=0.5)
    end = tracker.update(*at(2, -1), t=20.0)
    assert end.arrived and end.next_maneuver is None
    assert (end.remaining_m, end.remaining_s) == pytest.approx((0, 0), abs=0.01)


def test_a_line_of_one_point_cannot_be_tracked():
    with pytest.raises(ValueError, match="two points"):
        RouteTracker(RouteLine((at(0, 0),), (0.0,), (0.0,)), [])


def test_the_grid_helper_is_about_100_m_a_block():
    assert haversine_m(*at(0, 0), *at(1, 0)) == pytest.approx(100, rel=0.01)
    assert haversine_m(*at(0, 0), *at(0, 1)) == pytest.approx(100, rel=0.01)


def test_tracker_settings_must_make_sense():
    with pytest.raises(ValueError, match="positive"):
        TrackerSettings(off_route_fixes=0)
    with pytest.raises(ValueError, match="positive"):
        TrackerSettings(off_route_m=-1)


def test_rejoining_needs_at_least_as_close_as_leaving():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers, TrackerSettings(off_route_m=10, rejoin_m=20))
    tracker.update(*at(0.5, 0), t=0.0)
    for t in (1.0, 2.0, 3.0):
        tracker.update(*at(0.5, 0.15), t=t)  # 15 m off
    assert tracker.off_route
    assert tracker.update(*at(0.6, 0.15), t=4.0).off_route  # within rejoin_m, but not within off_route_m
    assert not tracker.update(*at(0.7, 0.05), t=5.0).off_route


def test_a_car_starting_off_the_road_is_off_the_route_only_when_it_moves_away():
    line, maneuvers = l_route()
    tracker = RouteTracker(line, maneuvers)
    for t in range(5):  # parked 100 m south of the route's start
        assert not tracker.update(*at(0, -1), t=float(t)).off_route
    for t in range(5, 8):  # drives to the road and along it
        tracker.update(*at(0.5 * (t - 5), 0), t=float(t))
    for t in range(8, 11):  # 50 m off: now that is off the route
        progress = tracker.update(*at(1, 0.5), t=float(t))
    assert progress.off_route

    wanderer = RouteTracker(line, maneuvers)
    wanderer.update(*at(0, -1), t=0.0)
    for t in (1.0, 2.0, 3.0):
        progress = wanderer.update(*at(0, -1.5), t=t)  # 150 m away: farther than it began, and more
    assert progress.off_route
