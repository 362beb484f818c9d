"""Reservations: create (a slot holds at most `capacity` live reservations), list, get, cancel."""

from __future__ import annotations

import secrets
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Request, Response

from . import pois
from .auth import Vin
from .context import Backend, get_backend_following_map
from .errors import ApiError, documented
from .idempotency import IdempotencyKey, run_idempotent
from .models import RESERVATION_ID, EmptyBody, Reservation, ReservationCreate, ReservationList
from .records import (close_pending_orders, expire_due, own_reservation, refund, reservation_json,
                      reservation_status)

router = APIRouter(prefix="/v1/reservations", tags=["reservations"])
BackendDep = Annotated[Backend, Depends(get_backend_following_map)]
ReservationId = Annotated[str, Path(pattern=RESERVATION_ID)]


def create_reservation(conn: sqlite3.Connection, vin: str, body: ReservationCreate, now: float,
                       hold_seconds: int) -> dict[str, Any]:
    """Hold a place in the slot; call inside a write transaction (capacity is counted in it)."""
    poi = pois.get_poi(conn, body.poi_id)
    pois.require_reservable(poi)
    slot = pois.find_slot(poi, body.slot_id, now)
    if slot.start <= now:
        raise ApiError(409, "slot_in_past", f"slot {slot.slot_id} has already started")
    if pois.held_count(conn, slot.slot_id, now) >= poi["capacity"]:
        raise ApiError(409, "slot_full", f"slot {slot.slot_id} is full")
    reservation_id = f"res_{secrets.token_hex(12)}"
    conn.execute(
        "INSERT INTO reservations(id, vin, poi_id, slot_id, start_at, end_at, status, hold_expires_at, price_minor, "
        "currency, client_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, 'held', ?, ?, ?, ?, ?)",
        (reservation_id, vin, poi["poi_id"], slot.slot_id, slot.start, slot.end, now + hold_seconds,
         pois.slot_price(poi), pois.CURRENCY, body.client_ref, now))
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
    return run_idempotent(backend, request, vin, key, body.model_dump(mode="json"),
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
