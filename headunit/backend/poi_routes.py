"""GET /v1/pois, /v1/pois/{poi_id} and /v1/pois/{poi_id}/slots."""

from __future__ import annotations

import time
from datetime import date as Date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from . import pois
from .auth import Vin
from .clock import rfc3339
from .context import Backend, get_backend_following_map
from .errors import ApiError, documented
from .models import POI_ID, Category, PoiList, PoiLive, SlotList

router = APIRouter(prefix="/v1/pois", tags=["pois"])
BackendDep = Annotated[Backend, Depends(get_backend_following_map)]
PoiId = Annotated[str, Path(pattern=POI_ID)]
_NUMBER = r"-?[0-9]{1,3}(\.[0-9]{1,12})?"
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    min_lon, min_lat, max_lon, max_lat = (float(part) for part in text.split(","))
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise ApiError(422, "validation_failed", f"query.bbox: {text} is not min_lon,min_lat,max_lon,max_lat "
                                                 "with min <= max, longitudes within 180 and latitudes within 90")
    return min_lon, min_lat, max_lon, max_lat


@router.get("", response_model=PoiList, responses=documented(401, 422), summary="Live data of POIs")
def list_pois(vin: Vin, backend: BackendDep,
              category: Annotated[Category | None, Query()] = None,
              bbox: Annotated[str | None, Query(pattern=BBOX_PATTERN,
                                                description="min_lon,min_lat,max_lon,max_lat")] = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 200) -> dict[str, Any]:
    box = parse_bbox(bbox) if bbox is not None else None
    now = backend.clock.now()
    return {"pois": pois.find_pois(backend.db.connection(), category, box, limit, now), "as_of": rfc3339(now)}


@router.get("/{poi_id}", response_model=PoiLive, responses=documented(401, 404, 422), summary="Live data of a POI")
def get_poi(poi_id: PoiId, vin: Vin, backend: BackendDep) -> dict[str, Any]:
    return pois.poi_live(backend.db.connection(), poi_id, backend.clock.now())


@router.get("/{poi_id}/slots", response_model=SlotList, responses=documented(401, 404, 409, 422),
            summary="A day's slots of a reservable POI")
def get_slots(poi_id: PoiId, vin: Vin, backend: BackendDep,
              date: Annotated[Date | None, Query(description="UTC date, today .. today + 6 (default today)")] = None
              ) -> dict[str, Any]:
    now = backend.clock.now()
    day = date.isoformat() if date is not None else time.strftime("%Y-%m-%d", time.gmtime(now))
    return pois.slots_of_day(backend.db.connection(), poi_id, day, now)
