"""The backend's live data (free spaces, price) of the parking, fuel or charging POI on
screen, for the map's details panel.

Showing a POI reads the offline cache on the worker and publishes what it holds at
once, fresh or stale; a missing or stale copy is then refreshed on the worker when a
client is attached. A failed refresh keeps the cached copy on screen (marked stale),
and an answer for a POI that is no longer shown is dropped. The storage and the
backend client arrive after the first frame, in either order, or never.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, Property, QCoreApplication, QLocale, QObject, QTimer, Signal,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.qt.formatting import money_text, time_text

if TYPE_CHECKING:
    from headunit.core.backend.models import PoiLive
    from headunit.qt.tasks import TaskRunner
    from headunit.services.backend.cache import BackendCache
    from headunit.services.backend.client import BackendApi
    from headunit.services.backend.live_data import CachedValue
    from headunit.services.store import Store

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.backend")

_C = "LiveDataStore"
_AVAILABILITY = {
    "parking": QT_TRANSLATE_NOOP("LiveDataStore", "%1 of %2 free"),
    "charging": QT_TRANSLATE_NOOP("LiveDataStore", "Connectors: %1 of %2 free"),
}
_PRICE = {
    "hour": QT_TRANSLATE_NOOP("LiveDataStore", "%1 / h"),
    "litre": QT_TRANSLATE_NOOP("LiveDataStore", "%1 / l"),
    "kWh": QT_TRANSLATE_NOOP("LiveDataStore", "%1 / kWh"),
}
_AS_OF = QT_TRANSLATE_NOOP("LiveDataStore", "as of %1")
_UNAVAILABLE = QT_TRANSLATE_NOOP("LiveDataStore", "Live data unavailable")
_NOT_UPDATED = QT_TRANSLATE_NOOP("LiveDataStore", "Could not update")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def price_text(poi: PoiLive, locale: QLocale) -> str:
    """The price in the locale's currency format, per the POI's unit: "€2.50 / h"."""
    amount = money_text(poi.price_minor, poi.currency, locale)
    unit = _PRICE.get(poi.price_unit)
    return _tr(unit).replace("%1", amount) if unit else amount


def availability_text(poi: PoiLive, locale: QLocale) -> str:
    """Free spaces or connectors; nothing for fuel, whose pumps turn over too fast for a cached count."""
    text = _AVAILABILITY.get(poi.category)
    if text is None:
        return ""
    return _tr(text).replace("%1", locale.toString(poi.free)).replace("%2", locale.toString(poi.capacity))


def _read_cache(cache: BackendCache, poi_id: str, now: float, stale_after_s: float) -> CachedValue[PoiLive] | None:
    from headunit.services.backend.live_data import cached_poi  # worker: not imported before the first frame

    return cached_poi(cache, poi_id, now, stale_after_s)


def _fetch(client: BackendApi, cache: BackendCache | None, poi_id: str, now: float) -> PoiLive | str:
    """Ask the backend; keep the answer in the cache when storage is open. A backend that
    cannot answer is expected in a car: that is a result (why), not an error to log loudly."""
    from headunit.services.backend.errors import BackendError
    from headunit.services.backend.live_data import refresh_poi

    try:
        return client.poi(poi_id) if cache is None else refresh_poi(client, cache, poi_id, now)
    except BackendError as error:
        return str(error)


class _Shown(NamedTuple):
    """Everything QML reads, compared as a whole so `changed` fires only on a real change."""

    poi_id: str = ""
    available: bool = False
    loading: bool = False
    stale: bool = False
    availability: str = ""
    price: str = ""
    as_of: str = ""
    error: str = ""


@QmlElement
@QmlUncreatable("LiveDataStore is created by the application")
class LiveDataStore(QObject):
    changed = Signal()

    def __init__(self, tasks: TaskRunner, stale_after_s: float, clock: Callable[[], float] = time.time,
                 locale: QLocale | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._stale_after_s = stale_after_s
        self._clock = clock
        self._locale = locale or QLocale()
        self._cache: BackendCache | None = None
        self._client: BackendApi | None = None
        self._poi_id = ""
        self._request = 0
        self._reading = self._refreshing = False
        self._value: PoiLive | None = None
        self._fetched_at = 0.0
        self._stale = False
        self._failed = False  # the last refresh failed, or there was no backend to ask
        self._shown = _Shown()
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.timeout.connect(self._went_stale)

    # -- what arrives after the first frame ------------------------------------------

    def attach_store(self, store: Store) -> None:
        from headunit.services.backend.cache import BackendCache

        self._cache = BackendCache(store)
        if self._poi_id and self._value is None and not self._reading and not self._refreshing:
            self._read()

    def attach_client(self, client: BackendApi) -> None:
        self._client = client
        if self._poi_id and not self._reading:
            self._refresh_if_needed()

    def follow_selection(self, map_store: QObject) -> None:
        """Show the live data of the map's selection while it is a bookable POI."""
        def selected() -> None:
            poi_id = map_store.selection.get("backendPoiId") or ""
            if poi_id:
                self.show(poi_id)
            else:
                self.clear()

        map_store.selectionChanged.connect(selected)
        selected()

    def follow_connectivity(self, sync_store: QObject) -> None:
        """When the backend answers again, fetch what could not be fetched."""
        def changed() -> None:
            if sync_store.connectivity == "online" and self._poi_id and not self._reading:
                self._refresh_if_needed()

        sync_store.connectivityChanged.connect(changed)

    # -- commands ------------------------------------------------------------------------

    def show(self, poi_id: str) -> None:
        """Show the live data of a backend POI id ('n123'): the cached copy, then a fresh one."""
        if poi_id == self._poi_id:
            return
        self._start(poi_id)
        self._read()

    def clear(self) -> None:
        if self._poi_id:
            self._start("")

    def _start(self, poi_id: str) -> None:
        self._request += 1  # answers for the POI shown before are dropped
        self._stale_timer.stop()
        self._poi_id, self._value, self._fetched_at, self._stale, self._failed = poi_id, None, 0.0, False, False
        self._reading = self._refreshing = False
        self._update()

    def _read(self) -> None:
        if self._cache is None:
            self._refresh_if_needed()
            return
        request = self._request

        def read(cached: CachedValue[PoiLive] | None) -> None:
            if request != self._request:
                return
            self._reading = False
            if cached is not None and self._value is None:  # a value already here came from the backend
                self._publish(cached.value, cached.fetched_at, cached.stale)
            self._refresh_if_needed()

        def failed(_error: BaseException) -> None:
            if request == self._request:
                self._reading = False
                self._refresh_if_needed()

        self._reading = True
        self._update()
        self._tasks.run(_read_cache, self._cache, self._poi_id, self._clock(), self._stale_after_s,
                        on_done=read, on_error=failed, name="read live POI data")

    def _refresh_if_needed(self) -> None:
        if self._refreshing or (self._value is not None and not self._stale):
            self._update()
            return
        if self._client is None:
            self._failed = True
            self._update()
            return
        request, poi_id, now = self._request, self._poi_id, self._clock()

        def fetched(poi: PoiLive | str) -> None:
            if isinstance(poi, str):
                failed(poi)
            elif request == self._request:
                self._refreshing = self._failed = False
                self._publish(poi, now, False)

        def failed(error: BaseException | str) -> None:
            if request == self._request:
                log.info("live data of %s not refreshed: %s", poi_id, error)
                self._refreshing, self._failed = False, True
                self._stale = self._value is not None
                self._update()

        self._refreshing = True
        self._update()
        self._tasks.run(_fetch, self._client, self._cache, poi_id, now, on_done=fetched, on_error=failed,
                        name="refresh live POI data")

    def _publish(self, poi: PoiLive, fetched_at: float, stale: bool) -> None:
        self._value, self._fetched_at, self._stale = poi, fetched_at, stale
        self._stale_timer.stop()
        if not stale:
            self._schedule_stale_check()
        self._update()

    def _schedule_stale_check(self) -> None:
        left_s = self._fetched_at + self._stale_after_s - self._clock()
        self._stale_timer.start(max(0, round(left_s * 1000)) + 1000)

    def _went_stale(self) -> None:
        """A value on screen for stale_after_s: mark it and fetch a new one."""
        if self._value is None or self._stale:
            return
        age = self._clock() - self._fetched_at
        if 0 <= age <= self._stale_after_s:
            self._schedule_stale_check()
            return
        self._stale = True
        self._refresh_if_needed()

    # -- what QML reads ------------------------------------------------------------------

    def _update(self) -> None:
        value, loading = self._value, self._reading or self._refreshing
        shown = _Shown(self._poi_id, value is not None, loading, value is not None and self._stale)
        if value is not None:
            shown = shown._replace(availability=availability_text(value, self._locale),
                                   price=price_text(value, self._locale), as_of=self._as_of())
        if self._poi_id and self._failed and not loading:
            shown = shown._replace(error=_tr(_NOT_UPDATED if value is not None else _UNAVAILABLE))
        if shown != self._shown:
            self._shown = shown
            self.changed.emit()

    def _as_of(self) -> str:
        return _tr(_AS_OF).replace("%1", time_text(self._fetched_at, self._locale))

    @property
    def value(self) -> PoiLive | None:
        """The data shown (None while there is none)."""
        return self._value

    poiId = Property(str, lambda self: self._shown.poi_id, notify=changed)
    available = Property(bool, lambda self: self._shown.available, notify=changed)
    loading = Property(bool, lambda self: self._shown.loading, notify=changed)
    stale = Property(bool, lambda self: self._shown.stale, notify=changed)
    availabilityText = Property(str, lambda self: self._shown.availability, notify=changed)
    priceText = Property(str, lambda self: self._shown.price, notify=changed)
    asOfText = Property(str, lambda self: self._shown.as_of, notify=changed)
    errorText = Property(str, lambda self: self._shown.error, notify=changed)
