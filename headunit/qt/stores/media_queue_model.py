"""The play queue as QML sees it: one row per item in play order, `current` marking the one
playing. Moving to another track changes two rows, not the whole list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt

from headunit.core.media.queue import QueueItem
from headunit.qt.stores.row_model import RowListModel


class MediaQueueModel(RowListModel):
    ROLES = ("title", "artist", "current")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = -1

    def show(self, items: list[QueueItem], current: int) -> None:
        """Show a new list (a reset only when the items differ)."""
        if items != self._rows:
            self.beginResetModel()
            self._rows, self._current = list(items), current
            self.endResetModel()
        else:
            self.set_current(current)

    def set_current(self, row: int) -> None:
        if row == self._current:
            return
        old, self._current = self._current, row
        role = [Qt.ItemDataRole.UserRole + self.ROLES.index("current")]
        for changed in (old, row):
            if 0 <= changed < len(self._rows):
                index = self.index(changed, 0, QModelIndex())
                self.dataChanged.emit(index, index, role)

    def role_value(self, row: int, role: str) -> Any:
        if role == "current":
            return row == self._current
        return getattr(self._rows[row], role)
