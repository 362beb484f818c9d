"""Routing and turn-by-turn guidance for QML.

A route is computed on the worker executor from the car to a destination; while it
is active every position update of the car advances the guidance (pure maths on the
GUI thread, a few microseconds), and leaving the route starts a new route from where
the car is. "No route" is a message in the driver's language, never an exception.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.map.guidance import RouteTracker, TrackerSettings
from headunit.qt.stores.maneuver_model import ManeuverListModel, maneuver_icon, maneuver_text

if TYPE_CHECKING:
    from headunit.core.map.guidance import Progress
    from headunit.qt.stores.map_store import MapStore
    from headunit.qt.tasks import TaskRunner
    from headunit.services.map.routing import Route

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.route")

_C = "RouteStore"
_NO_ROUTE = {
    "unreachable": QT_TRANSLATE_NOOP("RouteStore", "No road route leads there from here."),
    "no_road_near_origin": QT_TRANSLATE_NOOP("RouteStore", "The car is not near a road on the map."),
    "no_road_near_destination": QT_TRANSLATE_NOOP("RouteStore", "There is no road near this destination."),
    "same_place": QT_TRANSLATE_NOOP("RouteStore", "You are already there."),
}
_NO_MAP = QT_TRANSLATE_NOOP("RouteStore", "Routing needs the map, which is not available.")
_FAILED = QT_TRANSLATE_NOOP("RouteStore", "The route could not be computed.")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _route_or_error(service, origin: tuple[float, float], destination: tuple[float, float]):  # noqa: ANN001, ANN202
    """Worker: (route, "") or (None, NoRouteError code): no route is an answer, not a failure to log.

    routing (and igraph) is imported here, on the first route, not at start-up.
    """
    from headunit.services.map.routing import NoRouteError

    try:
        return service.route(origin, destination), ""
    except NoRouteError as exc:
        return None, exc.code


@QmlElement
@QmlUncreatable("RouteStore is created by the application")
class RouteStore(QObject):
    changed = Signal()
    progressChanged = Signal()

    def __init__(self, map_store: MapStore, tasks: TaskRunner, off_route_m: float,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = map_store
        self._tasks = tasks
        self._off_route_m = off_route_m
        self._route: Route | None = None
        self._tracker: Any = None
        self._progress: Progress | None = None
        self._destination: tuple[float, float] | None = None
        self._destination_name = ""
        self._destination_poi = -1
        self._path: list[dict[str, float]] = []  # what MapCanvas.routePath takes
        self._computing = False
        self._message = ""
        self._request = 0
        self._reroutes = 0
        self._maneuvers = ManeuverListModel(self)
        map_store.carChanged.connect(self._car_moved)

    @Slot(float, float, str)
    def routeTo(self, lat: float, lon: float, name: str) -> None:
        """A route from the car to (lat, lon); replaces any active route."""
        self._route_to(lat, lon, name, -1)

    def _route_to(self, lat: float, lon: float, name: str, poi_id: int) -> None:
        self._destination, self._destination_name, self._destination_poi = (lat, lon), name, poi_id
        self._reroutes = 0
        self._compute()

    @Slot(int)
    def routeToPoi(self, poi_id: int) -> None:
        """A route from the car to POI `poi_id` of the map (looked up on a worker)."""
        service = self._map.service
        if service is None:
            self._message = _tr(_NO_MAP)
            self.changed.emit()
            return

        def found(poi) -> None:  # noqa: ANN001 - a pois.Poi or None
            if poi is None:
                log.warning("route to POI %d: no such POI on this map", poi_id)
                self._message = _tr(_NO_ROUTE["no_road_near_destination"])
                self.changed.emit()
            else:
                self._route_to(poi.lat, poi.lon, poi.name, poi.id)

        self._tasks.run(service.poi, poi_id, on_done=found, name="route to poi")

    @Slot()
    def cancel(self) -> None:
        self._request += 1
        self._destination = None
        self._set_route(None)
        self._computing, self._message = False, ""
        self.changed.emit()

    def _compute(self) -> None:
        service = self._map.service
        if service is None or self._destination is None:
            self._message = _tr(_NO_MAP)
            self.changed.emit()
            return
        self._request += 1
        request = self._request
        self._computing, self._message = True, ""
        self.changed.emit()

        def done(result: tuple[Route | None, str]) -> None:
            if request != self._request:
                return
            self._computing = False
            route, code = result
            if route is None:
                self._message = _tr(_NO_ROUTE.get(code, _FAILED))
            self._set_route(route)
            self.changed.emit()

        def failed(_error: BaseException) -> None:
            if request == self._request:
                self._computing, self._message = False, _tr(_FAILED)
                self.changed.emit()

        self._tasks.run(_route_or_error, service, self._map.car_position, self._destination,
                        on_done=done, on_error=failed, name="route")

    def _set_route(self, route: Route | None) -> None:
        self._route = route
        settings = TrackerSettings(off_route_m=self._off_route_m)
        self._tracker = None if route is None else RouteTracker(route.line, route.maneuvers, settings)
        self._path = [] if route is None else [{"lat": lat, "lon": lon} for lat, lon in route.points]
        self._maneuvers.set_maneuvers([] if route is None else route.maneuvers)
        self._progress = None
        if route is not None:
            self._car_moved()
        self.progressChanged.emit()

    def _car_moved(self) -> None:
        if self._tracker is None or not self._map.carValid:
            return
        lat, lon = self._map.car_position
        progress = self._tracker.update(lat, lon, time.monotonic(), self._map.carHeading)
        self._progress = progress
        self._maneuvers.set_current(self._next_index())
        self.progressChanged.emit()
        if progress.off_route and not self._computing:
            self._reroutes += 1
            log.info("off the route: re-routing (%d)", self._reroutes)
            self._compute()
        elif progress.arrived:
            log.info("arrived at %s", self._destination_name or self._destination)

    def next_maneuver_progress(self) -> tuple[int | None, float]:
        """The next manoeuvre's index on the route and the distance to it (None when none)."""
        if self._route is None or self._progress is None or self._progress.next_maneuver is None:
            return None, -1.0
        return self._next_index(), self._progress.to_next_m

    # -- what QML sees ---------------------------------------------------------------

    def _next_index(self) -> int:
        if self._route is None or self._progress is None or self._progress.next_maneuver is None:
            return 0
        return self._route.maneuvers.index(self._progress.next_maneuver)

    def _next(self) -> dict[str, Any]:
        if self._route is None or self._progress is None or self._progress.next_maneuver is None:
            return {}
        m = self._progress.next_maneuver
        return {"icon": maneuver_icon(m), "text": maneuver_text(m), "distanceM": self._progress.to_next_m,
                "road": m.road}

    active = Property(bool, lambda self: self._route is not None, notify=changed)
    computing = Property(bool, lambda self: self._computing, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    destinationName = Property(str, lambda self: self._destination_name, notify=changed)
    destinationPoiId = Property(int, lambda self: self._destination_poi if self._route else -1, notify=changed)
    path = Property("QVariantList", lambda self: self._path, notify=changed)
    lengthM = Property(float, lambda self: self._route.length_m if self._route else 0.0, notify=changed)
    remainingM = Property(float, lambda self: self._progress.remaining_m if self._progress else
                          (self._route.length_m if self._route else 0.0), notify=progressChanged)
    remainingS = Property(float, lambda self: self._progress.remaining_s if self._progress else
                          (self._route.duration_s if self._route else 0.0), notify=progressChanged)
    arrived = Property(bool, lambda self: bool(self._progress and self._progress.arrived), notify=progressChanged)
    nextManeuver = Property("QVariantMap", _next, notify=progressChanged)
    maneuvers = Property(QObject, lambda self: self._maneuvers, constant=True)
    reroutes = Property(int, lambda self: self._reroutes, notify=changed)
