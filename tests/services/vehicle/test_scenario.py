"""The scenario format: parsing, errors naming file/line/field, evaluation, shipped files."""

from __future__ import annotations

import pytest

from headunit.core.signals import CATALOGUE, GEAR_DRIVE, GEAR_PARK, Quality, make_sample
from headunit.services.vehicle.scenario import (
    ALIASES, available_scenarios, load_scenario, parse_scenario,
)
from headunit.services.vehicle.scenario_model import format_time, parse_time
from headunit.services.vehicle.source import SourceError

HEADER = "name: test\nduration: 2:00\npowertrain: combustion\n"
CORE = "0 speed 0\n0 gear P\n0 parking-brake true\n0 fuel 50\n"

TYRES = [f"Vehicle.Chassis.Axle.{r}.Wheel.{s}.Tire.Pressure" for r in ("Row1", "Row2") for s in ("Left", "Right")]
DOORS = [f"Vehicle.Cabin.Door.{r}.{s}" for r in ("Row1", "Row2") for s in ("DriverSide", "PassengerSide")]


def parse(body: str, header: str = HEADER, core: str = CORE):
    return parse_scenario(header + core + body, "test.scenario")


def error_of(text: str) -> str:
    with pytest.raises(SourceError) as caught:
        parse_scenario(text, "bad.scenario")
    return str(caught.value)


# ---------------------------------------------------------------- evaluation

def test_steps_hold_until_the_next_keyframe_and_ramps_interpolate():
    s = parse("10 speed 0\n20 speed 50 ramp\n30 gear D\n# a comment\n40 fuel 40   # trailing comment\n")
    assert s.values_at(5)["Vehicle.Speed"] == 0.0
    assert s.values_at(15)["Vehicle.Speed"] == 25.0
    assert s.values_at(100)["Vehicle.Speed"] == 50.0
    assert s.values_at(29.9)["Vehicle.Powertrain.Transmission.SelectedGear"] == GEAR_PARK
    assert s.values_at(30)["Vehicle.Powertrain.Transmission.SelectedGear"] == GEAR_DRIVE
    assert s.values_at(39)["Vehicle.Powertrain.FuelSystem.RelativeLevel"] == 50
    assert s.values_at(40)["Vehicle.Powertrain.FuelSystem.RelativeLevel"] == 40


def test_integer_ramps_round_and_values_keep_their_type():
    s = parse("0 range 1000\n1:00 range 2001 ramp\n")
    assert s.values_at(30)["Vehicle.Powertrain.Range"] == 1500
    assert isinstance(s.values_at(30)["Vehicle.Powertrain.Range"], int)
    assert isinstance(s.values_at(0)["Vehicle.Speed"], float)


def test_is_moving_is_derived_from_speed_unless_scripted():
    s = parse("10 speed 30 ramp\n")
    assert s.values_at(0)["Vehicle.IsMoving"] is False
    assert s.values_at(5)["Vehicle.IsMoving"] is True
    scripted = parse("10 speed 30 ramp\n0 moving false\n")
    assert scripted.values_at(10)["Vehicle.IsMoving"] is False


def test_powertrain_type_comes_from_the_header():
    assert parse("").values_at(0)["Vehicle.Powertrain.Type"] == "COMBUSTION"
    ev = parse_scenario("name: ev\nduration: 60\npowertrain: electric\n0 speed 0\n0 gear P\n"
                        "0 parking-brake true\n0 soc 80.5\n")
    assert ev.values_at(0)["Vehicle.Powertrain.Type"] == "ELECTRIC"
    assert ev.values_at(0)["Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"] == 80.5


def test_signals_appear_at_their_first_keyframe_and_hold_after_the_end():
    s = parse("0:30 outside-temp -5.5\n")
    assert "Vehicle.Exterior.AirTemperature" not in s.values_at(29)
    assert s.values_at(30)["Vehicle.Exterior.AirTemperature"] == -5.5
    assert s.values_at(10_000) == s.values_at(120)
    with pytest.raises(ValueError):
        s.values_at(-1)


def test_heading_is_derived_from_consecutive_positions():
    s = parse("0 latitude 60.17\n0 longitude 24.94\n30 latitude 60.17\n30 longitude 24.94\n"
              "60 latitude 60.18 ramp\n60 longitude 24.94 ramp\n90 latitude 60.18 ramp\n90 longitude 24.96 ramp\n")
    assert s.values_at(45)["Vehicle.CurrentLocation.Heading"] == 0.0  # north
    assert s.values_at(75)["Vehicle.CurrentLocation.Heading"] == pytest.approx(90, abs=0.1)  # east
    assert s.values_at(120)["Vehicle.CurrentLocation.Heading"] == pytest.approx(90, abs=0.1)  # stopped: kept
    assert s.values_at(45)["Vehicle.CurrentLocation.Latitude"] == 60.175
    scripted = parse("0 latitude 60.17\n0 longitude 24.94\n0 heading 200\n")
    assert scripted.values_at(60)["Vehicle.CurrentLocation.Heading"] == 200.0


def test_the_odometer_counts_the_distance_driven():
    s = parse("0 odometer 1000\n10 speed 0\n20 speed 36 ramp\n60 speed 36\n70 speed 0 ramp\n"
              "90 speed -18\n100 speed -18\n")
    assert s.values_at(20)["Vehicle.TraveledDistance"] == 1050  # 0 -> 10 m/s over 10 s
    assert s.values_at(70)["Vehicle.TraveledDistance"] == 1500
    assert s.values_at(100)["Vehicle.TraveledDistance"] == 1550  # reversing counts too
    reset = parse("0 odometer 1000\n0:10 speed 36\n1:00 odometer 5\n")
    assert reset.values_at(70)["Vehicle.TraveledDistance"] == 105


def test_a_value_outside_the_range_is_allowed_and_flagged_when_sampled():
    s = parse("30 fuel 130\n30 Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure -5\n")
    values = s.values_at(30)
    assert make_sample("Vehicle.Powertrain.FuelSystem.RelativeLevel", values[
        "Vehicle.Powertrain.FuelSystem.RelativeLevel"], 0).quality is Quality.OUT_OF_RANGE
    assert make_sample(TYRES[0], values[TYRES[0]], 0).quality is Quality.OUT_OF_RANGE


def test_times_in_seconds_or_minutes():
    assert parse_time("90") == 90 and parse_time("12.5") == 12.5
    assert parse_time("1:30") == 90 and parse_time("1:02:03") == 3723
    assert parse_time("1:75") is None and parse_time("-3") is None and parse_time("soon") is None
    assert format_time(90) == "1:30" and format_time(12.5) == "0:12.5" and format_time(3723) == "1:02:03"


def test_aliases_are_catalogue_paths_and_unambiguous():
    assert all(path in CATALOGUE for path in ALIASES.values())
    assert len(set(ALIASES.values())) == len(ALIASES)


# ---------------------------------------------------------------- errors: FILE:LINE: FIELD: ...

BAD = [
    ("unknown path, with a suggestion", HEADER + CORE + "10 Vehicle.Sped 3\n", 8, "path", "did you mean Vehicle.Speed"),
    ("unknown alias", HEADER + CORE + "10 fule 3\n", 8, "path", "did you mean fuel"),
    ("boolean value", HEADER + CORE + "10 parking-brake yes\n", 8, "value", "expected a boolean value"),
    ("fraction for an integer", HEADER + CORE + "10 fuel 12.5\n", 8, "value", "expected a uint8 value"),
    ("text for a number", HEADER + CORE + "10 speed fast\n", 8, "value", "expected a float value"),
    ("unknown gear", HEADER + CORE + "10 gear X\n", 8, "value", "P, R, N, D"),
    ("time backwards", HEADER + CORE + "30 speed 10\n20 speed 5\n", 9, "time", "0:20 goes back before the previous keyframe"),
    ("same time twice", HEADER + CORE + "30 speed 10\n30 speed 5\n", 9, "time", "0:30 is the time of the previous keyframe of Vehicle.Speed (line 8"),
    ("time beyond duration", HEADER + CORE + "2:01 speed 10\n", 8, "time", "expected at most the duration, 2:00"),
    ("not a time", HEADER + CORE + "1:75 speed 10\n", 8, "time", "is not a time"),
    ("ramp on a boolean", HEADER + CORE + "10 parking-brake false ramp\n", 8, "ramp", "cannot ramp"),
    ("ramp on gear", HEADER + CORE + "10 gear D ramp\n", 8, "ramp", "gear positions change in steps"),
    ("ramp on the odometer", HEADER + CORE + "0 odometer 5\n9 odometer 9 ramp\n", 9, "ramp", "odometer"),
    ("ramp from nothing", HEADER + CORE + "10 range 5000 ramp\n", 8, "ramp", "nothing to ramp from"),
    ("not 'ramp'", HEADER + CORE + "10 speed 5 slowly\n", 8, "ramp", "'slowly' is not 'ramp'"),
    ("too many fields", HEADER + CORE + "10 speed 5 ramp now\n", 8, "ramp", "unexpected"),
    ("missing value", HEADER + CORE + "10 speed\n", 8, "value", "missing"),
    ("missing path", HEADER + CORE + "10\n", 8, "path", "missing"),
    ("missing header field", "name: t\npowertrain: combustion\n\n" + CORE, 4, "duration", "missing header field"),
    ("unknown header key", "name: t\nspeed_limit: 50\n", 2, "speed_limit", "unknown header key"),
    ("keyframe written as header", "name: t\nspeed: 50\n", 2, "speed", "a keyframe starts with its time"),
    ("header twice", "name: t\nname: u\n", 2, "name", "given twice"),
    ("header after keyframes", HEADER + CORE + "description: late\n", 8, "description", "after the first keyframe"),
    ("bad duration", "name: t\nduration: long\n", 2, "duration", "is not a duration"),
    ("bad powertrain", "name: t\npowertrain: steam\n", 2, "powertrain", "expected combustion or electric"),
    ("battery on a combustion car", HEADER + CORE + "0 soc 50\n", 8, "path", "does not exist on a combustion"),
    ("type is the header's", HEADER + CORE + "0 Vehicle.Powertrain.Type ELECTRIC\n", 8, "path", "'powertrain:'"),
    ("core signal set late", HEADER + "0 speed 0\n0 gear P\n0 parking-brake true\n0:10 fuel 50\n", 7, "time",
     "expected its initial value at 0"),
    ("core signal missing", HEADER + "0 speed 0\n0 gear P\n0 fuel 50\n", 4, "path",
     "Vehicle.Chassis.ParkingBrake.IsEngaged has no keyframe"),
    ("latitude alone", HEADER + CORE + "0 latitude 60.2\n", 8, "path", "without Vehicle.CurrentLocation.Longitude"),
    ("no keyframes", HEADER + "# nothing\n", 4, "keyframes", "none found"),
]


@pytest.mark.parametrize(("text", "line", "field", "fragment"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_errors_name_file_line_and_field(text, line, field, fragment):
    message = error_of(text)
    assert message.startswith(f"bad.scenario:{line}: {field}: "), message
    assert fragment in message
    assert "\n" not in message


# ---------------------------------------------------------------- loading

def test_load_by_name_and_by_path(tmp_path):
    assert load_scenario("city-drive").name == "city-drive"
    file = tmp_path / "mine.scenario"
    file.write_text(HEADER + CORE, encoding="utf-8")
    assert load_scenario(str(file)).file == str(file)


def test_unknown_name_lists_the_available_ones():
    with pytest.raises(SourceError, match=r"unknown scenario 'city-driv'; did you mean city-drive.*available: city-drive, "):
        load_scenario("city-driv")


def test_unreadable_files_are_named(tmp_path):
    with pytest.raises(SourceError, match="missing.scenario: cannot read"):
        load_scenario(str(tmp_path / "missing.scenario"))
    latin = tmp_path / "latin.scenario"
    latin.write_bytes((HEADER + "# caf\xe9\n").encode("latin-1"))
    with pytest.raises(SourceError, match=r"latin.scenario:4: text: not UTF-8"):
        load_scenario(str(latin))


# ---------------------------------------------------------------- shipped scenarios

SHIPPED = ["city-drive", "motorway-drive", "low-fuel", "door-open-while-moving", "slow-puncture",
           "ev-charging", "winter-night-parked"]
EVERYWHERE = ["Vehicle.Powertrain.Range", "Vehicle.TraveledDistance", "Vehicle.Service.DistanceToService",
              "Vehicle.Service.TimeToService", "Vehicle.Exterior.AirTemperature",
              "Vehicle.Cabin.HVAC.AmbientAirTemperature", "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature",
              "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", "Vehicle.Cabin.HVAC.Preconditioning.IsActive",
              "Vehicle.CurrentLocation.Latitude", "Vehicle.CurrentLocation.Heading", "Vehicle.Body.Trunk.Rear.IsOpen",
              *TYRES, *(f"{d}.IsOpen" for d in DOORS), *(f"{d}.Window.Position" for d in DOORS)]


def timeline(name: str, step: float = 5):
    s = load_scenario(name)
    times = [i * step for i in range(int(s.duration // step) + 1)]
    return s, [(t, s.values_at(t)) for t in times]


def test_every_required_scenario_ships():
    assert set(SHIPPED) <= set(available_scenarios())


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_scenario_is_complete_and_plausible(name):
    s, frames = timeline(name)
    assert s.name == name and s.description
    assert 120 <= s.duration <= 900
    assert [p for p in EVERYWHERE if p not in frames[0][1]] == []
    for t, values in frames:
        bad = [(p, v) for p, v in values.items() if make_sample(p, v, t).quality is not Quality.VALID]
        assert bad == [], f"{name} at {t}: {bad}"
        assert 60.1 < values["Vehicle.CurrentLocation.Latitude"] < 60.3  # Helsinki and Espoo
        assert 24.5 < values["Vehicle.CurrentLocation.Longitude"] < 25.2
        if values["Vehicle.IsMoving"]:
            assert values["Vehicle.Powertrain.Transmission.SelectedGear"] != GEAR_PARK
            assert values["Vehicle.Chassis.ParkingBrake.IsEngaged"] is False
    odometer = [v["Vehicle.TraveledDistance"] for _, v in frames]
    assert odometer == sorted(odometer)


def test_city_drive_is_stop_and_go_in_town():
    s, frames = timeline("city-drive")
    assert s.values_at(60)["Vehicle.IsMoving"] is True
    speeds = [v["Vehicle.Speed"] for _, v in frames]
    assert max(speeds) <= 50
    stops_in_gear = [t for t, v in frames if v["Vehicle.Speed"] == 0
                     and v["Vehicle.Powertrain.Transmission.SelectedGear"] == GEAR_DRIVE]
    assert len(stops_in_gear) >= 3
    fuel = [v["Vehicle.Powertrain.FuelSystem.RelativeLevel"] for _, v in frames]
    assert fuel[-1] < fuel[0]


def test_motorway_drive_reaches_120():
    _, frames = timeline("motorway-drive")
    assert max(v["Vehicle.Speed"] for _, v in frames) == 120


def test_low_fuel_goes_under_ten_then_under_five_percent():
    s, frames = timeline("low-fuel")
    fuel = [v["Vehicle.Powertrain.FuelSystem.RelativeLevel"] for _, v in frames]
    under_10 = next(i for i, f in enumerate(fuel) if f < 10)
    under_5 = next(i for i, f in enumerate(fuel) if f < 5)
    assert 0 < under_10 < under_5
    assert s.values_at(s.duration)["Vehicle.Powertrain.FuelSystem.RelativeLevel"] < 5


def test_a_door_opens_at_speed():
    _, frames = timeline("door-open-while-moving", step=1)
    assert any(v["Vehicle.Speed"] > 20 and any(v[f"{d}.IsOpen"] for d in DOORS) for _, v in frames)


def test_slow_puncture_deflates_one_tyre():
    s = load_scenario("slow-puncture")
    start, end = s.values_at(0), s.values_at(s.duration)
    assert [p for p in TYRES if end[p] < 190] == ["Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure"]
    assert start["Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure"] >= 225


def test_ev_charging_soc_rises_while_time_to_complete_falls():
    s, frames = timeline("ev-charging")
    charging = [v for _, v in frames if v["Vehicle.Powertrain.TractionBattery.Charging.IsCharging"]]
    soc = [v["Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"] for v in charging]
    left = [v["Vehicle.Powertrain.TractionBattery.Charging.TimeToComplete"] for v in charging]
    assert len(charging) > 10 and soc == sorted(soc) and soc[-1] - soc[0] > 30
    assert left == sorted(left, reverse=True) and left[-1] > 0
    assert all(v["Vehicle.Speed"] == 0 and v["Vehicle.Powertrain.Type"] == "ELECTRIC" for _, v in frames)
    assert "Vehicle.Powertrain.FuelSystem.RelativeLevel" not in frames[0][1]


def test_winter_night_parked_cools_down_without_preheat():
    s, frames = timeline("winter-night-parked")
    assert all(v["Vehicle.Exterior.AirTemperature"] <= -15 for _, v in frames)
    assert all(v["Vehicle.Cabin.HVAC.Preconditioning.IsActive"] is False for _, v in frames)
    assert all(v["Vehicle.IsMoving"] is False for _, v in frames)
    cabin = [v["Vehicle.Cabin.HVAC.AmbientAirTemperature"] for _, v in frames]
    assert cabin == sorted(cabin, reverse=True) and cabin[0] - cabin[-1] > 15
