"""headunit.core.vehicle_warnings: each rule, thresholds from config, ordering."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headunit.core.config import VehicleConfig
from headunit.core.restrictions import DrivingState
from headunit.core.signals import CATALOGUE, SignalState, make_sample
from headunit.core.vehicle_warnings import (
    OPENINGS,
    WHEELS,
    Severity,
    VehicleWarning,
    vehicle_warnings,
)

PARKED, STOPPED, MOVING = DrivingState.PARKED, DrivingState.STOPPED, DrivingState.MOVING
INFO, WARNING, CRITICAL = Severity.INFO, Severity.WARNING, Severity.CRITICAL
FUEL = "Vehicle.Powertrain.FuelSystem.RelativeLevel"
SOC = "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current"
FRONT_LEFT = "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure"
REAR_RIGHT = "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure"
DRIVER_DOOR = "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen"
TRUNK = "Vehicle.Body.Trunk.Rear.IsOpen"
HOOD = "Vehicle.Body.Hood.IsOpen"


def state_of(values: dict[str, object], timestamp: float = 100.0) -> SignalState:
    state = SignalState()
    state.apply_all(make_sample(path, value, timestamp) for path, value in values.items())
    return state


def warnings_for(values: dict[str, object], driving: DrivingState = PARKED,
                 config: VehicleConfig = VehicleConfig()) -> list[VehicleWarning]:
    return vehicle_warnings(state_of(values), driving, config)


def codes(warnings: list[VehicleWarning]) -> list[tuple[str, Severity]]:
    return [(w.code, w.severity) for w in warnings]


def test_nothing_to_report_on_a_healthy_car() -> None:
    healthy = {FUEL: 60, SOC: 80.0, DRIVER_DOOR: False, TRUNK: False, HOOD: False,
               **{path: 230 for _, path in WHEELS.values()},
               "Vehicle.Service.DistanceToService": 5000.0, "Vehicle.Service.TimeToService": 1}
    for driving in DrivingState:
        assert warnings_for(healthy, driving) == []
    assert vehicle_warnings(SignalState(), MOVING) == []


# --- levels ----------------------------------------------------------------------------------


@pytest.mark.parametrize("level, expected", [
    (11, []), (10, [("low_fuel", WARNING)]), (6, [("low_fuel", WARNING)]),
    (5, [("low_fuel", CRITICAL)]), (0, [("low_fuel", CRITICAL)]),
])
def test_low_fuel(level: int, expected: list) -> None:
    found = warnings_for({FUEL: level})
    assert codes(found) == expected
    if found:
        assert found[0].detail == {"percent": level}
        assert found[0].message == f"Fuel low: {level} % left"


def test_low_fuel_threshold_comes_from_config() -> None:
    config = VehicleConfig(low_fuel_percent=20)
    assert codes(warnings_for({FUEL: 20}, config=config)) == [("low_fuel", WARNING)]
    assert warnings_for({FUEL: 21}, config=config) == []
    low = VehicleConfig(low_fuel_percent=3)  # below the critical level: critical from 3
    assert warnings_for({FUEL: 4}, config=low) == []
    assert codes(warnings_for({FUEL: 3}, config=low)) == [("low_fuel", CRITICAL)]


@pytest.mark.parametrize("soc, expected", [
    (10.5, []), (10.0, [("low_battery", WARNING)]), (5.1, [("low_battery", WARNING)]),
    (5.0, [("low_battery", CRITICAL)]), (0.0, [("low_battery", CRITICAL)]),
])
def test_low_battery(soc: float, expected: list) -> None:
    found = warnings_for({SOC: soc})
    assert codes(found) == expected
    if found:
        assert found[0].detail == {"percent": soc}


# --- tyres -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kpa, expected", [
    (190, []), (189, [("low_tyre", WARNING)]), (150, [("low_tyre", WARNING)]),
    (149, [("low_tyre", CRITICAL)]), (0, [("low_tyre", CRITICAL)]),
])
def test_low_tyre_pressure(kpa: int, expected: list) -> None:
    assert codes(warnings_for({FRONT_LEFT: kpa})) == expected


def test_each_low_tyre_names_its_wheel() -> None:
    found = warnings_for({FRONT_LEFT: 180, REAR_RIGHT: 100,
                          "Vehicle.Chassis.Axle.Row1.Wheel.Right.Tire.Pressure": 230})
    assert [(w.severity, w.detail) for w in found] == [
        (CRITICAL, {"wheel": "rear_right", "kpa": 100}),
        (WARNING, {"wheel": "front_left", "kpa": 180}),
    ]
    assert found[0].message == "Low tyre pressure, rear right: 100 kPa"
    assert found[1].message == "Low tyre pressure, front left: 180 kPa"
    assert set(WHEELS) == {"front_left", "front_right", "rear_left", "rear_right"}
    assert all(path in CATALOGUE for _, path in WHEELS.values())


def test_low_tyre_threshold_comes_from_config() -> None:
    config = VehicleConfig(low_tyre_kpa=250)
    assert codes(warnings_for({FRONT_LEFT: 230}, config=config)) == [("low_tyre", WARNING)]
    assert codes(warnings_for({FRONT_LEFT: 209}, config=config)) == [("low_tyre", CRITICAL)]
    assert warnings_for({FRONT_LEFT: 250}, config=config) == []


# --- doors, trunk, hood ---------------------------------------------------------------------


@pytest.mark.parametrize("driving, severity", [(PARKED, INFO), (STOPPED, WARNING),
                                               (MOVING, CRITICAL)])
def test_open_door_severity_follows_the_driving_state(driving: DrivingState,
                                                      severity: Severity) -> None:
    found = warnings_for({DRIVER_DOOR: True}, driving)
    assert codes(found) == [("door_open", severity)]
    assert found[0].detail == {"opening": "front_driver"}
    suffix = " while moving" if driving is MOVING else ""
    assert found[0].message == f"Front driver's door open{suffix}"


def test_trunk_and_hood_open_while_moving_are_critical() -> None:
    found = warnings_for({TRUNK: True, HOOD: True, DRIVER_DOOR: False}, MOVING)
    assert codes(found) == [("trunk_open", CRITICAL), ("hood_open", CRITICAL)]
    assert [w.message for w in found] == ["Trunk open while moving", "Hood open while moving"]


def test_every_opening_is_a_catalogue_signal_and_warns() -> None:
    every = {path: True for *_, path in OPENINGS}
    assert set(every) <= set(CATALOGUE)
    found = warnings_for(every, MOVING)
    assert [w.detail["opening"] for w in found] == [opening for _, opening, _, _ in OPENINGS]
    assert len({w.detail["opening"] for w in found}) == 6


# --- service, data quality -------------------------------------------------------------------


@pytest.mark.parametrize("values, detail", [
    ({"Vehicle.Service.DistanceToService": 0.0}, {"km": 0.0}),
    ({"Vehicle.Service.DistanceToService": -120.5}, {"km": -120.5}),
    ({"Vehicle.Service.TimeToService": -3600}, {"seconds": -3600}),
    ({"Vehicle.Service.DistanceToService": -1.0, "Vehicle.Service.TimeToService": 0},
     {"km": -1.0, "seconds": 0}),
])
def test_service_due(values: dict, detail: dict) -> None:
    assert warnings_for(values) == [VehicleWarning("service_due", WARNING, "Service due", detail)]


def test_service_not_yet_due() -> None:
    assert warnings_for({"Vehicle.Service.DistanceToService": 0.1,
                         "Vehicle.Service.TimeToService": 60}) == []


def test_stale_data_is_one_warning_with_the_last_time_known() -> None:
    state = state_of({FUEL: 60, "Vehicle.Speed": 0}, timestamp=50.0)
    state.apply(make_sample(SOC, 70.0, 80.0))
    state.mark_all_stale()
    assert vehicle_warnings(state, PARKED) == [
        VehicleWarning("stale_data", WARNING, "Vehicle data not current",
                       {"signals": 3, "as_of": 80.0}),
    ]


def test_stale_values_still_warn_next_to_the_stale_warning() -> None:
    state = state_of({FUEL: 4})
    state.mark_all_stale()
    assert codes(vehicle_warnings(state, PARKED)) == [("low_fuel", CRITICAL),
                                                      ("stale_data", WARNING)]


def test_out_of_range_signal_is_info_naming_it_and_never_a_level_warning() -> None:
    found = warnings_for({FUEL: 250, FRONT_LEFT: 900, "Vehicle.Speed": float("nan")})
    assert found == [
        VehicleWarning("out_of_range", INFO, f"Signal out of range, not shown: {path}",
                       {"path": path})
        for path in sorted([FUEL, FRONT_LEFT, "Vehicle.Speed"])
    ]


# --- ordering --------------------------------------------------------------------------------


def test_sorted_critical_first_then_rule_order() -> None:
    state = state_of({
        FUEL: 8, SOC: 3.0, FRONT_LEFT: 100, REAR_RIGHT: 170, DRIVER_DOOR: True,
        "Vehicle.Service.DistanceToService": -5.0, "Vehicle.Cabin.Sunroof.Position": 120,
    })
    state.apply(make_sample(TRUNK, True, 1.0).stale())
    assert codes(vehicle_warnings(state, MOVING)) == [
        ("low_battery", CRITICAL), ("low_tyre", CRITICAL), ("door_open", CRITICAL),
        ("trunk_open", CRITICAL),
        ("low_fuel", WARNING), ("low_tyre", WARNING), ("service_due", WARNING),
        ("stale_data", WARNING),
        ("out_of_range", INFO),
    ]


def test_warnings_are_hashable_values() -> None:
    first, second = warnings_for({FUEL: 3}), warnings_for({FUEL: 3})
    assert first == second and hash(first[0]) == hash(second[0])


@given(st.dictionaries(st.sampled_from([FUEL, FRONT_LEFT, REAR_RIGHT, DRIVER_DOOR, TRUNK]),
                       st.integers(0, 300), max_size=5),
       st.sampled_from(list(DrivingState)))
def test_any_state_gives_severity_sorted_warnings(values: dict, driving: DrivingState) -> None:
    typed = {p: (bool(v % 2) if CATALOGUE[p].datatype == "boolean" else v)
             for p, v in values.items()}
    found = warnings_for(typed, driving)
    ranks = [[CRITICAL, WARNING, INFO].index(w.severity) for w in found]
    assert ranks == sorted(ranks)
