"""Vehicle warnings as a list model, in the driver's language (translated by code)."""

from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractListModel, QByteArray, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.vehicle_warnings import VehicleWarning

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

_C = "VehicleWarnings"
_TEMPLATES = {
    "low_fuel": QT_TRANSLATE_NOOP("VehicleWarnings", "Fuel low: %1 % left"),
    "low_battery": QT_TRANSLATE_NOOP("VehicleWarnings", "Battery low: %1 % left"),
    "low_tyre": QT_TRANSLATE_NOOP("VehicleWarnings", "Low tyre pressure, %1: %2 kPa"),
    "service_due": QT_TRANSLATE_NOOP("VehicleWarnings", "Service due"),
    "stale_data": QT_TRANSLATE_NOOP("VehicleWarnings", "Vehicle data not current"),
    "out_of_range": QT_TRANSLATE_NOOP("VehicleWarnings", "Signal out of range, not shown: %1"),
}
_OPEN = QT_TRANSLATE_NOOP("VehicleWarnings", "%1 open")
_OPEN_MOVING = QT_TRANSLATE_NOOP("VehicleWarnings", "%1 open while moving")
_NAMES = {
    "front_left": QT_TRANSLATE_NOOP("VehicleWarnings", "front left"), "front_right": QT_TRANSLATE_NOOP("VehicleWarnings", "front right"),
    "rear_left": QT_TRANSLATE_NOOP("VehicleWarnings", "rear left"), "rear_right": QT_TRANSLATE_NOOP("VehicleWarnings", "rear right"),
    "front_driver": QT_TRANSLATE_NOOP("VehicleWarnings", "Front driver's door"),
    "front_passenger": QT_TRANSLATE_NOOP("VehicleWarnings", "Front passenger's door"),
    "rear_driver": QT_TRANSLATE_NOOP("VehicleWarnings", "Rear door on the driver's side"),
    "rear_passenger": QT_TRANSLATE_NOOP("VehicleWarnings", "Rear door on the passenger's side"),
    "trunk": QT_TRANSLATE_NOOP("VehicleWarnings", "Trunk"), "hood": QT_TRANSLATE_NOOP("VehicleWarnings", "Hood"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _fill(template: str, *args: object) -> str:
    for number, arg in enumerate(args, start=1):
        template = template.replace(f"%{number}", str(arg))
    return template


def warning_text(warning: VehicleWarning) -> str:
    """The warning in the current language; unknown codes fall back to the English message."""
    d = warning.detail
    if warning.code in ("door_open", "trunk_open", "hood_open"):
        template = _OPEN_MOVING if warning.message.endswith("while moving") else _OPEN
        return _fill(_tr(template), _tr(_NAMES.get(str(d.get("opening")), str(d.get("opening")))))
    template = _TEMPLATES.get(warning.code)
    if template is None:
        return warning.message
    if warning.code in ("low_fuel", "low_battery"):
        return _fill(_tr(template), f"{d.get('percent', 0):g}")
    if warning.code == "low_tyre":
        return _fill(_tr(template), _tr(_NAMES.get(str(d.get("wheel")), str(d.get("wheel")))), f"{d.get('kpa', 0):g}")
    if warning.code == "out_of_range":
        return _fill(_tr(template), d.get("path", ""))
    return _tr(template)


@QmlElement
@QmlUncreatable("WarningListModel is created by the application")
class WarningListModel(QAbstractListModel):
    CodeRole = Qt.ItemDataRole.UserRole + 1
    SeverityRole = Qt.ItemDataRole.UserRole + 2
    MessageRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._warnings: list[VehicleWarning] = []
        self._texts: list[str] = []

    def set_warnings(self, warnings: list[VehicleWarning]) -> None:
        """Replace the list; a no-op (no reset, no flicker) when nothing changed."""
        if warnings == self._warnings:
            return
        self.beginResetModel()
        self._warnings = list(warnings)
        self._texts = [warning_text(w) for w in warnings]
        self.endResetModel()

    def warnings(self) -> list[VehicleWarning]:
        return list(self._warnings)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._warnings)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._warnings):
            return None
        warning = self._warnings[index.row()]
        if role == self.CodeRole:
            return warning.code
        if role == self.SeverityRole:
            return str(warning.severity)
        if role in (self.MessageRole, Qt.ItemDataRole.DisplayRole):
            return self._texts[index.row()]
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {self.CodeRole: QByteArray(b"code"), self.SeverityRole: QByteArray(b"severity"),
                self.MessageRole: QByteArray(b"message")}
