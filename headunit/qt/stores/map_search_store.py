"""Place search for QML: as-you-type search by name and address (parked only) and the
"nearest parking / fuel / charging" buttons (usable while moving).

Both run on the worker executor and answer with at most as many results as the
driving restrictions allow; an answer to an older request is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.map.features import NEAREST_CATEGORIES
from headunit.qt.stores.poi_model import PoiListModel
from headunit.services.map.pois import Poi

if TYPE_CHECKING:
    from headunit.qt.stores.map_store import MapStore
    from headunit.qt.tasks import TaskRunner

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

PARKED_RESULTS = 20  # list length when the restrictions set no limit
MAX_QUERY_CHARS = 100

_C = "MapSearchStore"
_NO_RESULTS = {
    "search": QT_TRANSLATE_NOOP("MapSearchStore", "No places match “%1”."),
    "parking": QT_TRANSLATE_NOOP("MapSearchStore", "No parking on this map near the car."),
    "fuel": QT_TRANSLATE_NOOP("MapSearchStore", "No fuel stations on this map near the car."),
    "charging": QT_TRANSLATE_NOOP("MapSearchStore", "No charging stations on this map near the car."),
}
_KEYBOARD_LOCKED = QT_TRANSLATE_NOOP("MapSearchStore", "Typing is available when the car is parked.")
_NO_MAP = QT_TRANSLATE_NOOP("MapSearchStore", "Search needs the map, which is not available.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


@QmlElement
@QmlUncreatable("MapSearchStore is created by the application")
class MapSearchStore(QObject):
    changed = Signal()

    def __init__(self, map_store: MapStore, restrictions: QObject, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = map_store
        self._restrictions = restrictions
        self._tasks = tasks
        self._results = PoiListModel(self)
        self._mode = ""  # "", "search" or a NEAREST_CATEGORIES key
        self._query = ""
        self._busy = False
        self._message = ""
        self._request = 0
        restrictions.restrictionsChanged.connect(self._restrictions_changed)

    def _limit(self) -> int:
        limit = int(self._restrictions.maxListItems)
        return PARKED_RESULTS if limit < 0 else min(PARKED_RESULTS, limit)

    @Slot(str)
    def search(self, text: str) -> None:
        """Results for `text` as the driver types; an empty text clears the list."""
        text = text.strip()[:MAX_QUERY_CHARS]
        if not self._restrictions.keyboardAllowed:
            return self._show("search", text, [], _tr(_KEYBOARD_LOCKED))
        if not text:
            return self.clear()
        lat, lon = self._map.car_position
        self._start("search", text, lambda s, limit: s.search(text, lat, lon, limit))

    @Slot(str)
    def nearest(self, category: str) -> None:
        """The nearest POIs of a category by distance from the car."""
        if category not in NEAREST_CATEGORIES:
            raise ValueError(f"unknown nearest category {category!r}; expected one of {NEAREST_CATEGORIES}")
        lat, lon = self._map.car_position
        self._start(category, "", lambda s, limit: s.nearest(category, lat, lon, limit))

    @Slot()
    def clear(self) -> None:
        self._request += 1
        self._show("", "", [], "")

    def _start(self, mode: str, query: str, fetch) -> None:  # noqa: ANN001
        service = self._map.service
        if service is None:
            return self._show(mode, query, [], _tr(_NO_MAP))
        self._request += 1
        request, limit = self._request, self._limit()
        self._mode, self._query, self._busy = mode, query, True
        self.changed.emit()

        def done(pois: list[Poi]) -> None:
            if request != self._request:
                return
            message = "" if pois else _tr(_NO_RESULTS["search" if mode == "search" else mode]).replace("%1", query)
            self._show(mode, query, pois, message)

        def failed(_error: BaseException) -> None:
            if request == self._request:
                self._show(mode, query, [], _tr(_NO_MAP))

        self._tasks.run(fetch, service, limit, on_done=done, on_error=failed, name=f"map {mode}")

    def _show(self, mode: str, query: str, pois: list[Poi], message: str) -> None:
        self._mode, self._query, self._busy, self._message = mode, query, False, message
        self._results.set_pois(pois[: self._limit()])
        self.changed.emit()

    def _restrictions_changed(self) -> None:
        """Moving: a typed search goes away and lists shrink to the allowed length."""
        if self._mode == "search" and not self._restrictions.keyboardAllowed:
            self._request += 1
            self._show("search", self._query, [], _tr(_KEYBOARD_LOCKED))
        elif self._mode in NEAREST_CATEGORIES and self._results.count > self._limit():
            self.nearest(self._mode)

    results = Property(QObject, lambda self: self._results, constant=True)
    mode = Property(str, lambda self: self._mode, notify=changed)
    query = Property(str, lambda self: self._query, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
