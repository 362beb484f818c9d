"""Fetch-then-cache and read-from-cache for the backend data the views show.

``refresh_*`` asks the backend (the client validates the answer) and only then
writes the cache, so a failed or malformed answer leaves the cache exactly as it was
and its BackendError propagates. ``cached_*`` reads a row back through the same
parser; a row that no longer parses (older software wrote it, say) is logged and
treated as absent, never a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from headunit.core.backend.api_json import to_api_json
from headunit.core.backend.fields import MalformedResponse, format_day
from headunit.core.backend.models import Catalogue, Order, PoiLive, Reservation, Slot, SlotDay
from headunit.core.backend.parse import (
    parse_catalogue,
    parse_orders,
    parse_poi_live,
    parse_reservations,
    parse_slot_day,
)

from .cache import BackendCache, is_stale
from .client import BackendApi

log = logging.getLogger("headunit.backend")
T = TypeVar("T")

POI_KIND = "poi_live"
SLOTS_KIND = "slots"
CATALOGUE_KIND = "catalogue"
RESERVATIONS_KIND = "reservations"
ORDERS_KIND = "orders"
CATALOGUE_KEY = "default"
MINE_KEY = "mine"


@dataclass(frozen=True)
class CachedValue(Generic[T]):
    value: T
    fetched_at: float
    stale: bool


def refresh_poi(client: BackendApi, cache: BackendCache, poi_id: str, now: float) -> PoiLive:
    poi = client.poi(poi_id)
    cache.put(POI_KIND, poi_id, to_api_json(poi), now)
    return poi


def cached_poi(cache: BackendCache, poi_id: str, now: float, stale_after_s: float) -> CachedValue[PoiLive] | None:
    def parse(body: Any) -> PoiLive:
        poi = parse_poi_live(body)
        if poi.poi_id != poi_id:
            raise MalformedResponse(f"poi.poi_id: expected {poi_id}, got {poi.poi_id}")
        return poi

    return _cached(cache, POI_KIND, poi_id, parse, now, stale_after_s)


def slots_key(poi_id: str, day: date) -> str:
    return f"{poi_id}/{format_day(day)}"


def refresh_slots(client: BackendApi, cache: BackendCache, poi_id: str, day: date, now: float) -> tuple[Slot, ...]:
    slots = client.slots(poi_id, day)
    cache.put(SLOTS_KIND, slots_key(poi_id, day), to_api_json(SlotDay(poi_id, day, slots)), now)
    return slots


def cached_slots(
    cache: BackendCache, poi_id: str, day: date, now: float, stale_after_s: float
) -> CachedValue[tuple[Slot, ...]] | None:
    def parse(body: Any) -> tuple[Slot, ...]:
        answer = parse_slot_day(body)
        if (answer.poi_id, answer.date) != (poi_id, day):
            raise MalformedResponse(f"poi_id, date: expected {poi_id} on {day}, got {answer.poi_id} on {answer.date}")
        return answer.slots

    return _cached(cache, SLOTS_KIND, slots_key(poi_id, day), parse, now, stale_after_s)


def refresh_catalogue(client: BackendApi, cache: BackendCache, now: float) -> Catalogue:
    catalogue = client.catalogue()
    cache.put(CATALOGUE_KIND, CATALOGUE_KEY, to_api_json(catalogue), now)
    return catalogue


def cached_catalogue(cache: BackendCache, now: float, stale_after_s: float) -> CachedValue[Catalogue] | None:
    return _cached(cache, CATALOGUE_KIND, CATALOGUE_KEY, parse_catalogue, now, stale_after_s)


def refresh_reservations(client: BackendApi, cache: BackendCache, now: float) -> tuple[Reservation, ...]:
    reservations = client.reservations()
    cache.put(RESERVATIONS_KIND, MINE_KEY, {"reservations": [to_api_json(r) for r in reservations]}, now)
    return reservations


def cached_reservations(
    cache: BackendCache, now: float, stale_after_s: float
) -> CachedValue[tuple[Reservation, ...]] | None:
    return _cached(cache, RESERVATIONS_KIND, MINE_KEY, parse_reservations, now, stale_after_s)


def refresh_orders(client: BackendApi, cache: BackendCache, now: float) -> tuple[Order, ...]:
    orders = client.orders()
    cache.put(ORDERS_KIND, MINE_KEY, {"orders": [to_api_json(o) for o in orders]}, now)
    return orders


def cached_orders(cache: BackendCache, now: float, stale_after_s: float) -> CachedValue[tuple[Order, ...]] | None:
    return _cached(cache, ORDERS_KIND, MINE_KEY, parse_orders, now, stale_after_s)


def _cached(
    cache: BackendCache, kind: str, key: str, parse: Callable[[Any], T], now: float, stale_after_s: float
) -> CachedValue[T] | None:
    row = cache.get(kind, key)
    if row is None:
        return None
    try:
        value = parse(row.body)
    except MalformedResponse as exc:
        log.warning("cached %s %s no longer parses (%s); treating it as absent", kind, key, exc)
        return None
    return CachedValue(value, row.fetched_at, is_stale(row, now, stale_after_s))
