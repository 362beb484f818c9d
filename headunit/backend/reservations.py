"""Reservations: create (every slot of a reservation's span holds at most `capacity` live
reservations, and a connector type at most its count), list, get, cancel."""

from __future__ import annotations

import json
import secrets
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Request, Response

from . import pois
from .auth import Vin
from .clock import rfc3339
from .context import Backend, get_backend_following_map
from .errors import ApiError, documented
from .idempotency import IdempotencyKey, run_idempotent
from .models import RESERVATION_ID, EmptyBody, Reservation, ReservationCreate, ReservationList
from .records import (close_pending_orders, expire_due, own_reservation, refund, reservation_json,
                      reservation_status)

router = APIRouter(prefix="/v1/reservations", tags=["reservations"])
BackendDep = Annotated[Backend, Depends(get_backend_following_map)]
ReservationId = Annotated[str, Path(pattern=RESERVATION_ID)]


MAX_DURATION_MIN = {"parking": 240, "charging": 180}


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "validation_failed", f"body.{field}: {message}")


def _connector_count(poi: sqlite3.Row, body: ReservationCreate) -> int | None:
    """How many connectors of the requested type the POI has (None: no connector asked for)."""
    if poi["category"] != "charging":
        for field in ("connector", "energy_kwh"):
            if getattr(body, field) is not None:
                raise _invalid(field, f"{poi['poi_id']} is a {poi['category']} POI: only charging takes {field}")
        return None
    if body.connector is None:
        return None
    counts = {c["type"]: int(c["count"]) for c in json.loads(poi["connectors"])}
    if body.connector not in counts:
        raise _invalid("connector", f"{poi['poi_id']} has no {body.connector} connector "
                                    f"(it has {', '.join(counts) or 'none'})")
    return counts[body.connector]


def _span(poi: sqlite3.Row, slot: pois.SlotTime, duration_min: int | None) -> list[pois.SlotTime]:
    """The slots a reservation from `slot` for `duration_min` occupies; 422 naming duration_min."""
    category, length = poi["category"], pois.SLOT_MINUTES[poi["category"]]
    minutes = length if duration_min is None else duration_min
    if minutes % length:
        raise _invalid("duration_min", f"{category} is booked in slots of {length} minutes: "
                                       f"{minutes} is not a multiple of {length}")
    if minutes > MAX_DURATION_MIN[category]:
        raise _invalid("duration_min", f"{category} is booked for at most {MAX_DURATION_MIN[category]} minutes, "
                                       f"not {minutes}")
    end = slot.start + minutes * 60
    if end > pois.last_slot_end(slot.start):
        raise _invalid("duration_min", f"{minutes} minutes from {rfc3339(slot.start)} end after 22:00 UTC, "
                                       "when the last slot ends")
    return pois.spanned_slots(poi, slot.start, end)


def _require_room(conn: sqlite3.Connection, poi: sqlite3.Row, span: list[pois.SlotTime],
                  connector: str | None, connector_count: int | None, now: float) -> None:
    """409 slot_full when a spanned slot has no room: the POI's capacity counts every live
    reservation overlapping the slot, a connector's count those of its type."""
    for slot in span:
        if pois.overlapping(conn, poi["poi_id"], slot.start, slot.end, now) >= poi["capacity"]:
            raise ApiError(409, "slot_full", f"slot {slot.slot_id} is full")
        if connector is not None and connector_count is not None and pois.overlapping(
                conn, poi["poi_id"], slot.start, slot.end, now, connector) >= connector_count:
            raise ApiError(409, "slot_full", f"slot {slot.slot_id} has no free {connector} connector "
                                             f"(all {connector_count} are reserved)")


def reservation_price(poi: sqlite3.Row, span: list[pois.SlotTime], energy_kwh: float | None) -> int:
    """Parking: the hourly price per hour; charging: per kWh when the energy is given, else per slot."""
    if energy_kwh is not None:
        return int(poi["price_minor"] * energy_kwh + 0.5)
    return pois.slot_price(poi) * len(span)


def create_reservation(conn: sqlite3.Connection, vin: str, body: ReservationCreate, now: float,
                       hold_seconds: int) -> dict[str, Any]:
    """Hold a place in every slot of the span; call inside a write transaction (capacity is counted in it)."""
    poi = pois.get_poi(conn, body.poi_id)
    pois.require_reservable(poi)
    connector_count = _connector_count(poi, body)
    slot = pois.find_slot(poi, body.slot_id, now)
    span = _span(poi, slot, body.duration_min)
    if slot.start <= now:
        raise ApiError(409, "slot_in_past", f"slot {slot.slot_id} has already started")
    _require_room(conn, poi, span, body.connector, connector_count, now)
    reservation_id = f"res_{secrets.token_hex(12)}"
    conn.execute(
        "INSERT INTO reservations(id, vin, poi_id, slot_id, start_at, end_at, status, hold_expires_at, price_minor, "
        "currency, client_ref, created_at, connector, energy_kwh) "
        "VALUES (?, ?, ?, ?, ?, ?, 'held', ?, ?, ?, ?, ?, ?, ?)",
        (reservation_id, vin, poi["poi_id"], slot.slot_id, span[0].start, span[-1].end, now + hold_seconds,
         reservation_price(poi, span, body.energy_kwh), pois.CURRENCY, body.client_ref, now, body.connector,
         body.energy_kwh))
    return reservation_json(own_reservation(conn, vin, reservation_id), now)


def cancel_reservation(conn: sqlite3.Connection, vin: str, reservation_id: str, now: float) -> dict[str, Any]:
    """Cancel a held or confirmed reservation; a paid one's order is refunded."""
    expire_due(conn, now)
    row = own_reservation(conn, vin, reservation_id)
    status = reservation_status(row, now)
    if status in ("expired", "cancelled"):
        raise ApiError(409, "not_cancellable", f"reservation {reservation_id} is {status}")
    if status == "confirmed":
        for order in conn.execute("SELECT * FROM orders WHERE reservation_id = ? AND status = 'paid'",
                                  (reservation_id,)).fetchall():
            refund(conn, order)
    close_pending_orders(conn, reservation_id)
    conn.execute("UPDATE reservations SET status = 'cancelled', hold_expires_at = NULL WHERE id = ?",
                 (reservation_id,))
    return reservation_json(own_reservation(conn, vin, reservation_id), now)


@router.post("", status_code=201, response_model=Reservation,
             responses=documented(400, 401, 404, 409, 422), summary="Hold a place in a slot")
def post_reservation(request: Request, body: ReservationCreate, vin: Vin, key: IdempotencyKey,
                     backend: BackendDep) -> Response:
    hold = backend.settings.hold_seconds
    return run_idempotent(backend, request, vin, key, body.fingerprint_body(),
                          lambda conn, now: (201, create_reservation(conn, vin, body, now, hold)))


@router.get("", response_model=ReservationList, responses=documented(401), summary="This vehicle's reservations")
def list_reservations(vin: Vin, backend: BackendDep) -> dict[str, Any]:
    now = backend.clock.now()
    rows = backend.db.connection().execute(
        "SELECT * FROM reservations WHERE vin = ? ORDER BY created_at DESC, rowid DESC", (vin,)).fetchall()
    return {"reservations": [reservation_json(row, now) for row in rows]}


@router.get("/{reservation_id}", response_model=Reservation, responses=documented(401, 404, 422),
            summary="One reservation")
def get_reservation(reservation_id: ReservationId, vin: Vin, backend: BackendDep) -> dict[str, Any]:
    return reservation_json(own_reservation(backend.db.connection(), vin, reservation_id), backend.clock.now())


@router.post("/{reservation_id}/cancel", response_model=Reservation,
             responses=documented(400, 401, 404, 409, 422), summary="Cancel; a paid reservation is refunded")
def post_cancel(request: Request, reservation_id: ReservationId, vin: Vin, key: IdempotencyKey,
                backend: BackendDep, body: Annotated[EmptyBody | None, Body()] = None) -> Response:
    return run_idempotent(backend, request, vin, key, {},
                          lambda conn, now: (200, cancel_reservation(conn, vin, reservation_id, now)))
