"""The enabled areas (headunit.core.areas) as a list model for the rail and home."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.areas import Area

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("Areas", text)


@QmlElement
@QmlUncreatable("AreaListModel is created by the application")
class AreaListModel(QAbstractListModel):
    KeyRole = Qt.ItemDataRole.UserRole + 1
    TitleRole = Qt.ItemDataRole.UserRole + 2
    IconRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, areas: tuple[Area, ...], parent=None) -> None:
        super().__init__(parent)
        self._areas = areas

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._areas)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._areas):
            return None
        area = self._areas[index.row()]
        if role == self.KeyRole:
            return area.key
        if role in (self.TitleRole, Qt.ItemDataRole.DisplayRole):
            return _tr(area.title)
        if role == self.IconRole:
            return area.icon
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {
            self.KeyRole: QByteArray(b"key"),
            self.TitleRole: QByteArray(b"title"),
            self.IconRole: QByteArray(b"icon"),
        }

    def keys(self) -> list[str]:
        return [a.key for a in self._areas]
