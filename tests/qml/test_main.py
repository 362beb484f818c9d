"""The full QML shell loaded offscreen with its real stores; any QML warning fails
the test (pytest-qt's qt_log_level_fail in pyproject.toml)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickWindow

from headunit.app import Ui, build_ui
from headunit.core.config import Config, FeaturesConfig, PathsConfig, with_overrides
from tests.qml.quick import find, find_all, is_shown, tap, wait_settled

SIZES = ["800x480", "1280x720", "1920x720"]


STEADY_DRIVE = """\
name: steady-drive
description: a car holding 42 km/h on a cold day, for shell tests
duration: 10:00
powertrain: combustion
0:00  speed          42.4
0:00  gear           D
0:00  parking-brake  false
0:00  outside-temp   -3.2
0:00  fuel           55
"""


def make_config(tmp_path: Path, size: str = "1280x720", theme: str = "day", **features: bool) -> Config:
    scenario = tmp_path / "steady-drive.scenario"
    scenario.write_text(STEADY_DRIVE)
    config = with_overrides(Config(), {"display.size": size, "display.theme": theme,
                                       "vehicle.scenario": str(scenario)})
    return replace(config, paths=PathsConfig(str(tmp_path / "data")), features=FeaturesConfig(**features))


@pytest.fixture
def launch(tasks, qtbot, tmp_path, backend):
    """Load Main.qml like the app does and wait for its first frame."""
    loaded: list[Ui] = []
    warnings: list[str] = []

    def _launch(config: Config | None = None, begin: bool = True) -> Ui:
        ui = build_ui(backend.configure(config or make_config(tmp_path)))
        assert ui is not None, "Main.qml failed to load"
        ui.engine.warnings.connect(lambda ws: warnings.extend(w.toString() for w in ws))
        loaded.append(ui)
        with qtbot.waitSignal(ui.window.frameSwapped, timeout=10_000):
            ui.window.show()
        if begin:
            ui.startup.begin(tasks)
            wait_settled(qtbot, ui)
        return ui

    yield _launch
    for ui in loaded:
        qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
        ui.dispose()
    assert warnings == []


@pytest.mark.parametrize("theme", ["day", "night"])
@pytest.mark.parametrize("size", SIZES)
def test_every_area_loads_cleanly_at_each_size_and_theme(launch, qtbot, tmp_path, size, theme):
    ui = launch(make_config(tmp_path, size, theme))
    width, height = (int(v) for v in size.split("x"))
    assert (ui.window.width(), ui.window.height()) == (width, height)
    assert isinstance(ui.window, QQuickWindow)
    for key in ("home", "map", "media", "vehicle", "apps"):
        ui.shell.openArea(key)
        loader = find(ui.window, f"{key}Loader")
        qtbot.waitUntil(lambda: loader.property("ready"), timeout=10_000)
        assert is_shown(loader)
        assert loader.property("item").width() == loader.width()
    # The status bar's right-hand readouts never run into the clock and driving chip.
    chip = find(ui.window, "drivingIndicator")
    speed = find(ui.window, "statusSpeed")
    assert speed.mapToScene(speed.position()).x() > chip.mapToScene(chip.position()).x() + chip.width()


def test_first_frame_shows_the_shell_before_any_view_or_storage(launch, tmp_path):
    ui = launch(make_config(tmp_path), begin=False)
    assert ui.shell.storageState == "starting"
    assert not ui.window.property("settled")
    for key in ("map", "media", "vehicle", "apps"):
        assert find(ui.window, f"{key}Loader").property("active") is False
    assert is_shown(find(ui.window, "statusBar"))
    assert is_shown(find(ui.window, "navigationRail"))


def test_touch_targets_are_at_least_64_px_at_1280x720(launch):
    ui = launch()
    targets = find_all(ui.window, "rail_") + find_all(ui.window, "tile_") + [find(ui.window, "themeToggle")]
    targets = [t for t in targets if is_shown(t)]
    assert len(targets) == 5 + 4 + 1
    small = [(t.objectName(), t.width(), t.height()) for t in targets if min(t.width(), t.height()) < 64]
    assert small == []


def test_tapping_the_rail_opens_an_area_and_keeps_the_one_left(launch, qtbot):
    ui = launch()
    tap(ui.window, find(ui.window, "rail_map"))
    assert ui.shell.currentArea == "map"
    map_loader = find(ui.window, "mapLoader")
    qtbot.waitUntil(lambda: map_loader.property("ready"), timeout=5_000)
    assert is_shown(map_loader)
    home_loader = find(ui.window, "homeLoader")
    assert not home_loader.isVisible()
    assert home_loader.property("ready")  # kept loaded, so going back is instant
    tap(ui.window, find(ui.window, "rail_home"))
    assert ui.shell.currentArea == "home"


def test_tapping_a_home_tile_opens_its_area(launch, qtbot):
    ui = launch()
    tap(ui.window, find(ui.window, "tile_vehicle"))
    assert ui.shell.currentArea == "vehicle"


def test_theme_toggle_switches_day_and_night_at_run_time(launch, qtbot):
    ui = launch()
    day_colour = ui.window.color().name()
    tap(ui.window, find(ui.window, "themeToggle"))
    assert ui.shell.night is True
    assert ui.window.color().name() != day_colour
    tap(ui.window, find(ui.window, "themeToggle"))
    assert ui.window.color().name() == day_colour


def test_status_bar_shows_the_vehicle_summary_from_the_source(launch, qtbot):
    ui = launch()
    speed = find(ui.window, "statusSpeed")
    qtbot.waitUntil(lambda: speed.property("text") == "42 km/h", timeout=5_000)
    assert find(ui.window, "statusOutsideTemperature").property("text") == "-3 °C"
    assert find(ui.window, "statusBar").property("drivingText") == "Driving"
    assert ui.restrictions.drivingState == "moving"


def test_status_bar_shows_the_backend_online_once_its_health_check_answers(launch, qtbot):
    ui = launch()
    bar = find(ui.window, "statusBar")
    assert bar.property("connectivityText") in ("Connecting…", "Online")
    qtbot.waitUntil(lambda: bar.property("connectivity") == "online", timeout=10_000)
    assert bar.property("connectivityText") == "Online"
    assert not find(ui.window, "statusPending").isVisible()


def test_status_bar_counts_what_waits_for_the_backend(launch, qtbot):
    ui = launch()
    badge = find(ui.window, "statusPending")
    ui.status.set_pending(3)
    qtbot.waitUntil(badge.isVisible, timeout=2_000)
    label = badge.childItems()[0]
    assert label.property("text") == "Pending (3)"
    ui.status.set_pending(0)
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=2_000)


def test_a_switched_off_feature_has_no_entry_and_cannot_be_opened(launch, tmp_path):
    ui = launch(make_config(tmp_path, map=False))
    names = {i.objectName() for i in find_all(ui.window, "rail_")}
    assert names == {"rail_home", "rail_media", "rail_vehicle", "rail_apps"}
    ui.shell.openArea("map")
    assert ui.shell.currentArea == "home"


def test_notice_is_shown_and_dismissed(launch, qtbot):
    ui = launch()
    notice = find(ui.window, "notice")
    assert not notice.isVisible()
    ui.shell.show_notice("Saved data could not be opened.")
    assert notice.isVisible()
    tap(ui.window, find(ui.window, "noticeDismiss"))
    assert ui.shell.notice == ""
    assert not notice.isVisible()


def test_dispose_destroys_every_store_and_player_on_the_gui_thread(launch, qtbot):
    """Nothing of a closed head unit is left for Python's collector to destroy later, in
    whatever thread and at whatever moment it runs (qt/gui_collector.py)."""
    import shiboken6

    ui = launch()
    media = ui.startup.media_apps
    made = {"startup": ui.startup, "shell": ui.shell, "status": ui.status, "vehicle": ui.vehicle,
            "media": media.media, "video": media.video, "apps": media.apps,
            "audio output": media.media.audio_output}
    assert all(shiboken6.isValid(obj) for obj in made.values())
    ui.dispose()
    assert [name for name, obj in made.items() if shiboken6.isValid(obj)] == []
    ui.dispose()  # a second time does nothing
