"""What a POI offers now: its live data and today's slots, from the backend, or from the
offline cache (marked stale) when the backend cannot be asked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from headunit.core.backend.models import PoiLive, Slot
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.errors import BackendError
from headunit.services.backend.live_data import cached_poi, cached_slots, refresh_poi, refresh_slots


class NoOffer(LookupError):
    """Neither the backend nor the cache knows the POI."""


@dataclass(frozen=True)
class Offer:
    poi: PoiLive
    slots: tuple[Slot, ...]  # today's (UTC), for a reservable POI
    fetched_at: float
    stale: bool  # from the cache: the backend could not be asked


def load_offer(client: Any | None, cache: BackendCache, poi_id: str, now: float, stale_after_s: float) -> Offer:
    day = datetime.fromtimestamp(now, timezone.utc).date()
    error: BackendError | None = None
    if client is not None:
        try:
            poi = refresh_poi(client, cache, poi_id, now)
            slots = refresh_slots(client, cache, poi_id, day, now) if poi.reservable else ()
            return Offer(poi, slots, now, False)
        except BackendError as exc:
            error = exc
    cached = cached_poi(cache, poi_id, now, stale_after_s)
    if cached is None:
        raise NoOffer(error.message if error else f"no live data for {poi_id} yet (no connection)")
    slot_copy = cached_slots(cache, poi_id, day, now, stale_after_s) if cached.value.reservable else None
    return Offer(cached.value, slot_copy.value if slot_copy else (), cached.fetched_at, True)
