"""Small helpers to find and touch items in a loaded Qt Quick scene."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest


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


def start_ui(qtbot, tasks, config, area: str):  # noqa: ANN001, ANN201 - pytest-qt and app types
    """The whole head unit on `area`, started as the app does, once `settled` (view loaded, start-up done)."""
    from headunit.app import build_ui

    ui = build_ui(config)
    ui.shell.openArea(area)
    with qtbot.waitSignal(ui.window.frameSwapped, timeout=10_000):
        ui.window.show()
    ui.startup.begin(tasks)
    try:
        qtbot.waitUntil(lambda: ui.window.property("settled"), timeout=15_000)
    except BaseException:
        ui.dispose()  # or its timers outlive this test and fail the next one
        raise
    return ui
