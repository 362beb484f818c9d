"""Deterministic demo data of a POI, derived from a SHA-256 of its id (not real data).

Capacity, prices, connectors and fuel pumps are fixed per POI; how busy it is follows
the time of day. Python's hash() is salted per process, so it is not used.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

PRICE_UNITS = {"parking": "hour", "fuel": "litre", "charging": "kWh"}
CONNECTOR_TYPES = (("CCS", (50.0, 150.0, 350.0)), ("Type2", (11.0, 22.0)), ("CHAdeMO", (50.0,)))
FUELS = ("95E10", "98E5", "Diesel", "HVO100")
CHARGING_SLOT_KWH = 11  # a charging slot's price: 30 minutes at an assumed 11 kWh
LOCAL_OFFSET_S = 2 * 3600  # the demo's day follows Helsinki standard time


def digest(poi_id: str) -> bytes:
    return hashlib.sha256(f"headunit-demo:{poi_id}".encode("ascii")).digest()


def _pick(data: bytes, index: int, low: int, high: int) -> int:
    """An integer in [low, high] from two bytes of the digest."""
    return low + int.from_bytes(data[2 * index:2 * index + 2], "big") % (high - low + 1)


def demo_fields(poi_id: str, category: str) -> dict[str, Any]:
    """capacity, price_minor, connectors and pumps of a POI of this category."""
    data = digest(poi_id)
    connectors: list[dict[str, Any]] = []
    pumps: list[dict[str, Any]] = []
    if category == "parking":
        capacity = _pick(data, 0, 10, 240)
        price = 150 + 10 * _pick(data, 1, 0, 30)  # 1.50 .. 4.50 per hour
    elif category == "fuel":
        capacity = _pick(data, 0, 4, 8)  # pumps
        price = _pick(data, 1, 170, 210)  # per litre
        pumps = demo_pumps(poi_id, capacity)
    elif category == "charging":
        kinds = _pick(data, 2, 1, len(CONNECTOR_TYPES))
        for index, (kind, powers) in enumerate(CONNECTOR_TYPES[:kinds]):
            connectors.append({"type": kind, "power_kw": powers[_pick(data, 3 + index, 0, len(powers) - 1)],
                               "count": _pick(data, 6 + index, 1, 4)})
        capacity = sum(c["count"] for c in connectors)
        price = _pick(data, 1, 29, 59)  # per kWh
    else:
        raise ValueError(f"no demo data for category {category!r}")
    return {"capacity": capacity, "price_minor": price, "connectors": connectors, "pumps": pumps}


def demo_pumps(poi_id: str, count: int) -> list[dict[str, Any]]:
    """Pumps 1..count, each selling one to all of FUELS (never none)."""
    data = digest(poi_id)
    pumps = []
    for index in range(count):
        mask = data[(24 + index) % len(data)] % 15 + 1
        pumps.append({"number": index + 1, "fuels": [fuel for bit, fuel in enumerate(FUELS) if mask >> bit & 1]})
    return pumps


def busy_fraction(poi_id: str, now: float) -> float:
    """How much of the POI is in use at this time of day, 0.05 .. 0.95."""
    hour = ((now + LOCAL_OFFSET_S) % 86_400) / 3600
    daytime = math.sin(math.pi * (hour - 6) / 16) if 6 <= hour <= 22 else 0.0
    offset = (digest(poi_id)[20] / 255 - 0.5) * 0.3
    return min(0.95, max(0.05, 0.15 + 0.65 * daytime + offset))


def free_now(poi_id: str, capacity: int, reserved_now: int, now: float) -> int:
    occupied = round(capacity * busy_fraction(poi_id, now))
    return max(0, capacity - occupied - reserved_now)


def pumps_with_free(poi_id: str, pumps: list[dict[str, Any]], free: int) -> list[dict[str, Any]]:
    """Each pump with its state. A pump stored with "free" (a test's seed) keeps it; the others
    are free while `free` lasts, starting at a pump of the POI's own (so not always pump 1)."""
    if not pumps:
        return []
    start = digest(poi_id)[21] % len(pumps)
    states = {}
    for pump in pumps[start:] + pumps[:start]:
        if "free" in pump:
            states[pump["number"]] = bool(pump["free"])
        else:
            states[pump["number"]] = free > 0
            free -= 1
    return [{"number": pump["number"], "fuels": list(pump["fuels"]), "free": states[pump["number"]]}
            for pump in pumps]


def connectors_with_free(connectors: list[dict[str, Any]], free: int) -> list[dict[str, Any]]:
    """Each connector type with its share of `free`, filled in order (the sum is `free`)."""
    answer = []
    for connector in connectors:
        share = min(connector["count"], free)
        free -= share
        answer.append({**connector, "free": share})
    return answer
