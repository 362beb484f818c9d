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
