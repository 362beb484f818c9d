"""The Apps area offscreen with a real AppsStore over real app folders and a real store:
pages, tap to launch, the app's state kept behind the grid, long-press-and-drag reorder
saved, a broken app's message, the driving pause; Home's recently used row; screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

from headunit.core.areas import enabled_areas
from headunit.core.config import AppsConfig, FeaturesConfig, RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, SignalState, make_sample
from headunit.qt.stores import AreaListModel, ShellStore
from headunit.qt.stores.apps_store import AppsStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.services.apps.launcher_state import load_launcher
from headunit.services.store import Store
from tests.app_folders import BROKEN_QML, write_app
from tests.qml.quick import find, find_all, is_shown, tap

QML_DIR = Path(__file__).resolve().parents[2] / "headunit" / "qml"
SHOTS = Path("/tmp/media_shots")
SIZES = ("800x480", "1280x720", "1920x720")
COLOURS = ("#3C8CE8", "#E8643C", "#2EA66B", "#9B59B6", "#D4A017", "#16A0A0", "#C0392B")

# The area's place in the shell: below the status bar, right of the rail (Main.qml).
WRAPPER = """import QtQuick
import HeadUnit

Rectangle {{
    id: root
    required property QtObject apps
    required property QtObject restrictions
    required property QtObject shell
    color: Theme.background
    Binding {{ target: Theme; property: "night"; value: {night} }}
    Binding {{ target: Sizes; property: "windowWidth"; value: root.width }}
    Binding {{ target: Sizes; property: "windowHeight"; value: root.height }}
    Rectangle {{ width: parent.width; height: Sizes.statusBarHeight; color: Theme.surface }}
    Rectangle {{ y: Sizes.statusBarHeight; width: Sizes.railWidth; height: parent.height - y; color: Theme.surface }}
    {view} {{
        objectName: "view"
        x: Sizes.railWidth
        y: Sizes.statusBarHeight
        width: parent.width - x
        height: parent.height - y
{body}
    }}
}}
"""
APPS_BODY = "        apps: root.apps\n        restrictions: root.restrictions"
HOME_BODY = "        shell: root.shell\n        apps: root.apps"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def feeder(restrictions: RestrictionsStore, signals: SignalState):
    def feed(**values) -> None:
        paths = {"speed": "Vehicle.Speed", "gear": "Vehicle.Powertrain.Transmission.SelectedGear",
                 "brake": "Vehicle.Chassis.ParkingBrake.IsEngaged"}
        restrictions.on_signals_changed(signals.apply_all(make_sample(paths[k], v, 1.0) for k, v in values.items()))
    return feed


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "apps"
    write_app(folder, "com.example.counter", "Counter")
    write_app(folder, "com.example.broken", "Broken", qml=BROKEN_QML, colour="#C0392B")
    write_app(folder, "com.example.parked", "Parked only", usable_while_moving=False, colour="#9B59B6")
    return folder


@pytest.fixture
def launcher(qtbot, tasks, tmp_path, app_dir):
    """show(size, night, extra_apps, view) -> (view window, AppsStore, restrictions feed, Store)."""
    made: list[QQuickView] = []
    stores: list[Store] = []
    keep: list[object] = []

    def show(size: str = "1280x720", night: bool = False, extra_apps: int = 0, view: str = "AppsView",
             moving: bool = False):
        for n in range(extra_apps):
            write_app(app_dir, f"com.example.more{n:02d}", f"More {n + 1}", colour=COLOURS[n % len(COLOURS)])
        store = Store.open(tmp_path / f"unit{len(stores)}")
        stores.append(store)
        signals = SignalState()
        restrictions = RestrictionsStore(RestrictionLimits(), signals)
        feed = feeder(restrictions, signals)
        feed(**({"speed": 50.0, "gear": GEAR_DRIVE, "brake": False} if moving
                else {"speed": 0.0, "gear": GEAR_PARK, "brake": True}))
        apps = AppsStore(tasks, AppsConfig(dirs=(str(app_dir),)), restrictions, "en", clock=Clock())
        apps.attach(store, tmp_path / "installed")
        qtbot.waitUntil(lambda: apps.ready, timeout=5_000)
        shell = ShellStore(AreaListModel(enabled_areas(FeaturesConfig())), night=night)
        keep.extend([restrictions, apps, shell])
        source = tmp_path / f"{view}_{len(made)}.qml"
        body = APPS_BODY if view == "AppsView" else HOME_BODY
        source.write_text(WRAPPER.format(night=str(night).lower(), view=view, body=body))
        window = QQuickView()
        window.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        window.engine().addImportPath(str(QML_DIR))
        window.setInitialProperties({"apps": apps, "restrictions": restrictions, "shell": shell})
        window.setSource(QUrl.fromLocalFile(str(source)))
        assert not window.errors(), window.errors()
        width, height = (int(v) for v in size.split("x"))
        window.resize(width, height)
        made.append(window)
        with qtbot.waitExposed(window):
            window.show()
        return window, apps, feed, store

    yield show
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    for window in made:
        window.close()
        shiboken6.delete(window)
    for store in stores:
        store.close()


def tile(window: QQuickView, app_id: str) -> QQuickItem:
    return find(window, f"launcherTile_{app_id}")


def centre(item: QQuickItem) -> QPoint:
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return QPoint(round(point.x()), round(point.y()))


def ids(apps: AppsStore) -> list[str]:
    return [row["appId"] for row in apps.apps.rows]


def shown(window: QQuickView, object_name: str) -> bool:
    """Whether the item exists (a list delegate may not yet) and is visible."""
    try:
        return is_shown(find(window, object_name))
    except LookupError:
        return False


def running_app(window: QQuickView) -> QQuickItem | None:
    children = find(window, "appHost").childItems()
    return children[0] if children else None


def test_the_grid_pages_and_the_store_knows_how_many_fit(launcher, qtbot):
    window, apps, _feed, _store = launcher("800x480", extra_apps=24)
    grid = find(window, "launcherGrid")
    qtbot.waitUntil(lambda: apps.perPage == grid.property("perPage"), timeout=2_000)
    assert apps.pageCount == grid.property("pageCount") >= 2
    assert is_shown(find(window, "pageDots"))
    first_page = ids(apps)[:apps.perPage]
    assert all(is_shown(tile(window, app_id)) for app_id in first_page)
    pages = find(window, "launcherPages")
    start = centre(pages)
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(window, QPoint(start.x() - step * round(pages.width() * 0.07), start.y()), 16)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(start.x() - round(pages.width() * 0.7), start.y()), 16)
    qtbot.waitUntil(lambda: grid.property("currentPage") == 1
                    and pages.property("contentX") == pages.width(), timeout=3_000)


def test_a_tap_launches_the_app_and_its_state_is_kept_behind_the_grid(launcher, qtbot):
    window, apps, _feed, _store = launcher()
    tap(window, tile(window, "com.example.counter"))
    qtbot.waitUntil(lambda: apps.currentAppId == "com.example.counter" and running_app(window) is not None,
                    timeout=3_000)
    app = running_app(window)
    assert is_shown(find(window, "runningApp")) and not is_shown(find(window, "launcher"))
    assert find(window, "runningAppName").property("text") == "Counter"
    assert app.property("host") is apps.currentContext
    for _ in range(3):
        tap(window, find(window, "counterArea"))
    qtbot.waitUntil(lambda: app.property("taps") == 3, timeout=2_000)

    tap(window, find(window, "backToApps"))
    qtbot.waitUntil(lambda: is_shown(find(window, "launcher")), timeout=2_000)
    assert not is_shown(find(window, "runningApp"))
    tap(window, tile(window, "com.example.counter"))
    qtbot.waitUntil(lambda: is_shown(find(window, "runningApp")), timeout=2_000)
    assert running_app(window) is app and app.property("taps") == 3

    view = find(window, "view")  # another area shown: the shell hides the Apps view and keeps it
    view.setVisible(False)
    qtbot.waitUntil(lambda: not is_shown(find(window, "runningApp")), timeout=2_000)
    view.setVisible(True)
    qtbot.waitUntil(lambda: is_shown(find(window, "runningApp")), timeout=2_000)
    assert running_app(window) is app and app.property("taps") == 3

    tap(window, find(window, "backToApps"))
    qtbot.waitUntil(lambda: is_shown(find(window, "launcher")), timeout=2_000)
    tap(window, tile(window, "com.example.parked"))
    qtbot.waitUntil(lambda: apps.currentAppId == "com.example.parked" and running_app(window) is not app
                    and running_app(window) is not None, timeout=3_000)
    assert running_app(window).property("taps") == 0  # a new app: the previous one was replaced
    assert len(find(window, "appHost").childItems()) == 1


def test_long_press_and_drag_reorders_live_and_the_order_is_saved(launcher, qtbot, tasks):
    window, apps, _feed, store = launcher()
    before = ids(apps)
    grid = find(window, "launcherGrid")
    lifted, target = before[0], before[2]
    start, end = centre(tile(window, lifted)), centre(tile(window, target))
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.waitUntil(lambda: tile(window, lifted).property("lifted"), timeout=3_000)
    target_x = tile(window, target).x()
    for step in range(1, 9):
        QTest.mouseMove(window, QPoint(start.x() + (end.x() - start.x()) * step // 8,
                                       start.y() + (end.y() - start.y()) * step // 8), 10)
    qtbot.waitUntil(lambda: grid.property("dragTo") == 2, timeout=2_000)
    # the tile in between makes room while the finger is still down
    qtbot.waitUntil(lambda: tile(window, target).x() < target_x, timeout=2_000)
    assert ids(apps) == before
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    expected = [before[1], before[2], before[0], *before[3:]]
    qtbot.waitUntil(lambda: ids(apps) == expected, timeout=2_000)
    assert apps.currentAppId == ""  # a long press is not a tap
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5_000)
    positions = load_launcher(store).positions
    assert sorted(positions, key=positions.get) == expected


def test_a_lifted_tile_held_at_the_edge_turns_the_page_and_lands_there(launcher, qtbot):
    window, apps, _feed, _store = launcher("800x480", extra_apps=24)
    grid = find(window, "launcherGrid")
    qtbot.waitUntil(lambda: apps.perPage == grid.property("perPage") and apps.pageCount >= 2, timeout=2_000)
    lifted = ids(apps)[0]
    start = centre(tile(window, lifted))
    pages = find(window, "launcherPages")
    edge = pages.mapToScene(QPointF(pages.width() - 5, pages.height() / 2))
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.waitUntil(lambda: tile(window, lifted).property("lifted"), timeout=3_000)
    for step in range(1, 9):
        QTest.mouseMove(window, QPoint(start.x() + round((edge.x() - start.x()) * step / 8),
                                       start.y() + round((edge.y() - start.y()) * step / 8)), 10)
    qtbot.waitUntil(lambda: grid.property("currentPage") == 1 and pages.property("contentX") == pages.width(),
                    timeout=3_000)
    QTest.mouseMove(window, QPoint(round(edge.x()) - 30, round(edge.y())), 10)
    landing = grid.property("dragTo")
    assert landing >= apps.perPage
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(round(edge.x()) - 30, round(edge.y())))
    qtbot.waitUntil(lambda: ids(apps).index(lifted) == landing, timeout=2_000)


def test_a_broken_app_shows_a_message_instead_of_crashing(launcher, qtbot, caplog):
    window, apps, _feed, _store = launcher()
    tap(window, tile(window, "com.example.broken"))
    qtbot.waitUntil(lambda: apps.currentFailed, timeout=3_000)
    message = find(window, "appFailed")
    assert is_shown(message) and "could not be started" in message.property("title")
    assert running_app(window) is None
    assert "NoSuchElement is not a type" in caplog.text
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grabWindow().save(str(SHOTS / "launcher_broken_app_1280x720_day.png"))
    tap(window, find(window, "closeApp"))
    qtbot.waitUntil(lambda: is_shown(find(window, "launcher")), timeout=2_000)
    tap(window, tile(window, "com.example.counter"))
    qtbot.waitUntil(lambda: running_app(window) is not None, timeout=3_000)
    assert not apps.currentFailed and not is_shown(find(window, "appFailed"))


def test_an_app_for_parked_cars_pauses_while_moving_and_comes_back_as_it_was(launcher, qtbot):
    window, apps, feed, _store = launcher()
    tap(window, tile(window, "com.example.parked"))
    qtbot.waitUntil(lambda: running_app(window) is not None, timeout=3_000)
    app = running_app(window)
    tap(window, find(window, "counterArea"))
    qtbot.waitUntil(lambda: app.property("taps") == 1, timeout=2_000)
    feed(speed=40.0, gear=GEAR_DRIVE, brake=False)
    qtbot.waitUntil(lambda: is_shown(find(window, "appPausedWhileDriving")), timeout=2_000)
    assert not is_shown(find(window, "appHost"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grabWindow().save(str(SHOTS / "launcher_paused_while_driving_1280x720_day.png"))
    tap(window, find(window, "appPausedWhileDriving"))
    assert app.property("taps") == 1
    feed(speed=0.0, gear=GEAR_PARK, brake=True)
    qtbot.waitUntil(lambda: is_shown(find(window, "appHost")), timeout=2_000)
    assert running_app(window) is app and app.property("taps") == 1


def test_apps_for_parked_cars_look_dimmed_while_moving(launcher, qtbot):
    window, apps, feed, _store = launcher(moving=True)
    parked, counter = find(window, "launcherIcon_com.example.parked"), find(window, "launcherIcon_com.example.counter")
    assert parked.property("dimmed") is True and counter.property("dimmed") is False
    feed(speed=0.0, gear=GEAR_PARK, brake=True)
    qtbot.waitUntil(lambda: parked.property("dimmed") is False, timeout=2_000)


@pytest.mark.parametrize("size", SIZES)
def test_home_shows_recent_apps_and_keeps_its_tiles_usable(launcher, qtbot, size):
    window, apps, _feed, _store = launcher(size, view="HomeView")
    recent = find(window, "homeRecentApps")
    assert not recent.isVisible()
    apps.launch("com.example.parked")
    apps.launch("com.example.counter")
    qtbot.waitUntil(lambda: recent.isVisible(), timeout=2_000)
    shown = find_all(window, "recentApp_")
    assert [item.objectName() for item in shown[:2]] == ["recentApp_com.example.counter",
                                                         "recentApp_com.example.parked"]
    area_tiles = [find(window, f"tile_{area}") for area in ("map", "media", "vehicle", "apps")]

    def above_recent(item: QQuickItem) -> bool:
        return item.mapToScene(QPointF(0, item.height())).y() <= recent.mapToScene(QPointF(0, 0)).y()

    qtbot.waitUntil(lambda: all(above_recent(item) for item in area_tiles), timeout=2_000)  # laid out at the next frame
    assert all(item.height() >= 2 * 48 and item.width() >= 2 * 48 for item in area_tiles)
    qtbot.waitUntil(lambda: all(icon.property("iconLoaded") for icon in shown), timeout=3_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grabWindow().save(str(SHOTS / f"home_recent_{size}.png"))
    with qtbot.waitSignal(apps.openAreaRequested, timeout=1_000) as opened:
        tap(window, shown[1])
    assert opened.args == ["apps"] and apps.currentAppId == "com.example.parked"


@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_launcher(launcher, qtbot, size, night):
    window, apps, _feed, _store = launcher(size, night, extra_apps=9)
    grid = find(window, "launcherGrid")
    qtbot.waitUntil(lambda: apps.perPage == grid.property("perPage"), timeout=2_000)
    qtbot.waitUntil(lambda: all(icon.property("iconLoaded") for icon in find_all(window, "launcherIcon_")),
                    timeout=3_000)
    view = find(window, "view")
    right = view.mapToScene(QPointF(view.width(), view.height()))
    for app_id in ids(apps)[:apps.perPage]:
        item = tile(window, app_id)
        corner = item.mapToScene(QPointF(item.width(), item.height()))
        assert corner.x() <= right.x() + 1 and corner.y() <= right.y() + 1, app_id
    SHOTS.mkdir(parents=True, exist_ok=True)
    theme = "night" if night else "day"
    window.grabWindow().save(str(SHOTS / f"launcher_{size}_{theme}.png"))
    tap(window, tile(window, "com.example.counter"))
    qtbot.waitUntil(lambda: running_app(window) is not None, timeout=3_000)
    window.grabWindow().save(str(SHOTS / f"launcher_app_{size}_{theme}.png"))
    tap(window, find(window, "backToApps"))
    qtbot.waitUntil(lambda: is_shown(find(window, "getMoreApps")), timeout=2_000)
    tap(window, find(window, "getMoreApps"))
    qtbot.waitUntil(lambda: is_shown(find(window, "partnerApps")), timeout=2_000)
    assert is_shown(find(window, "catalogueMessage"))
    window.grabWindow().save(str(SHOTS / f"launcher_catalogue_{size}_{theme}.png"))


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
def test_get_more_apps_installs_from_the_backend_and_shows_why_one_was_refused(launcher, qtbot, backend, tmp_path,
                                                                               size):
    from headunit.backend.package_key import public_key_path
    from headunit.services.apps.packages import PackageInstaller
    from headunit.services.apps.partner_key import decode_public_key

    window, apps, _feed, _store = launcher(size, night=size == "1920x720")
    key = decode_public_key(public_key_path(backend.settings.package_key_file).read_text())
    client = backend.client(tmp_path)
    try:
        # this car grants no video: ClipTV asks for it
        apps.attach_client(client, PackageInstaller(tmp_path / "installed", key, ("network", "media.audio")))
        tap(window, find(window, "getMoreApps"))
        qtbot.waitUntil(lambda: shown(window, "partnerApp_com.example.cliptv")
                        and shown(window, "partnerApp_com.example.tunecloud"), timeout=5_000)
        assert not is_shown(find(window, "catalogueNotice"))
        tap(window, find(window, "partnerAppAction_com.example.tunecloud"))
        tap(window, find(window, "partnerAppAction_com.example.cliptv"))
        # rows are made again on every change: look them up each time
        qtbot.waitUntil(lambda: shown(window, "partnerAppError_com.example.cliptv"), timeout=10_000)
        assert find(window, "partnerAppError_com.example.cliptv").property("text") == (
            "Not installed: it needs the permission “media.video”, which this car does not grant.")
        qtbot.waitUntil(lambda: find(window, "partnerAppAction_com.example.tunecloud").property("text") == "Remove",
                        timeout=10_000)
        theme = "night" if size == "1920x720" else "day"
        window.grabWindow().save(str(SHOTS / f"launcher_get_more_{size}_{theme}.png"))
        tap(window, find(window, "backToGrid"))
        qtbot.waitUntil(lambda: is_shown(tile(window, "com.example.tunecloud")), timeout=2_000)
    finally:
        client.close()
