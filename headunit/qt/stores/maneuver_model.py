"""A route's manoeuvres as a list model, in the driver's language (translated by kind and direction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.map.guidance import Direction, Maneuver, ManeuverKind
from headunit.qt.stores.row_model import RowListModel

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

_C = "Maneuvers"
# (without a road name, onto a named road)
_TURNS = {
    Direction.STRAIGHT: (QT_TRANSLATE_NOOP("Maneuvers", "Continue straight on"),
                         QT_TRANSLATE_NOOP("Maneuvers", "Continue onto %1")),
    Direction.SLIGHT_RIGHT: (QT_TRANSLATE_NOOP("Maneuvers", "Bear right"),
                             QT_TRANSLATE_NOOP("Maneuvers", "Bear right onto %1")),
    Direction.RIGHT: (QT_TRANSLATE_NOOP("Maneuvers", "Turn right"),
                      QT_TRANSLATE_NOOP("Maneuvers", "Turn right onto %1")),
    Direction.SHARP_RIGHT: (QT_TRANSLATE_NOOP("Maneuvers", "Turn sharp right"),
                            QT_TRANSLATE_NOOP("Maneuvers", "Turn sharp right onto %1")),
    Direction.SLIGHT_LEFT: (QT_TRANSLATE_NOOP("Maneuvers", "Bear left"),
                            QT_TRANSLATE_NOOP("Maneuvers", "Bear left onto %1")),
    Direction.LEFT: (QT_TRANSLATE_NOOP("Maneuvers", "Turn left"),
                     QT_TRANSLATE_NOOP("Maneuvers", "Turn left onto %1")),
    Direction.SHARP_LEFT: (QT_TRANSLATE_NOOP("Maneuvers", "Turn sharp left"),
                           QT_TRANSLATE_NOOP("Maneuvers", "Turn sharp left onto %1")),
    Direction.UTURN: (QT_TRANSLATE_NOOP("Maneuvers", "Make a U-turn"),
                      QT_TRANSLATE_NOOP("Maneuvers", "Make a U-turn onto %1")),
}
_DEPART = (QT_TRANSLATE_NOOP("Maneuvers", "Start driving"), QT_TRANSLATE_NOOP("Maneuvers", "Start on %1"))
_ARRIVE = QT_TRANSLATE_NOOP("Maneuvers", "Arrive at your destination")
_ICONS = {
    Direction.STRAIGHT: "straight", Direction.SLIGHT_RIGHT: "turn_slight_right", Direction.RIGHT: "turn_right",
    Direction.SHARP_RIGHT: "turn_sharp_right", Direction.SLIGHT_LEFT: "turn_slight_left",
    Direction.LEFT: "turn_left", Direction.SHARP_LEFT: "turn_sharp_left", Direction.UTURN: "uturn",
}
_ROLES = ("icon", "text", "distanceM", "done")


def maneuver_icon(m: Maneuver) -> str:
    if m.kind == ManeuverKind.ARRIVE:
        return "arrive"
    if m.kind == ManeuverKind.DEPART:
        return "heading_up"
    return "uturn" if m.kind == ManeuverKind.UTURN else _ICONS.get(m.direction, "straight")


def maneuver_text(m: Maneuver) -> str:
    """"Turn right onto Mannerheimintie" in the current language."""
    tr = lambda text: QCoreApplication.translate(_C, text)  # noqa: E731
    if m.kind == ManeuverKind.ARRIVE:
        return tr(_ARRIVE)
    plain, onto = _DEPART if m.kind == ManeuverKind.DEPART else _TURNS.get(
        Direction.UTURN if m.kind == ManeuverKind.UTURN else m.direction, _TURNS[Direction.STRAIGHT])
    return tr(onto).replace("%1", m.road) if m.road else tr(plain)


@QmlElement
@QmlUncreatable("ManeuverListModel is created by the route store")
class ManeuverListModel(RowListModel):
    ROLES = _ROLES

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._current = 0

    def role_value(self, row: int, role: str) -> Any:
        m = self._rows[row]
        if role == "icon":
            return maneuver_icon(m)
        if role == "text":
            return maneuver_text(m)
        if role == "distanceM":
            return float(m.distance_m)
        return row < self._current  # "done"

    def set_maneuvers(self, maneuvers: Sequence[Maneuver]) -> None:
        self.beginResetModel()
        self._rows, self._current = list(maneuvers), 0
        self.endResetModel()

    def set_current(self, index: int) -> None:
        """Manoeuvres before `index` are done (shown dimmed)."""
        if index != self._current and self._rows:
            low, high = sorted((self._current, index))
            self._current = index
            role = Qt.ItemDataRole.UserRole + _ROLES.index("done")
            self.dataChanged.emit(self.index(max(0, low)), self.index(min(high, len(self._rows) - 1)), [role])
