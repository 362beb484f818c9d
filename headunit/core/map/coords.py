"""Line and ring geometry as compact blobs: int32 pairs of lon, lat in 1e-7 degrees (OSM's own precision)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

SCALE = 10_000_000


def encode_coords(points: Iterable[tuple[float, float]]) -> bytes:
    """[(lon, lat), ...] -> blob."""
    values = array("i")
    for lon, lat in points:
        values.append(round(lon * SCALE))
        values.append(round(lat * SCALE))
    return values.tobytes()


def decode_coords(blob: bytes) -> list[tuple[float, float]]:
    """blob -> [(lon, lat), ...]."""
    values = array("i")
    values.frombytes(blob)
    it = iter(values)
    return [(lon / SCALE, lat / SCALE) for lon, lat in zip(it, it)]


def encode_rings(rings: Sequence[Sequence[tuple[float, float]]]) -> bytes:
    """Polygon rings (first outer, then inner; or several outers) -> blob: ring count, lengths, points."""
    header = array("i", [len(rings), *(len(r) for r in rings)])
    return header.tobytes() + b"".join(encode_coords(r) for r in rings)


def decode_rings(blob: bytes) -> list[list[tuple[float, float]]]:
    """Inverse of encode_rings."""
    count = array("i")
    count.frombytes(blob[:4])
    header = array("i")
    header.frombytes(blob[: 4 * (1 + count[0])])
    offset = 4 * len(header)
    rings = []
    for length in header[1:]:
        size = 8 * length
        rings.append(decode_coords(blob[offset:offset + size]))
        offset += size
    return rings


def bounds(points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) of points; ValueError when empty."""
    lons, lats = [], []
    for lon, lat in points:
        lons.append(lon)
        lats.append(lat)
    if not lons:
        raise ValueError("no points")
    return min(lons), min(lats), max(lons), max(lats)
