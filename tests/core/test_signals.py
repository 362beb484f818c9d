"""headunit.core.signals: the catalogue against VSS 6.0, coercion, quality, SignalState."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from headunit.core.signals import (
    CATALOGUE,
    VSS_RELEASE,
    Quality,
    Sample,
    SignalError,
    SignalSpec,
    SignalState,
    make_sample,
    spec_of,
)

VSS_JSON = Path(__file__).resolve().parents[2].parent / "shared" / "vss" / "vss-6.0.json"
LEAF_TYPES = ("sensor", "actuator", "attribute")
INT_BOUNDS = {
    "uint8": (0, 255), "int8": (-128, 127), "uint16": (0, 65535), "int16": (-32768, 32767),
    "uint32": (0, 2**32 - 1), "int32": (-(2**31), 2**31 - 1),
}
VSS_SPECS = [spec for spec in CATALOGUE.values() if not spec.overlay]
OVERLAYS = [spec for spec in CATALOGUE.values() if spec.overlay]


@cache
def vss_tree() -> dict[str, Any]:
    if not VSS_JSON.is_file():
        pytest.fail(f"VSS {VSS_RELEASE} tree not found at {VSS_JSON}: the shared/ folder "
                    "(shared/vss/vss-6.0.json) must sit beside the repository")
    return json.loads(VSS_JSON.read_text(encoding="utf-8"))


def vss_node(path: str) -> dict[str, Any] | None:
    node: dict[str, Any] = {"children": vss_tree()}
    for name in path.split("."):
        node = (node.get("children") or {}).get(name)
        if node is None:
            return None
    return node


# --- the catalogue is VSS 6.0 --------------------------------------------------------------


def test_pinned_release_is_the_shared_tree() -> None:
    assert VSS_RELEASE == "6.0" and VSS_JSON.name == f"vss-{VSS_RELEASE}.json"
    assert vss_tree()["Vehicle"]["type"] == "branch"


@pytest.mark.parametrize("spec", VSS_SPECS, ids=lambda s: s.path)
def test_catalogue_path_is_a_vss_leaf_with_the_same_datatype_and_unit(spec: SignalSpec) -> None:
    node = vss_node(spec.path)
    assert node is not None, f"{spec.path} is not in VSS {VSS_RELEASE}"
    assert node["type"] in LEAF_TYPES, f"{spec.path} is a {node['type']}, not a leaf"
    assert node["datatype"] == spec.datatype, f"{spec.path}: VSS says {node['datatype']}"
    assert node.get("unit") == spec.unit, f"{spec.path}: VSS unit is {node.get('unit')}"


@pytest.mark.parametrize("spec", VSS_SPECS, ids=lambda s: s.path)
def test_catalogue_range_lies_within_the_vss_range(spec: SignalSpec) -> None:
    node = vss_node(spec.path)
    assert node is not None
    if "min" in node:
        assert spec.min is not None and spec.min >= node["min"], f"VSS min is {node['min']}"
    if "max" in node:
        assert spec.max is not None and spec.max <= node["max"], f"VSS max is {node['max']}"


@pytest.mark.parametrize("spec", list(CATALOGUE.values()), ids=lambda s: s.path)
def test_catalogue_range_lies_within_the_datatype(spec: SignalSpec) -> None:
    low, high = INT_BOUNDS.get(spec.datatype, (-math.inf, math.inf))
    assert spec.min is None or low <= spec.min, spec.path
    assert spec.max is None or spec.max <= high, spec.path
    assert spec.min is None or spec.max is None or spec.min < spec.max, spec.path
    if spec.datatype in ("boolean", "string"):
        assert spec.min is None and spec.max is None, spec.path


@pytest.mark.parametrize("spec", OVERLAYS, ids=lambda s: s.path)
def test_overlay_is_not_in_vss_but_under_an_existing_branch(spec: SignalSpec) -> None:
    assert vss_node(spec.path) is None, f"{spec.path} is in VSS: drop overlay=True"
    parent = spec.path.rsplit(".", 2)[0]  # e.g. Vehicle.Cabin.HVAC for ...Preconditioning.IsActive
    node = vss_node(parent)
    assert node is not None and node["type"] == "branch", f"{parent} is not a VSS branch"


def test_catalogue_keys_are_the_spec_paths_and_cover_the_design_signals() -> None:
    assert all(path == spec.path for path, spec in CATALOGUE.items())
    for path in ("Vehicle.Speed", "Vehicle.IsMoving",
                 "Vehicle.Powertrain.Transmission.SelectedGear",
                 "Vehicle.Chassis.ParkingBrake.IsEngaged",
                 "Vehicle.Powertrain.FuelSystem.RelativeLevel",
                 "Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure",
                 "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position"):
        assert path in CATALOGUE


# --- coercion ------------------------------------------------------------------------------

SPEED = "Vehicle.Speed"
MOVING = "Vehicle.IsMoving"
GEAR = "Vehicle.Powertrain.Transmission.SelectedGear"
FUEL = "Vehicle.Powertrain.FuelSystem.RelativeLevel"
TYPE = "Vehicle.Powertrain.Type"
TYRE = "Vehicle.Chassis.Axle.Row1.Wheel.Left.Tire.Pressure"
ODOMETER = "Vehicle.TraveledDistance"  # uint32 without a range of its own


@pytest.mark.parametrize(
    "path, given, typed",
    [
        (MOVING, True, True), (MOVING, False, False), (MOVING, 1, True), (MOVING, 0, False),
        (TYPE, "ELECTRIC", "ELECTRIC"), (TYPE, "", ""),
        (GEAR, 126, 126), (GEAR, -1, -1), (GEAR, 127.0, 127), (FUEL, 42.0, 42),
        (SPEED, 50, 50.0), (SPEED, 12.5, 12.5), (SPEED, -3, -3.0),
    ],
)
def test_values_are_coerced_to_the_signal_type(path: str, given: object, typed: object) -> None:
    sample = make_sample(path, given, 10.0)
    assert sample == Sample(path, typed, 10.0, Quality.VALID)
    assert type(sample.value) is type(typed)


@pytest.mark.parametrize(
    "path, bad",
    [
        (MOVING, 2), (MOVING, "true"), (MOVING, 1.0), (MOVING, None),
        (TYPE, 3), (TYPE, b"EV"), (TYPE, None),
        (GEAR, 1.5), (GEAR, True), (GEAR, "1"), (GEAR, math.nan), (GEAR, math.inf), (GEAR, None),
        (SPEED, True), (SPEED, "50"), (SPEED, None), (SPEED, [50]),
    ],
)
def test_wrong_type_is_a_signal_error_naming_path_and_value(path: str, bad: object) -> None:
    with pytest.raises(SignalError) as info:
        make_sample(path, bad, 0.0)
    assert path in str(info.value) and repr(bad) in str(info.value)
    assert CATALOGUE[path].datatype in str(info.value)


def test_unknown_path_is_a_signal_error_naming_it() -> None:
    for path in ("Vehicle.Speeed", "Vehicle.Cabin.Door.Row3.DriverSide.IsOpen", ""):
        with pytest.raises(SignalError, match=f"unknown signal '{path}'.*VSS 6.0"):
            spec_of(path)
        with pytest.raises(SignalError, match="unknown signal"):
            make_sample(path, 1, 0.0)
    assert issubclass(SignalError, ValueError)


# --- quality ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, value, quality",
    [
        (SPEED, math.nan, Quality.OUT_OF_RANGE), (SPEED, math.inf, Quality.OUT_OF_RANGE),
        (SPEED, -math.inf, Quality.OUT_OF_RANGE), (SPEED, 350.0, Quality.VALID),
        (SPEED, 350.1, Quality.OUT_OF_RANGE), (SPEED, -60, Quality.VALID),
        (SPEED, -61, Quality.OUT_OF_RANGE),
        (FUEL, 100, Quality.VALID), (FUEL, 0, Quality.VALID), (FUEL, 101, Quality.OUT_OF_RANGE),
        (FUEL, -1, Quality.OUT_OF_RANGE), (FUEL, 300, Quality.OUT_OF_RANGE),
        (TYRE, 600, Quality.VALID), (TYRE, 601, Quality.OUT_OF_RANGE),
        (GEAR, 127, Quality.VALID), (GEAR, 128, Quality.OUT_OF_RANGE),  # int8 bound
        (GEAR, -129, Quality.OUT_OF_RANGE),
        (ODOMETER, 2**32 - 1, Quality.VALID), (ODOMETER, 2**32, Quality.OUT_OF_RANGE),
        (ODOMETER, -1, Quality.OUT_OF_RANGE),
        (MOVING, True, Quality.VALID), (TYPE, "anything", Quality.VALID),
    ],
)
def test_quality_flags_values_outside_the_range(path: str, value: object, quality: Quality) -> None:
    assert make_sample(path, value, 0.0).quality is quality


def test_datatype_bounds_apply_without_a_spec_range() -> None:
    uint8 = SignalSpec("Vehicle.Test", "uint8")
    assert uint8.quality_of(300) is Quality.OUT_OF_RANGE
    assert uint8.quality_of(255) is Quality.VALID
    assert SignalSpec("Vehicle.Test", "float").quality_of(1e300) is Quality.VALID


@given(st.sampled_from(list(CATALOGUE.values())),
       st.one_of(st.booleans(), st.integers(-(2**40), 2**40), st.floats(), st.text(max_size=5)))
def test_any_value_is_either_refused_or_typed_and_flagged(spec: SignalSpec, value: object) -> None:
    try:
        sample = make_sample(spec.path, value, 1.0)
    except SignalError as exc:
        assert spec.path in str(exc)
        return
    typed = sample.value
    number = isinstance(typed, (int, float)) and not isinstance(typed, bool)
    if sample.quality is Quality.VALID and number:
        low, high = INT_BOUNDS.get(spec.datatype, (-math.inf, math.inf))
        low = spec.min if spec.min is not None else low
        high = spec.max if spec.max is not None else high
        assert math.isfinite(typed) and low <= typed <= high
    python_type = {"boolean": bool, "string": str, "float": float, "double": float}
    assert type(typed) is python_type.get(spec.datatype, int)


# --- SignalState -----------------------------------------------------------------------------


def test_apply_reports_changes_of_value_or_quality_only() -> None:
    state = SignalState()
    assert state.apply(make_sample(SPEED, 10, 1.0)) is True
    assert state.apply(make_sample(SPEED, 10, 2.0)) is False  # same value, newer timestamp
    assert state.get(SPEED) == Sample(SPEED, 10.0, 2.0)
    assert state.apply(make_sample(SPEED, 11, 3.0)) is True
    assert state.apply(make_sample(SPEED, 11, 4.0).stale()) is True
    assert state.apply(make_sample(SPEED, 11, 5.0)) is True  # valid again
    assert state.apply(make_sample(SPEED, math.nan, 6.0)) is True
    assert state.apply(make_sample(SPEED, math.nan, 7.0)) is False  # a stuck NaN is no change


def test_apply_all_lists_the_changed_paths_in_order() -> None:
    state = SignalState()
    state.apply(make_sample(FUEL, 40, 0.0))
    samples = [make_sample(SPEED, 5, 1.0), make_sample(FUEL, 40, 1.0), make_sample(GEAR, 127, 1.0)]
    assert state.apply_all(samples) == [SPEED, GEAR]
    assert state.apply_all(samples) == []


def test_value_returns_valid_and_stale_values_but_never_out_of_range_ones() -> None:
    state = SignalState()
    assert state.value(SPEED) is None and state.value(SPEED, 0.0) == 0.0
    state.apply(make_sample(SPEED, 42, 1.0))
    assert state.value(SPEED) == 42.0
    state.apply(make_sample(SPEED, 42, 1.0).stale())
    assert state.value(SPEED) == 42.0  # stale: last known, shown with "as of"
    state.apply(make_sample(SPEED, 999, 2.0))
    assert state.get(SPEED).quality is Quality.OUT_OF_RANGE  # type: ignore[union-attr]
    assert state.value(SPEED) is None and state.value(SPEED, -1.0) == -1.0


def test_mark_all_stale_keeps_values_and_returns_what_changed() -> None:
    state = SignalState()
    state.apply_all([make_sample(SPEED, 30, 1.0), make_sample(FUEL, 50, 1.0),
                     make_sample(GEAR, 127, 1.0).stale(), make_sample(TYRE, 900, 1.0)])
    assert state.mark_all_stale() == [SPEED, FUEL]
    assert state.get(SPEED) == Sample(SPEED, 30.0, 1.0, Quality.STALE)
    assert state.value(FUEL) == 50
    assert state.get(TYRE).quality is Quality.OUT_OF_RANGE  # type: ignore[union-attr]
    assert state.value(TYRE) is None  # an out-of-range value never becomes "stale but real"
    assert state.mark_all_stale() == []


@given(st.lists(st.tuples(st.sampled_from([SPEED, FUEL, TYRE]), st.floats(-100, 1000),
                          st.booleans()), max_size=30))
def test_out_of_range_values_are_never_returned_as_real(
    events: list[tuple[str, float, bool]],
) -> None:
    state = SignalState()
    for path, value, lose_source in events:
        try:
            state.apply(make_sample(path, value, 0.0))
        except SignalError:
            continue  # a non-integral float for an integer signal
        if lose_source:
            state.mark_all_stale()
        for known in state.samples:
            shown = state.value(known)
            spec = CATALOGUE[known]
            assert shown is None or spec.quality_of(shown) is Quality.VALID
