"""POIs as a list model: the map's markers and the search / nearest result lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Property, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.map.features import POI_CATEGORIES, osm_ref
from headunit.qt.stores.row_model import RowListModel
from headunit.services.map.pois import Poi

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

_ROLES = ("poiId", "name", "category", "address", "openingHours", "lat", "lon", "distanceM", "icon")
_FIELDS = ("id", "name", "category", "address", "opening_hours", "lat", "lon", "distance_m")


def backend_poi_id(poi: Poi) -> str:
    """The backend's id of a bookable POI ('n123' for OSM node 123); "" for the others."""
    category = POI_CATEGORIES.get(poi.category)
    return osm_ref(poi.osm_type, poi.osm_id) if category is not None and category.bookable else ""


def poi_to_map(poi: Poi) -> dict[str, Any]:
    """A POI as QML sees it (camelCase keys); distanceM is -1 when unknown; backendPoiId is
    the id of its live data ("" when the backend has none)."""
    values = {role: getattr(poi, f) for role, f in zip(_ROLES, _FIELDS)}
    values["distanceM"] = -1.0 if poi.distance_m is None else float(poi.distance_m)
    category = POI_CATEGORIES.get(poi.category)
    values["icon"] = category.icon if category else "map"
    values["backendPoiId"] = backend_poi_id(poi)
    return values


@QmlElement
@QmlUncreatable("PoiListModel is created by the map stores")
class PoiListModel(RowListModel):
    countChanged = Signal()

    ROLES = _ROLES

    def role_value(self, row: int, role: str) -> Any:
        return self._rows[row][role]

    def set_pois(self, pois: Sequence[Poi]) -> None:
        rows = [poi_to_map(p) for p in pois]
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.countChanged.emit()

    def ids(self) -> list[int]:
        return [r["poiId"] for r in self._rows]

    def get(self, row: int) -> dict[str, Any]:
        return dict(self._rows[row])

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)
