"""POIs: seeding from the map database, live data (free spaces, connectors, pumps) and slots.

poi_id is the OSM type letter and id ('n123', 'w45', 'r6'). Capacity, prices,
connectors and pumps are deterministic demo data (demo_data.py), stored when a POI is
seeded, so a test can also seed a POI with a capacity (or pumps) of its choosing.

A reservation occupies every slot from its start to its end; a slot's reservations are
the live ones that overlap it in time (start_at < slot end and end_at > slot start).
"""

from __future__ import annotations

import calendar
import json
import math
import re
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from headunit.core.map.features import osm_ref

from .clock import rfc3339
from .db import Database, init_database
from .demo_data import (CHARGING_SLOT_KWH, PRICE_UNITS, connectors_with_free, demo_fields, demo_pumps, free_now,
                        pumps_with_free)
from .errors import ApiError, not_found
from .models import CATEGORIES, MAX_PUMP, POI_ID

CURRENCY = "EUR"
SLOT_MINUTES = {"parking": 60, "charging": 30}
FIRST_SLOT_HOUR, LAST_SLOT_END_HOUR = 6, 22
BOOKING_DAYS = 7  # today and the next 6 days
# a reservation that holds its slot: confirmed, or held and not yet expired (bind `now`)
LIVE = "(status = 'confirmed' OR (status = 'held' AND hold_expires_at > ?))"


@dataclass(frozen=True)
class SlotTime:
    slot_id: str
    start: float
    end: float


def _check_row(row: Mapping[str, Any]) -> dict[str, Any]:
    poi_id, category = str(row["poi_id"]), str(row["category"])
    if not re.fullmatch(POI_ID, poi_id):
        raise ValueError(f"poi_id {poi_id!r} does not match {POI_ID}")
    if category not in CATEGORIES:
        raise ValueError(f"{poi_id}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    fields = demo_fields(poi_id, category)
    for key in ("capacity", "price_minor", "connectors", "pumps"):
        if row.get(key) is not None:
            fields[key] = row[key]
    if category == "charging" and "connectors" in row and "capacity" not in row:
        fields["capacity"] = sum(int(c["count"]) for c in fields["connectors"])
    if int(fields["capacity"]) < 1 or int(fields["price_minor"]) < 0:
        raise ValueError(f"{poi_id}: capacity must be >= 1 and price_minor >= 0")
    if category == "fuel":
        if row.get("pumps") is None:
            fields["pumps"] = demo_pumps(poi_id, int(fields["capacity"]))
        elif row.get("capacity") is None:
            fields["capacity"] = len(fields["pumps"])
        _check_pumps(poi_id, fields["pumps"], int(fields["capacity"]))
    elif fields["pumps"]:
        raise ValueError(f"{poi_id}: only fuel POIs have pumps, not {category} POIs")
    return {"poi_id": poi_id, "category": category, "name": str(row.get("name") or ""),
            "lat": float(row["lat"]), "lon": float(row["lon"]), "capacity": int(fields["capacity"]),
            "price_minor": int(fields["price_minor"]), "connectors": json.dumps(fields["connectors"]),
            "pumps": json.dumps(fields["pumps"])}


def _check_pumps(poi_id: str, pumps: Any, capacity: int) -> None:
    """Seeded pumps: {"number": 1..MAX_PUMP (unique), "fuels": [str, ...] (not empty), optional "free": bool},
    one per unit of capacity."""
    if not isinstance(pumps, list) or len(pumps) != capacity:
        raise ValueError(f"{poi_id}: a fuel POI has one pump per unit of capacity ({capacity}), got {pumps!r}")
    numbers = set()
    for pump in pumps:
        number = pump.get("number") if isinstance(pump, dict) else None
        fuels = pump.get("fuels") if isinstance(pump, dict) else None
        good_number = isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= MAX_PUMP
        good_fuels = isinstance(fuels, list) and bool(fuels) and all(isinstance(f, str) and f for f in fuels)
        if not good_number or number in numbers or not good_fuels or not isinstance(pump.get("free", False), bool):
            raise ValueError(f"{poi_id}: a pump is {{number: a new integer from 1 to {MAX_PUMP}, fuels: [names], "
                             f"free: optional bool}}, got {pump!r}")
        numbers.add(number)


def upsert_pois(conn: sqlite3.Connection, rows: Iterable[Mapping[str, Any]]) -> int:
    """Insert or update POIs (poi_id, category, name, lat, lon; optional capacity, price_minor, connectors,
    pumps)."""
    checked = [_check_row(row) for row in rows]
    conn.executemany(
        "INSERT INTO pois(poi_id, category, name, lat, lon, capacity, price_minor, connectors, pumps) "
        "VALUES (:poi_id, :category, :name, :lat, :lon, :capacity, :price_minor, :connectors, :pumps) "
        "ON CONFLICT(poi_id) DO UPDATE SET category = excluded.category, name = excluded.name, "
        "lat = excluded.lat, lon = excluded.lon, capacity = excluded.capacity, "
        "price_minor = excluded.price_minor, connectors = excluded.connectors, pumps = excluded.pumps", checked)
    return len(checked)


def seed_pois(db_path: Path, rows: Iterable[Mapping[str, Any]]) -> int:
    """upsert_pois() on the database file (for tests and tools); returns the number of rows."""
    init_database(db_path)
    db = Database(db_path)
    try:
        with db.write() as conn:
            return upsert_pois(conn, rows)
    finally:
        db.close()


def map_rows(map_path: Path) -> list[dict[str, Any]]:
    """The parking, fuel and charging POIs of a map database (raises MapSchemaError for a bad file)."""
    from headunit.services.map.schema import open_map

    conn = open_map(map_path)
    try:
        rows = conn.execute(
            "SELECT osm_type, osm_id, category, name, lat, lon FROM pois "
            "WHERE category IN ('parking', 'fuel', 'charging') AND osm_id > 0").fetchall()
    finally:
        conn.close()
    return [{"poi_id": osm_ref(osm_type, osm_id), "category": category, "name": name,
             "lat": lat, "lon": lon} for osm_type, osm_id, category, name, lat, lon in rows
            if osm_ref(osm_type, osm_id)]


def get_poi(conn: sqlite3.Connection, poi_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM pois WHERE poi_id = ?", (poi_id,)).fetchone()
    if row is None:
        raise not_found(f"POI {poi_id}")
    return row


def merchant_name(poi: sqlite3.Row) -> str:
    return poi["name"] or f"{poi['category'].capitalize()} {poi['poi_id']}"


def _reserved_now(conn: sqlite3.Connection, poi_ids: list[str], now: float) -> dict[str, int]:
    """Live reservations of each POI's current slot."""
    if not poi_ids:
        return {}
    rows = conn.execute(
        f"SELECT poi_id, COUNT(*) FROM reservations WHERE end_at > ? AND start_at <= ? AND {LIVE} "
        f"GROUP BY poi_id", (now, now, now)).fetchall()
    wanted = set(poi_ids)
    return {poi_id: count for poi_id, count in rows if poi_id in wanted}


def pumps_now(poi: sqlite3.Row, now: float) -> list[dict[str, Any]]:
    """A POI's pumps with their state at `now` (empty unless fuel)."""
    return pumps_with_free(poi["poi_id"], json.loads(poi["pumps"]), free_now(poi["poi_id"], poi["capacity"], 0, now))


def live(poi: sqlite3.Row, reserved_now: int, now: float) -> dict[str, Any]:
    """The PoiLive answer of a POI."""
    free = free_now(poi["poi_id"], poi["capacity"], reserved_now, now)
    connectors = json.loads(poi["connectors"])
    pumps = pumps_now(poi, now) if poi["category"] == "fuel" else []
    if pumps:
        free = sum(pump["free"] for pump in pumps)
    return {
        "poi_id": poi["poi_id"], "category": poi["category"], "name": poi["name"],
        "lat": poi["lat"], "lon": poi["lon"], "currency": CURRENCY, "price_minor": poi["price_minor"],
        "price_unit": PRICE_UNITS[poi["category"]], "capacity": poi["capacity"], "free": free,
        "connectors": connectors_with_free(connectors, free) if poi["category"] == "charging" else [],
        "pumps": pumps, "reservable": poi["category"] in SLOT_MINUTES, "updated_at": rfc3339(now),
    }


def find_pois(conn: sqlite3.Connection, category: str | None, bbox: tuple[float, float, float, float] | None,
              limit: int, now: float) -> list[dict[str, Any]]:
    where, params = [], []
    if category is not None:
        where.append("category = ?")
        params.append(category)
    if bbox is not None:
        where.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
        params.extend((bbox[0], bbox[2], bbox[1], bbox[3]))
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(f"SELECT * FROM pois {clause} ORDER BY poi_id LIMIT ?", (*params, limit)).fetchall()
    reserved = _reserved_now(conn, [row["poi_id"] for row in rows], now)
    return [live(row, reserved.get(row["poi_id"], 0), now) for row in rows]


def poi_live(conn: sqlite3.Connection, poi_id: str, now: float) -> dict[str, Any]:
    poi = get_poi(conn, poi_id)
    return live(poi, _reserved_now(conn, [poi_id], now).get(poi_id, 0), now)


# slots

def slot_price(poi: sqlite3.Row) -> int:
    return poi["price_minor"] * (CHARGING_SLOT_KWH if poi["category"] == "charging" else 1)


def _slot_id(poi_id: str, start: float) -> str:
    return f"{poi_id}.{time.strftime('%Y%m%dT%H%M', time.gmtime(start))}"


def day_start(now: float) -> float:
    return now - now % 86_400


def booking_days(now: float) -> tuple[str, str]:
    """The first and last date (YYYY-MM-DD) that has bookable slots."""
    first = day_start(now)
    return (time.strftime("%Y-%m-%d", time.gmtime(first)),
            time.strftime("%Y-%m-%d", time.gmtime(first + (BOOKING_DAYS - 1) * 86_400)))


def slot_times(poi: sqlite3.Row, midnight: float) -> list[SlotTime]:
    minutes = SLOT_MINUTES[poi["category"]]
    first = midnight + FIRST_SLOT_HOUR * 3600
    count = (LAST_SLOT_END_HOUR - FIRST_SLOT_HOUR) * 60 // minutes
    return [SlotTime(_slot_id(poi["poi_id"], first + i * minutes * 60), first + i * minutes * 60,
                     first + (i + 1) * minutes * 60) for i in range(count)]


def require_reservable(poi: sqlite3.Row) -> None:
    if poi["category"] not in SLOT_MINUTES:
        raise ApiError(409, "not_reservable", f"{poi['poi_id']} is a {poi['category']} POI: it is paid at the pump, "
                                              "not reserved")


def find_slot(poi: sqlite3.Row, slot_id: str, now: float) -> SlotTime:
    """The slot `slot_id` of this POI; 404 when the POI offers no such slot in the booking window."""
    poi_part, _, stamp = slot_id.partition(".")
    try:
        start = calendar.timegm(time.strptime(stamp, "%Y%m%dT%H%M"))
    except ValueError:
        start = None
    if poi_part != poi["poi_id"] or start is None:
        raise not_found(f"slot {slot_id} of {poi['poi_id']}")
    midnight = day_start(start)
    if not day_start(now) - 86_400 * 366 <= midnight < day_start(now) + BOOKING_DAYS * 86_400:
        raise not_found(f"slot {slot_id} (slots are offered for today and the next {BOOKING_DAYS - 1} days)")
    for slot in slot_times(poi, midnight):
        if slot.start == start:
            return slot
    raise not_found(f"slot {slot_id} of {poi['poi_id']}")


def last_slot_end(start: float) -> float:
    """22:00 UTC of the day of `start`: when the day's last slot ends."""
    return day_start(start) + LAST_SLOT_END_HOUR * 3600


def spanned_slots(poi: sqlite3.Row, start: float, end: float) -> list[SlotTime]:
    """The slots of the POI from `start` to `end` (both on slot boundaries of one day)."""
    return [s for s in slot_times(poi, day_start(start)) if start <= s.start and s.end <= end]


def overlapping(conn: sqlite3.Connection, poi_id: str, start: float, end: float, now: float,
                connector: str | None = None) -> int:
    """Live reservations of the POI that overlap [start, end), only those of `connector` when given."""
    query = f"SELECT COUNT(*) FROM reservations WHERE poi_id = ? AND start_at < ? AND end_at > ? AND {LIVE}"
    params: list[Any] = [poi_id, end, start, now]
    if connector is not None:
        query += " AND connector = ?"
        params.append(connector)
    return conn.execute(query, params).fetchone()[0]


def slots_of_day(conn: sqlite3.Connection, poi_id: str, date: str, now: float) -> dict[str, Any]:
    poi = get_poi(conn, poi_id)
    require_reservable(poi)
    midnight = float(calendar.timegm(time.strptime(date, "%Y-%m-%d")))
    first, last = booking_days(now)
    if not day_start(now) <= midnight < day_start(now) + BOOKING_DAYS * 86_400:
        raise ApiError(422, "validation_failed", f"query.date: {date} is outside the booking days {first} .. {last}")
    slots = slot_times(poi, midnight)
    held = [0] * len(slots)
    length = slots[0].end - slots[0].start
    for start_at, end_at in conn.execute(
            f"SELECT start_at, end_at FROM reservations WHERE poi_id = ? AND start_at < ? AND end_at > ? AND {LIVE}",
            (poi_id, slots[-1].end, slots[0].start, now)).fetchall():
        first = max(0, int((start_at - slots[0].start) // length))
        last = min(len(slots), math.ceil((end_at - slots[0].start) / length))
        for index in range(first, last):
            held[index] += 1
    price = slot_price(poi)
    return {"poi_id": poi_id, "date": date, "slots": [
        {"slot_id": s.slot_id, "start": rfc3339(s.start), "end": rfc3339(s.end), "capacity": poi["capacity"],
         "free": max(0, poi["capacity"] - count), "price_minor": price} for s, count in zip(slots, held)]}
