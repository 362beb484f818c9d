"""The map area's state for QML: which map is installed, where the car is, the POI
markers in view and the POI (or point) the driver picked.

Every map query runs on the worker executor; results that arrive after a newer
request was made are dropped, so a fast pan never shows the markers of an old view.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.config import MapConfig
from headunit.core.map.features import NEAREST_CATEGORIES
from headunit.core.map.geo import BBox, haversine_m
from headunit.core.signals import Quality
from headunit.qt.stores.poi_model import PoiListModel, poi_to_map
from headunit.services.map.pois import Poi

if TYPE_CHECKING:
    from headunit.qt.tasks import TaskRunner
    from headunit.services.map.service import MapService

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.map")

LATITUDE = "Vehicle.CurrentLocation.Latitude"
LONGITUDE = "Vehicle.CurrentLocation.Longitude"
HEADING = "Vehicle.CurrentLocation.Heading"
MARKER_LIMIT = 40
ALL_CATEGORIES_FROM_ZOOM = 17  # below it only parking, fuel and charging get markers

_C = "MapStore"
_POINT = QT_TRANSLATE_NOOP("MapStore", "Point on the map")
_STATE_TEXT = {
    "loading": QT_TRANSLATE_NOOP("MapStore", "Opening the map…"),
    "importing": QT_TRANSLATE_NOOP("MapStore", "Preparing the map for first use…"),
    "unavailable": QT_TRANSLATE_NOOP("MapStore", "The map could not be opened. Search and routing are unavailable."),
}


@QmlElement
@QmlUncreatable("MapStore is created by the application")
class MapStore(QObject):
    stateChanged = Signal()
    carChanged = Signal()
    followChanged = Signal()
    selectionChanged = Signal()
    _importing = Signal()  # emitted on a worker thread, delivered queued on the GUI thread

    def __init__(self, config: MapConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._state = "loading"
        self._service: MapService | None = None
        self._tile_source = ""
        self._tasks: TaskRunner | None = None
        self._car = (config.start_lat, config.start_lon, 0.0)
        self._car_valid = False
        self._follow = True
        self._heading_up = config.heading_up
        self._pois = PoiListModel(self)
        self._marker_request = 0
        self._selection: dict[str, Any] = {}
        self._selection_request = 0
        self._opener: tuple[Callable, Callable] | None = None
        self._opening = False
        self._importing.connect(self._mark_importing)

    # -- lifecycle -------------------------------------------------------------------

    def prepare(self, tasks: TaskRunner, open_map: Callable[[Callable[[str], None]], MapService],
                tile_source: Callable[[MapService], str]) -> None:
        """How to open the map; open() does it when the map is first needed."""
        self._tasks, self._opener = tasks, (open_map, tile_source)

    def start(self, tasks: TaskRunner, open_map: Callable[[Callable[[str], None]], MapService],
              tile_source: Callable[[MapService], str]) -> None:
        self.prepare(tasks, open_map, tile_source)
        self.open()

    @Slot()
    def open(self) -> None:
        """Open (importing first if needed) the map on a worker, once; `tile_source` then installs tiles.

        Called when the map is first shown or used, so a unit that starts on another
        screen does not pay the map's memory and the routing library at start-up.
        """
        if self._opener is None or self._opening:
            return
        self._opening = True
        tasks = self._tasks
        open_map, tile_source = self._opener

        def progress(stage: str) -> None:
            if stage == "importing":
                self._importing.emit()

        def opened(service: MapService) -> None:
            self._service = service
            self._tile_source = tile_source(service)
            self._set_state("ready")

        def failed(error: BaseException) -> None:
            log.error("map unavailable: %s", error)
            self._set_state("unavailable")

        tasks.run(open_map, progress, on_done=opened, on_error=failed, name="open map")

    @Slot()
    def _mark_importing(self) -> None:
        if self._state == "loading":
            self._set_state("importing")

    @property
    def service(self) -> MapService | None:
        return self._service

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit()

    # -- the car -----------------------------------------------------------------------

    def follow_vehicle(self, vehicle: QObject) -> None:
        """Track Vehicle.CurrentLocation from a VehicleStore (its coalesced motion group)."""
        state = vehicle.state

        def moved() -> None:
            lat, lon, heading = state.get(LATITUDE), state.get(LONGITUDE), state.get(HEADING)
            valid = lat is not None and lon is not None and lat.quality == Quality.VALID == lon.quality
            if lat is None or lon is None:
                return self._set_car(self._car, False)
            bearing = float(heading.value) if heading is not None else self._car[2]
            self._set_car((float(lat.value), float(lon.value), bearing), valid)

        vehicle.motionChanged.connect(moved)
        moved()

    def _set_car(self, car: tuple[float, float, float], valid: bool) -> None:
        if car != self._car or valid != self._car_valid:
            self._car, self._car_valid = car, valid
            self.carChanged.emit()

    @property
    def car_position(self) -> tuple[float, float]:
        return self._car[0], self._car[1]

    # -- markers -------------------------------------------------------------------------

    @Slot(float, float, float, float, float)
    def setViewport(self, min_lat: float, min_lon: float, max_lat: float, max_lon: float, zoom: float) -> None:
        """The canvas shows this box: load the POI markers for it."""
        if self._service is None or self._tasks is None:
            return
        self._marker_request += 1
        request, service = self._marker_request, self._service
        bbox = BBox(min_lon, min_lat, max_lon, max_lat)
        categories = None if zoom >= ALL_CATEGORIES_FROM_ZOOM else list(NEAREST_CATEGORIES)

        def loaded(pois: list[Poi]) -> None:
            if request == self._marker_request:
                self._pois.set_pois(pois)

        self._tasks.run(service.pois_in_bbox, bbox, categories, MARKER_LIMIT, on_done=loaded, name="map markers")

    # -- selection -------------------------------------------------------------------------

    @Slot(int)
    def selectPoi(self, poi_id: int) -> None:
        if self._service is None or self._tasks is None:
            return
        self._selection_request += 1
        request, service = self._selection_request, self._service

        def loaded(poi: Poi | None) -> None:
            if request == self._selection_request:
                self._set_selection({} if poi is None else self._with_distance(poi_to_map(poi)))

        self._tasks.run(service.poi, poi_id, on_done=loaded, name="poi details")

    @Slot(float, float)
    def selectPoint(self, lat: float, lon: float) -> None:
        """A tapped point of the map, as a destination without a POI."""
        self._selection_request += 1
        name = QCoreApplication.translate(_C, _POINT)
        point = {"poiId": -1, "name": name, "category": "point", "address": f"{lat:.5f}, {lon:.5f}",
                 "openingHours": "", "lat": lat, "lon": lon, "distanceM": -1.0, "icon": "map",
                 "backendPoiId": ""}
        self._set_selection(self._with_distance(point))

    @Slot()
    def clearSelection(self) -> None:
        self._selection_request += 1
        self._set_selection({})

    def _with_distance(self, values: dict[str, Any]) -> dict[str, Any]:
        lat, lon = self.car_position
        values["distanceM"] = haversine_m(lat, lon, values["lat"], values["lon"])
        return values

    def _set_selection(self, values: dict[str, Any]) -> None:
        if values != self._selection:
            self._selection = values
            self.selectionChanged.emit()

    # -- follow mode -------------------------------------------------------------------------

    def _set_follow(self, value: bool) -> None:
        if value != self._follow:
            self._follow = value
            self.followChanged.emit()

    def _set_heading_up(self, value: bool) -> None:
        if value != self._heading_up:
            self._heading_up = value
            self.followChanged.emit()

    def _state_text(self) -> str:
        text = _STATE_TEXT.get(self._state)
        return QCoreApplication.translate(_C, text) if text else ""

    state = Property(str, lambda self: self._state, notify=stateChanged)
    stateText = Property(str, _state_text, notify=stateChanged)
    tileSource = Property(str, lambda self: self._tile_source, notify=stateChanged)
    attribution = Property(str, lambda self: self._service.attribution if self._service else "", notify=stateChanged)
    mapId = Property(str, lambda self: self._service.map_id if self._service else "", notify=stateChanged)
    carValid = Property(bool, lambda self: self._car_valid, notify=carChanged)
    carLat = Property(float, lambda self: self._car[0], notify=carChanged)
    carLon = Property(float, lambda self: self._car[1], notify=carChanged)
    carHeading = Property(float, lambda self: self._car[2] if math.isfinite(self._car[2]) else 0.0, notify=carChanged)
    followCar = Property(bool, lambda self: self._follow, _set_follow, notify=followChanged)
    headingUp = Property(bool, lambda self: self._heading_up, _set_heading_up, notify=followChanged)
    pois = Property(QObject, lambda self: self._pois, constant=True)
    selection = Property("QVariantMap", lambda self: self._selection, notify=selectionChanged)
    hasSelection = Property(bool, lambda self: bool(self._selection), notify=selectionChanged)
