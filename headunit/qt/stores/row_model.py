"""A list model over a Python list of rows, one QML role per name in ROLES."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt


class RowListModel(QAbstractListModel):
    """Subclasses set ROLES and answer role_value(row, role)."""

    ROLES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._rows: list[Any] = []

    def roleNames(self) -> dict[int, QByteArray]:
        return {Qt.ItemDataRole.UserRole + i: QByteArray(r.encode()) for i, r in enumerate(self.ROLES)}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        i = role - Qt.ItemDataRole.UserRole
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= i < len(self.ROLES):
            return None
        return self.role_value(index.row(), self.ROLES[i])

    def role_value(self, row: int, role: str) -> Any:
        raise NotImplementedError


class DictListModel(RowListModel):
    """Rows are dicts with one key per role; `reset` replaces them all."""

    def __init__(self, roles: tuple[str, ...], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._roles = roles

    def roleNames(self) -> dict[int, QByteArray]:
        return {Qt.ItemDataRole.UserRole + i: QByteArray(r.encode()) for i, r in enumerate(self._roles)}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        i = role - Qt.ItemDataRole.UserRole
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= i < len(self._roles):
            return None
        return self._rows[index.row()].get(self._roles[i])

    def reset(self, rows: list[dict[str, Any]]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    @property
    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)
