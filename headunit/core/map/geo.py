"""Geodesy and Web Mercator tile maths (EPSG:3857, 256-pixel tiles, OSM/XYZ numbering)."""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8
TILE_SIZE = 256
MAX_LATITUDE = 85.05112878


@dataclass(frozen=True)
class BBox:
    """A lon/lat box; min <= max on both axes (no antimeridian crossing)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.min_lon <= lon <= self.max_lon and self.min_lat <= lat <= self.max_lat

    def expanded(self, margin_deg: float) -> "BBox":
        return BBox(self.min_lon - margin_deg, self.min_lat - margin_deg,
                    self.max_lon + margin_deg, self.max_lat + margin_deg)

    @property
    def center(self) -> tuple[float, float]:
        """(lon, lat) of the middle of the box."""
        return (self.min_lon + self.max_lon) / 2, (self.min_lat + self.max_lat) / 2


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial compass bearing from point 1 to point 2, 0..360 (0 = north, 90 = east)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


def world_size(zoom: float) -> float:
    """Width of the whole world in pixels at `zoom`."""
    return TILE_SIZE * 2.0 ** zoom


def lonlat_to_world(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator pixel position at `zoom`; (0, 0) is the north-west corner."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    size = world_size(zoom)
    x = (lon + 180.0) / 360.0 * size
    s = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)) * size
    return x, y


def world_to_lonlat(x: float, y: float, zoom: float) -> tuple[float, float]:
    """Inverse of lonlat_to_world."""
    size = world_size(zoom)
    lon = x / size * 360.0 - 180.0
    n = math.pi - 2 * math.pi * y / size
    lat = math.degrees(math.atan(math.sinh(n)))
    return lon, lat


def tile_bbox(zoom: int, x: int, y: int) -> BBox:
    """The lon/lat box covered by tile (zoom, x, y)."""
    west, north = world_to_lonlat(x * TILE_SIZE, y * TILE_SIZE, zoom)
    east, south = world_to_lonlat((x + 1) * TILE_SIZE, (y + 1) * TILE_SIZE, zoom)
    return BBox(west, south, east, north)


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Ground resolution at latitude `lat`."""
    return math.cos(math.radians(lat)) * 2 * math.pi * EARTH_RADIUS_M / world_size(zoom)
