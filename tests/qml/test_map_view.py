"""The map area in the full shell, offscreen, on the imported Helsinki map with a scenario car."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from headunit.core.config import Config, MapConfig, PathsConfig, with_overrides
from tests.qml.quick import find, find_all, is_shown, start_ui, tap, type_text

PARKED_AT_THE_STATION = """\
name: parked-at-the-station
description: parked on Kaivokatu by the railway station, for map tests
duration: 10:00
powertrain: combustion
0:00  speed          0
0:00  gear           P
0:00  parking-brake  true
0:00  latitude       60.1699
0:00  longitude      24.9415
0:00  heading        90
0:00  fuel           60
"""
DRIVING = PARKED_AT_THE_STATION.replace("speed          0", "speed          40").replace(
    "gear           P", "gear           D").replace("parking-brake  true", "parking-brake  false")


@pytest.fixture
def map_ui(tasks, qtbot, tmp_path, helsinki_map, backend):
    made = []

    def make(scenario_text: str = PARKED_AT_THE_STATION, size: str = "1280x720", theme: str = "day",
             max_list_items: int = 21):
        scenario = tmp_path / "car.scenario"
        scenario.write_text(scenario_text)
        config = with_overrides(Config(), {"display.size": size, "display.theme": theme,
                                           "vehicle.scenario": str(scenario),
                                           "restrictions.max_list_items": max_list_items})
        config = replace(config, paths=PathsConfig(str(tmp_path / "data")), map=MapConfig(database=str(helsinki_map)))
        ui = start_ui(qtbot, tasks, backend.configure(config), "map")
        made.append(ui)
        return ui

    yield make
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    for ui in made:
        ui.dispose()


@pytest.mark.parametrize(("size", "theme"), [("800x480", "night"), ("1280x720", "day"), ("1920x720", "night")])
def test_the_map_shows_tiles_the_car_and_the_attribution(map_ui, qtbot, size, theme):
    ui = map_ui(size=size, theme=theme)
    canvas = find(ui.window, "mapCanvas")
    assert is_shown(canvas) and canvas.property("tilesReady")
    qtbot.waitUntil(lambda: canvas.property("carValid"), timeout=5_000)
    assert canvas.property("carLat") == pytest.approx(60.1699)
    assert "OpenStreetMap" in canvas.property("attribution")
    image = ui.window.grabWindow()
    middle = image.copy(image.width() // 3, image.height() // 4, image.width() // 3, image.height() // 2)
    colours = {middle.pixel(x, y) for x in range(0, middle.width(), 23) for y in range(0, middle.height(), 19)}
    assert len(colours) > 8, "the map area shows no map (a single background colour)"


def test_nearest_parking_then_details_then_guidance_and_back(map_ui, qtbot):
    ui = map_ui()
    tap(ui.window, find(ui.window, "nearest_parking"))
    qtbot.waitUntil(lambda: len(find_all(ui.window, "poiRow_")) > 0, timeout=5_000)
    assert is_shown(find(ui.window, "mapResults"))
    first = find_all(ui.window, "poiRow_")[0]
    tap(ui.window, first)
    details = find(ui.window, "poiDetails")
    qtbot.waitUntil(lambda: is_shown(details), timeout=5_000)
    # the tap chose the row's POI; the map under the list did not take it as a point
    qtbot.waitUntil(lambda: ui.startup.map.selection.get("poiId") == first.property("poiId"), timeout=5_000)
    assert find(ui.window, "poiTitle").property("text")
    tap(ui.window, find(ui.window, "routeButton"))
    guidance = find(ui.window, "guidance")
    qtbot.waitUntil(lambda: is_shown(guidance), timeout=10_000)
    assert find(ui.window, "nextText").property("text")
    assert "km" in find(ui.window, "routeSummary").property("text") or " m" in find(
        ui.window, "routeSummary").property("text")
    assert not is_shown(find(ui.window, "mapSearch"))
    assert len(ui.startup.route.path) > 1
    tap(ui.window, find(ui.window, "cancelRoute"))
    qtbot.waitUntil(lambda: not is_shown(guidance), timeout=2_000)
    assert is_shown(find(ui.window, "mapSearch"))


def test_typing_searches_while_parked_and_the_field_is_locked_while_moving(map_ui, qtbot):
    ui = map_ui()
    field = find(ui.window, "searchField")
    tap(ui.window, field)
    type_text(ui.window, "Stockmann")
    qtbot.waitUntil(lambda: len(find_all(ui.window, "poiRow_")) > 0, timeout=5_000)
    assert ui.startup.map_search.query.lower() == "stockmann"
    moving = map_ui(DRIVING)
    qtbot.waitUntil(lambda: moving.startup.restrictions.drivingState == "moving", timeout=5_000)
    assert not find(moving.window, "searchField").property("enabled")


def test_while_moving_the_nearest_list_is_cut_to_the_restriction(map_ui, qtbot):
    ui = map_ui(DRIVING, max_list_items=3)
    qtbot.waitUntil(lambda: ui.startup.restrictions.drivingState == "moving", timeout=5_000)
    tap(ui.window, find(ui.window, "nearest_parking"))
    qtbot.waitUntil(lambda: len(find_all(ui.window, "poiRow_")) > 0, timeout=5_000)
    assert len(find_all(ui.window, "poiRow_")) == 3


def test_dragging_the_map_leaves_follow_mode_and_recentre_returns(map_ui, qtbot):
    ui = map_ui()
    canvas = find(ui.window, "mapCanvas")
    assert ui.startup.map.followCar
    start = canvas.mapToScene(QPointF(canvas.width() * 0.6, canvas.height() * 0.7)).toPoint()
    QTest.mousePress(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 13):
        QTest.mouseMove(ui.window, start + QPoint(step * 16, step * 8), 15)
    QTest.mouseRelease(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(192, 96))
    qtbot.waitUntil(lambda: not ui.startup.map.followCar, timeout=2_000)
    recentre = find(ui.window, "recentreButton")
    qtbot.waitUntil(lambda: is_shown(recentre) and not canvas.property("moving"), timeout=3_000)
    tap(ui.window, recentre)
    qtbot.waitUntil(lambda: ui.startup.map.followCar, timeout=2_000)
    qtbot.waitUntil(lambda: canvas.property("centerLat") == pytest.approx(60.1699, abs=1e-4), timeout=3_000)


def test_a_parking_poi_shows_its_live_data_and_a_shop_none(map_ui, qtbot, backend):
    ui = map_ui()
    tap(ui.window, find(ui.window, "nearest_parking"))
    qtbot.waitUntil(lambda: len(find_all(ui.window, "poiRow_")) > 0, timeout=5_000)
    first = find_all(ui.window, "poiRow_")[0]
    poi = ui.startup.map.service.poi(first.property("poiId"))
    letter = {"node": "n", "way": "w", "relation": "r"}[poi.osm_type]
    backend.seed_poi(f"{letter}{poi.osm_id}", "parking", name=poi.name, lat=poi.lat, lon=poi.lon,
                     capacity=40, price_minor=250)
    tap(ui.window, first)
    info, status = find(ui.window, "liveInfo"), find(ui.window, "liveStatus")
    live = ui.startup.live_data
    # the line keeps its place (empty) while the data loads: wait for the data, not the line
    qtbot.waitUntil(lambda: bool(live.available and is_shown(info) and info.property("text")), timeout=10_000)
    price = live.priceText  # in the default locale's currency format: "€2.50 / h" or "2.50€ / h"
    assert "2.50" in price and "€" in price and price.endswith(" / h")
    assert info.property("text") == f"{live.value.free} of 40 free · {price}"
    assert is_shown(status) and status.property("text").startswith("as of ")
    tap(ui.window, find(ui.window, "poiClose"))
    tap(ui.window, find(ui.window, "searchField"))
    type_text(ui.window, "Stockmann")
    search = ui.startup.map_search
    qtbot.waitUntil(lambda: search.mode == "search" and not search.busy and search.results.count > 0, timeout=5_000)
    qtbot.waitUntil(lambda: len(find_all(ui.window, "poiRow_")) == search.results.count, timeout=5_000)
    shop = find_all(ui.window, "poiRow_")[0]
    tap(ui.window, shop)
    qtbot.waitUntil(lambda: ui.startup.map.selection.get("poiId") == shop.property("poiId"), timeout=5_000)
    details = find(ui.window, "poiDetails")
    qtbot.waitUntil(lambda: is_shown(details), timeout=5_000)
    assert ui.startup.map.selection["category"] not in ("parking", "fuel", "charging")
    assert not is_shown(info) and not is_shown(status)
