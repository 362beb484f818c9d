"""MapCanvas offscreen on the sample map: gestures, taps, follow and heading-up, viewport reports."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QPoint, QPointF, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtQuick import QQuickView
from PySide6.QtTest import QTest

from headunit.core.map.geo import lonlat_to_world, world_to_lonlat
from headunit.qt.map.tile_provider import install_tile_provider
from tests.qml.quick import find, tap
from tests.services.map.sample_map import CENTER, POIS, write_sample_map

QML_DIR = Path(__file__).resolve().parents[2] / "headunit" / "qml"
SIZE = (800, 480)
ROLE_NAMES = ("poiId", "lat", "lon", "category", "name")
ROLES = {Qt.ItemDataRole.UserRole + i: name.encode() for i, name in enumerate(ROLE_NAMES)}
LEFT, NO_MOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_map(tmp_path_factory.mktemp("canvas") / "sample.db", map_id="sample")


def poi_model() -> QStandardItemModel:
    model = QStandardItemModel()
    model.setItemRoleNames(ROLES)
    for poi_id, (category, (lon, lat)) in enumerate(POIS.items(), start=100):
        item = QStandardItem()
        for role, value in zip(ROLES, (poi_id, lat, lon, category, f"Sample {category}")):
            item.setData(value, role)
        model.appendRow(item)
    return model


@pytest.fixture
def map_canvas(qtbot, tmp_path, sample_path):
    made = []

    def make(**properties):
        view = QQuickView()
        view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        view.engine().addImportPath(str(QML_DIR))
        provider = install_tile_provider(view.engine(), sample_path, tmp_path / "tiles.db")
        model = poi_model()
        view.setInitialProperties({"tileSource": "image://maptiles/sample", "centerLat": CENTER[1],
                                   "centerLon": CENTER[0], "zoom": 16.0, "pois": model, **properties})
        view.loadFromModule("HeadUnit", "MapCanvas")
        assert not view.errors(), view.errors()
        view.resize(*SIZE)
        made.append((view, provider, model))
        with qtbot.waitExposed(view):
            view.show()
        canvas = view.rootObject()
        qtbot.waitUntil(lambda: canvas.property("tilesReady"), timeout=10_000)
        return view, canvas

    yield make
    for view, provider, _ in made:
        assert provider.shutdown()
        view.close()
        shiboken6.delete(view)  # now, not at some later test's event processing


def call(canvas, name: str, *args):
    ret = Q_RETURN_ARG("QVariant")
    value = QMetaObject.invokeMethod(canvas, name, ret, *(Q_ARG("QVariant", a) for a in args))
    return value.toVariant() if hasattr(value, "toVariant") else value


def px_per_degree_lon(zoom: float) -> float:
    return 256 * 2 ** zoom / 360


def drag(view, start: QPoint, delta: QPoint, steps: int = 12, delay_ms: int = 15) -> None:
    QTest.mousePress(view, LEFT, NO_MOD, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(view, start + QPoint(delta.x() * i // steps, delta.y() * i // steps), delay_ms)


def test_the_map_shows_its_tiles_markers_and_the_attribution(map_canvas):
    view, canvas = map_canvas()
    assert find(view, "mapAttribution").isVisible()
    texts = [i.property("text") for i in find(view, "mapAttribution").childItems()]
    assert texts == ["© OpenStreetMap contributors, ODbL"]
    assert {f"poi_{i}" for i in (100, 101, 102)} <= {i.objectName() for i in _items(view)}
    assert canvas.property("tileZoom") == 16 and not canvas.property("loading")


def _shift(point: tuple[float, float], dx: float, dy: float) -> tuple[float, float]:
    return point[0] + dx, point[1] + dy


def _items(view):
    from tests.qml.quick import walk

    return list(walk(view.contentItem()))


def test_a_drag_pans_the_map_with_the_finger_and_reports_user_moved(map_canvas, qtbot):
    view, canvas = map_canvas()
    lon0, lat0 = canvas.property("centerLon"), canvas.property("centerLat")
    with qtbot.waitSignal(canvas.userMoved, timeout=2_000):
        drag(view, QPoint(400, 240), QPoint(-200, 100), delay_ms=40)
    # the map moved with the finger: what was 200 px east of the centre is now in the centre
    assert canvas.property("centerLon") - lon0 == pytest.approx(200 / px_per_degree_lon(16), rel=0.08)
    # dragged down by 100 px: what was 100 px north of the centre is now in the centre
    north_lon, north_lat = world_to_lonlat(*_shift(lonlat_to_world(lon0, lat0, 16), 0, -100), 16)
    assert canvas.property("centerLat") == pytest.approx(north_lat, abs=0.08 * (north_lat - lat0))
    QTest.mouseRelease(view, LEFT, NO_MOD, QPoint(200, 340), 200)  # a slow release: no fling
    qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3_000)


def test_a_quick_drag_flings_on_after_the_finger_lifts(map_canvas, qtbot):
    view, canvas = map_canvas()
    drag(view, QPoint(600, 240), QPoint(-300, 0), steps=6, delay_ms=10)
    QTest.mouseRelease(view, LEFT, NO_MOD, QPoint(300, 240), 5)
    at_release = canvas.property("centerLon")
    qtbot.waitUntil(lambda: canvas.property("moving"), timeout=1_000)
    qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=5_000)
    assert canvas.property("centerLon") > at_release + 50 / px_per_degree_lon(16)


def test_a_double_tap_zooms_in_around_the_tapped_point(map_canvas, qtbot):
    view, canvas = map_canvas()
    point = QPoint(600, 150)
    before = call(canvas, "coordinateAt", 600, 150)
    QTest.mouseDClick(view, LEFT, NO_MOD, point)
    qtbot.waitUntil(lambda: canvas.property("zoom") == pytest.approx(17.0), timeout=3_000)
    qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3_000)
    after = call(canvas, "coordinateAt", 600, 150)
    assert (after["lat"], after["lon"]) == pytest.approx((before["lat"], before["lon"]), abs=2e-6)


def test_a_pinch_zooms_around_the_fingers(map_canvas, qtbot):
    view, canvas = map_canvas()
    device = QTest.createTouchDevice()
    mid = call(canvas, "coordinateAt", 400, 240)
    QTest.touchEvent(view, device).press(0, QPoint(300, 240)).press(1, QPoint(500, 240)).commit()
    for step in range(1, 11):
        spread = 100 + step * 10  # 200 px apart -> 400 px apart: twice the scale, one zoom level
        QTest.touchEvent(view, device).move(0, QPoint(400 - spread, 240)).move(1, QPoint(400 + spread, 240)).commit()
        qtbot.wait(10)
    QTest.touchEvent(view, device).release(0, QPoint(200, 240)).release(1, QPoint(600, 240)).commit()
    # the handler starts counting once the fingers have moved past the drag threshold
    assert 16.6 < canvas.property("zoom") <= 17.0
    after = call(canvas, "coordinateAt", 400, 240)
    assert (after["lat"], after["lon"]) == pytest.approx((mid["lat"], mid["lon"]), abs=3e-6)


def test_tapping_a_marker_reports_its_poi(map_canvas, qtbot):
    view, canvas = map_canvas()
    with qtbot.waitSignal(canvas.poiTapped, timeout=3_000) as tapped:
        tap(view, find(view, "poi_101"))  # the fuel station
    assert tapped.args == [101]


def test_tapping_the_map_elsewhere_reports_the_point(map_canvas, qtbot):
    view, canvas = map_canvas()
    with qtbot.waitSignal(canvas.tapped, timeout=3_000) as tapped:
        QTest.mouseClick(view, LEFT, NO_MOD, QPoint(700, 420))
    cx, cy = lonlat_to_world(CENTER[0], CENTER[1], 16)
    lon, lat = world_to_lonlat(cx + 300, cy + 180, 16)
    assert tapped.args == pytest.approx([lat, lon], abs=1e-6)


def test_in_follow_mode_the_map_tracks_the_car(map_canvas, qtbot):
    view, canvas = map_canvas(followCar=True)
    canvas.setProperty("carValid", True)
    canvas.setProperty("carLat", 60.1690)
    canvas.setProperty("carLon", 24.9380)
    qtbot.waitUntil(lambda: canvas.property("centerLat") == pytest.approx(60.1690, abs=1e-7), timeout=3_000)
    for step in range(1, 4):  # driving east
        canvas.setProperty("carLon", 24.9380 + step * 0.0003)
        qtbot.wait(120)
    qtbot.waitUntil(lambda: canvas.property("centerLon") == pytest.approx(24.9389, abs=1e-7), timeout=3_000)
    marker = find(view, "carMarker")
    centre = marker.mapToScene(QPointF(marker.width() / 2, marker.height() / 2))
    assert (centre.x(), centre.y()) == pytest.approx((SIZE[0] / 2, SIZE[1] / 2), abs=1.0)


def test_heading_up_turns_the_map_to_the_heading_with_the_car_low_on_screen(map_canvas, qtbot):
    view, canvas = map_canvas(followCar=True, headingUp=True)
    canvas.setProperty("carValid", True)
    canvas.setProperty("carLat", CENTER[1])
    canvas.setProperty("carLon", CENTER[0])
    canvas.setProperty("carHeading", 135.0)
    qtbot.waitUntil(lambda: canvas.property("bearing") == pytest.approx(135.0, abs=0.01), timeout=3_000)
    marker = find(view, "carMarker")
    qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3_000)
    centre = marker.mapToScene(QPointF(marker.width() / 2, marker.height() / 2))
    assert centre.y() == pytest.approx(SIZE[1] * 0.68, abs=1.0)
    canvas.setProperty("carHeading", 350.0)  # the short way round, through north
    qtbot.waitUntil(lambda: canvas.property("bearing") == pytest.approx(350.0, abs=0.01), timeout=3_000)
    canvas.setProperty("headingUp", False)  # back to north-up: the marker turns instead
    qtbot.waitUntil(lambda: canvas.property("bearing") == pytest.approx(0.0, abs=0.01), timeout=3_000)
    assert marker.property("heading") == pytest.approx(350.0)


def test_recentre_goes_back_to_the_car_after_a_pan(map_canvas, qtbot):
    view, canvas = map_canvas(followCar=True)
    canvas.setProperty("carValid", True)
    canvas.setProperty("carLat", CENTER[1])
    canvas.setProperty("carLon", CENTER[0])
    qtbot.waitUntil(lambda: canvas.property("centerLon") == pytest.approx(CENTER[0], abs=1e-7), timeout=3_000)
    canvas.userMoved.connect(lambda: canvas.setProperty("followCar", False))  # what the view does
    drag(view, QPoint(400, 240), QPoint(-250, 0), delay_ms=40)
    QTest.mouseRelease(view, LEFT, NO_MOD, QPoint(150, 240), 300)
    qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3_000)
    assert canvas.property("followCar") is False
    assert canvas.property("centerLon") > CENTER[0] + 0.003
    call(canvas, "recentre")
    assert canvas.property("followCar") is True
    qtbot.waitUntil(lambda: canvas.property("centerLon") == pytest.approx(CENTER[0], abs=1e-7), timeout=3_000)


def test_the_viewport_is_reported_after_the_view_moves(map_canvas, qtbot):
    view, canvas = map_canvas()
    with qtbot.waitSignal(canvas.viewportChanged, timeout=3_000) as report:
        call(canvas, "setView", 60.1710, 24.9420, 15.0)
    min_lat, min_lon, max_lat, max_lon, zoom = report.args
    assert zoom == 15.0
    assert min_lat < 60.1710 < max_lat and min_lon < 24.9420 < max_lon
    # 800 px at zoom 15 is 800 / (256 * 2^15 / 360) degrees of longitude
    assert max_lon - min_lon == pytest.approx(SIZE[0] / px_per_degree_lon(15), rel=0.01)


def test_zoom_stays_between_city_and_street_level(map_canvas, qtbot):
    view, canvas = map_canvas()
    call(canvas, "zoomBy", 10)
    qtbot.waitUntil(lambda: not canvas.property("moving"), timeout=3_000)
    assert canvas.property("zoom") == 18.0
    call(canvas, "setView", CENTER[1], CENTER[0], 3)
    assert canvas.property("zoom") == 11.0
    qtbot.waitUntil(lambda: canvas.property("tilesReady"), timeout=10_000)
    assert canvas.property("tileZoom") == 11


def test_a_route_is_drawn_under_the_markers(map_canvas, qtbot):
    route = [{"lat": CENTER[1], "lon": CENTER[0]}, {"lat": CENTER[1] + 0.0015, "lon": CENTER[0] - 0.002}]
    view, canvas = map_canvas(routePath=route)
    line = find(view, "mapRoute")
    assert line.isVisible() and len(line.property("points").toVariant()) == 2
    image = view.grabWindow()
    # halfway along the route, on screen
    cx, cy = lonlat_to_world(*CENTER, 16)
    mx, my = lonlat_to_world(CENTER[0] - 0.001, CENTER[1] + 0.00075, 16)
    colour = image.pixelColor(round(400 + mx - cx), round(240 + my - cy))
    accent = line.property("lineColor")
    assert math.dist((colour.red(), colour.green(), colour.blue()),
                     (accent.red(), accent.green(), accent.blue())) < 30
