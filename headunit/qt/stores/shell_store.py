"""The shell's state: which area is shown, day/night theme, start-up and notices."""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.qt.stores.area_model import AreaListModel

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.shell")


@QmlElement
@QmlUncreatable("ShellStore is created by the application")
class ShellStore(QObject):
    nightChanged = Signal()
    currentAreaChanged = Signal()
    noticeChanged = Signal()
    storageStateChanged = Signal()
    startedChanged = Signal()

    def __init__(self, areas: AreaListModel, night: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._areas = areas
        self._night = night
        self._current_area = "home"
        self._notice = ""
        self._storage_state = "starting"
        self._started = False

    def _get_areas(self) -> AreaListModel:
        return self._areas

    areas = Property(QObject, _get_areas, constant=True)

    def _get_night(self) -> bool:
        return self._night

    def set_night(self, night: bool) -> None:
        if night != self._night:
            self._night = night
            log.info("theme changed to %s", "night" if night else "day")
            self.nightChanged.emit()

    night = Property(bool, _get_night, set_night, notify=nightChanged)

    @Slot()
    def toggleTheme(self) -> None:
        self.set_night(not self._night)

    def _get_current_area(self) -> str:
        return self._current_area

    currentArea = Property(str, _get_current_area, notify=currentAreaChanged)

    @Slot(str)
    def openArea(self, key: str) -> None:
        """Show an area; a key that is unknown or switched off is ignored (and logged)."""
        if key not in self._areas.keys():
            log.warning("openArea: no such area %r (enabled: %s)", key, ", ".join(self._areas.keys()))
            return
        if key != self._current_area:
            self._current_area = key
            self.currentAreaChanged.emit()

    def _get_notice(self) -> str:
        return self._notice

    notice = Property(str, _get_notice, notify=noticeChanged)

    def show_notice(self, text: str) -> None:
        """A problem the driver should know about, in words for a driver."""
        if text != self._notice:
            self._notice = text
            self.noticeChanged.emit()

    @Slot()
    def dismissNotice(self) -> None:
        self.show_notice("")

    def _get_storage_state(self) -> str:
        return self._storage_state

    storageState = Property(str, _get_storage_state, notify=storageStateChanged)

    def set_storage_state(self, state: str) -> None:
        if state not in ("starting", "ready", "unavailable"):
            raise ValueError(f"storage state must be starting, ready or unavailable, got {state!r}")
        if state != self._storage_state:
            self._storage_state = state
            self.storageStateChanged.emit()

    def _get_started(self) -> bool:
        return self._started

    started = Property(bool, _get_started, notify=startedChanged)

    def mark_started(self) -> None:
        """Start-up work after the first frame (storage, ...) has finished, well or not."""
        if not self._started:
            self._started = True
            self.startedChanged.emit()
