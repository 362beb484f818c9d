"""The vehicle panel loaded offscreen in the full shell, fed by a real scenario source."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from headunit.core.config import Config, PathsConfig, with_overrides
from tests.qml.quick import find, is_shown, start_ui, tap

DOOR_OPEN_AT_SPEED = """\
name: door-open-at-speed
description: a rear door open at 40 km/h with a soft tyre, for panel tests
duration: 10:00
powertrain: combustion
0:00  speed          40
0:00  gear           D
0:00  parking-brake  false
0:00  fuel           8
0:00  range          95000
0:00  outside-temp   4
0:00  Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen         true
0:00  Vehicle.Chassis.Axle.Row2.Wheel.Right.Tire.Pressure  150
0:00  Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature   21
"""


@pytest.fixture
def vehicle_ui(tasks, qtbot, tmp_path, backend):
    made = []

    def make(size: str = "1280x720", max_list_items: int = 21):
        scenario = tmp_path / "door.scenario"
        scenario.write_text(DOOR_OPEN_AT_SPEED)
        config = with_overrides(Config(), {"display.size": size, "vehicle.scenario": str(scenario),
                                           "restrictions.max_list_items": max_list_items})
        config = replace(config, paths=PathsConfig(str(tmp_path / "data")))
        ui = start_ui(qtbot, tasks, backend.configure(config), "vehicle")
        made.append(ui)
        return ui

    yield make
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    for ui in made:
        ui.dispose()


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
def test_the_panel_shows_energy_the_open_door_the_soft_tyre_and_warnings(vehicle_ui, qtbot, size):
    ui = vehicle_ui(size)
    qtbot.waitUntil(lambda: find(ui.window, "rangeText").property("text") == "95 km", timeout=5_000)
    assert find(ui.window, "door_rearRight").property("open") is True
    assert find(ui.window, "tyre_rearRight").property("low") is True
    assert find(ui.window, "tyre_frontLeft").property("low") is False
    warnings = ui.vehicle.warnings
    messages = [warnings.data(warnings.index(r), warnings.MessageRole) for r in range(warnings.rowCount())]
    assert messages[0] == "Rear door on the passenger's side open while moving"
    assert any(m.startswith("Low tyre pressure, rear right") for m in messages)
    panel = "warningsPanel" if size == "1920x720" else "warningsPanelCompact"
    assert is_shown(find(ui.window, panel))


def test_while_moving_the_warning_list_is_cut_to_the_configured_length(vehicle_ui, qtbot):
    ui = vehicle_ui(max_list_items=1)
    qtbot.waitUntil(lambda: ui.restrictions.drivingState == "moving" and ui.vehicle.warnings.rowCount() >= 2,
                    timeout=5_000)
    assert find(ui.window, "warningsPanelCompact").property("maximumItems") == 1


def test_a_climate_change_goes_to_the_vehicle_and_comes_back(vehicle_ui, qtbot):
    ui = vehicle_ui()
    tap(ui.window, find(ui.window, "tabClimate"))
    qtbot.waitUntil(lambda: ui.vehicle.driverSetpoint == 21.0, timeout=5_000)
    plus = find(ui.window, "driverSetpointPlus")
    qtbot.waitUntil(lambda: is_shown(plus), timeout=2_000)
    tap(ui.window, plus)
    qtbot.waitUntil(lambda: ui.vehicle.driverSetpoint == 21.5, timeout=5_000)
