"""Small helpers to find and touch items in a loaded Qt Quick scene."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView, QQuickWindow
from PySide6.QtTest import QTest

QML_DIR = Path(__file__).resolve().parents[2] / "headunit" / "qml"


class Views:
    """QQuickViews of QML text written to files in `folder`, with the HeadUnit module importable,
    shown offscreen and closed together (the body of a test's `show` fixture: see conftest.py)."""

    def __init__(self, qtbot: Any, folder: Path) -> None:
        self._qtbot = qtbot
        self._folder = folder
        self._made: list[QQuickView] = []

    def open(self, text: str, name: str, properties: dict[str, Any] | None = None,
             first_frame: bool = False) -> QQuickView:
        """Load `text` as <folder>/<name>_<n>.qml and show it; QML errors fail the test. With
        first_frame, also wait until a frame is drawn, so items are laid out before a tap."""
        source = self._folder / f"{name}_{len(self._made)}.qml"
        source.write_text(text)
        view = QQuickView()
        view.engine().addImportPath(str(QML_DIR))
        if properties:
            view.setInitialProperties(properties)
        view.setSource(QUrl.fromLocalFile(str(source)))
        assert not view.errors(), view.errors()
        self._made.append(view)
        with self._qtbot.waitExposed(view):
            view.show()
        if first_frame:
            with self._qtbot.waitSignal(view.frameSwapped, timeout=5_000):
                view.update()
        return view

    def close_all(self) -> None:
        for view in self._made:
            view.close()
            shiboken6.delete(view)
        self._made.clear()


def app_area_qml(size: str, night: bool, content: str) -> str:
    """A scene the size of the app area at screen `size` (beside the navigation rail, under the
    status bar) in the day or night theme; `content` is QML inside its root Rectangle (id root)."""
    width, height = (int(v) for v in size.split("x"))
    return f"""import QtQuick
import HeadUnit

Rectangle {{
    id: root
    width: Sizes.windowWidth - Sizes.railWidth
    height: Sizes.windowHeight - Sizes.statusBarHeight
    color: Theme.background
    Binding {{ target: Theme; property: "night"; value: {str(night).lower()} }}
    Binding {{ target: Sizes; property: "windowWidth"; value: {width} }}
    Binding {{ target: Sizes; property: "windowHeight"; value: {height} }}
{content}
}}
"""


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from walk(child)


def find(window: QQuickWindow, object_name: str) -> QQuickItem:
    for item in walk(window.contentItem()):
        if item.objectName() == object_name:
            return item
    raise LookupError(f"no item named {object_name!r} in the scene")


def find_all(window: QQuickWindow, prefix: str) -> list[QQuickItem]:
    return [i for i in walk(window.contentItem()) if i.objectName().startswith(prefix)]


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def shown_named(window: QQuickWindow, name: str) -> QQuickItem:
    """The one item named exactly `name` that is on screen."""
    [item] = [i for i in find_all(window, name) if i.objectName() == name and is_shown(i)]
    return item


def is_shown(item: QQuickItem) -> bool:
    """Visible all the way up (isVisible() is the effective visibility)."""
    return item.isVisible() and item.width() > 0 and item.height() > 0


def tap(window: QQuickWindow, item: QQuickItem) -> None:
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(centre.x()), round(centre.y())))


def type_text(window: QQuickWindow, text: str) -> None:
    """Type letters, digits and spaces into the focused item, key by key (QTest.keyClicks wants a widget)."""
    for char in text:
        key = Qt.Key.Key_Space if char == " " else getattr(Qt.Key, f"Key_{char.upper()}")
        shift = Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(window, key, shift)


SETTLE_TIMEOUT_MS = 60_000  # a bound for a stuck start, not a speed target: the map's tile
# renderer runs at a lower priority and yields to anything else busy on a shared machine


def _not_settled(ui) -> str:  # noqa: ANN001 - app type
    """What a head unit that has not settled is still waiting for, for the failure message."""
    area = ui.shell.currentArea
    loader = find(ui.window, f"{area}Loader")
    item = loader.property("item")
    waiting = [f"shell started: {ui.shell.started}", f"area {area!r} loaded: {item is not None}",
               f"ready: {loader.property('ready')}"]
    if item is not None and item.property("settled") is not None:
        waiting.append(f"view settled: {item.property('settled')}")
    if area == "map" and ui.startup.map is not None:
        waiting.append(f"map state: {ui.startup.map.state}")
        levels = find(ui.window, "mapTileLevels")
        front = levels.property("front")
        waiting.append("tiles: " + ", ".join(f"{name} {levels.property(name)!r}" for name in (
            "providerReady", "prefix", "tileZoom", "width", "height", "ready")))
        waiting.append("front layer: " + ", ".join(f"{name} {front.property(name)!r}" for name in (
            "prefix", "tileZoom", "tileCount", "busyCount")))
    return "; ".join(waiting)


def wait_settled(qtbot, ui) -> None:  # noqa: ANN001 - pytest-qt and app types
    """Wait until the head unit's window says `settled`; if it never does, say what it waits for."""
    try:
        qtbot.waitUntil(lambda: ui.window.property("settled"), timeout=SETTLE_TIMEOUT_MS)
    except qtbot.TimeoutError:
        raise AssertionError(f"the head unit did not settle: {_not_settled(ui)}") from None


def start_ui(qtbot, tasks, config, area: str):  # noqa: ANN001, ANN201 - pytest-qt and app types
    """The whole head unit on `area`, started as the app does, once `settled` (view loaded, start-up done)."""
    from headunit.app import build_ui

    ui = build_ui(config)
    ui.shell.openArea(area)
    with qtbot.waitSignal(ui.window.frameSwapped, timeout=10_000):
        ui.window.show()
    ui.startup.begin(tasks)
    try:
        wait_settled(qtbot, ui)
    except BaseException:
        ui.dispose()  # or its timers outlive this test and fail the next one
        raise
    return ui
