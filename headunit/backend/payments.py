"""Payments: orders (amount computed here), wallet pay with PIN, cancelling and refunds.

The phone's side of a QR payment is qr_routes.py.
"""

from __future__ import annotations

import secrets
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Request, Response

from . import pois
from .auth import Vin
from .clock import rfc3339
from .context import Backend, get_backend
from .errors import ApiError, documented, error_body
from .idempotency import IdempotencyKey, run_idempotent
from .models import (ORDER_ID, EmptyBody, FuelOrderCreate, Order, OrderCreate, OrderList, PayRequest,
                     ReservationOrderCreate)
from .records import (close_pending_orders, expire_due, hold_gone, order_json, own_order, own_reservation, refund,
                      reload_order, require_payable, settle)
from .vehicles import pin_matches

router = APIRouter(tags=["payments"])
BackendDep = Annotated[Backend, Depends(get_backend)]
OrderId = Annotated[str, Path(pattern=ORDER_ID)]
MAX_WRONG_PINS = 3
WALLET_LOCK_S = 15 * 60


def _require_free_pump(poi: sqlite3.Row, number: int, now: float) -> None:
    """422 when the POI has no such pump, 409 pump_busy when it is in use."""
    pumps = {pump["number"]: pump for pump in pois.pumps_now(poi, now)}
    if number not in pumps:
        shown = ", ".join(str(n) for n in sorted(pumps)) or "none"
        raise ApiError(422, "validation_failed", f"body.pump: {poi['poi_id']} has no pump {number} "
                                                 f"(its pumps: {shown})")
    if not pumps[number]["free"]:
        raise ApiError(409, "pump_busy", f"pump {number} of {poi['poi_id']} is in use")


def create_order(conn: sqlite3.Connection, vin: str, body: OrderCreate, now: float, timeout_s: int,
                 base_url: str) -> dict[str, Any]:
    expire_due(conn, now)
    if conn.execute("SELECT 1 FROM orders WHERE vin = ? AND merchant_order_id = ?",
                    (vin, body.merchant_order_id)).fetchone():
        raise ApiError(409, "duplicate_merchant_order", f"merchant_order_id {body.merchant_order_id!r} is already used")
    reservation_id, quantity, pump = None, None, None
    if isinstance(body, ReservationOrderCreate):
        reservation = own_reservation(conn, vin, body.reservation_id)
        if reservation["status"] == "confirmed":
            raise ApiError(409, "order_not_pending", f"reservation {reservation['id']} is already paid "
                                                     f"(order {reservation['order_id']})")
        if reservation["status"] != "held":
            raise hold_gone(reservation)
        close_pending_orders(conn, reservation["id"])  # a newer order replaces an unpaid one
        poi = pois.get_poi(conn, reservation["poi_id"])
        reservation_id, amount = reservation["id"], reservation["price_minor"]
    else:
        poi = pois.get_poi(conn, body.poi_id)
        if poi["category"] != body.kind:
            raise ApiError(422, "validation_failed", f"body.poi_id: {poi['poi_id']} is a {poi['category']} POI, "
                                                     f"not {body.kind}")
        if isinstance(body, FuelOrderCreate) and body.pump is not None:
            _require_free_pump(poi, body.pump, now)
            pump = body.pump
        quantity = body.quantity
        amount = max(1, int(poi["price_minor"] * quantity + 0.5))
    order_id = f"ord_{secrets.token_hex(12)}"
    conn.execute(
        "INSERT INTO orders(id, vin, merchant_order_id, kind, reservation_id, poi_id, quantity, amount_minor, "
        "currency, merchant, status, created_at, expires_at, qr_token, pump) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
        (order_id, vin, body.merchant_order_id, body.kind, reservation_id, poi["poi_id"], quantity, amount,
         pois.CURRENCY, pois.merchant_name(poi), now, now + timeout_s, secrets.token_urlsafe(32), pump))
    if reservation_id is not None:
        conn.execute("UPDATE reservations SET order_id = ? WHERE id = ?", (order_id, reservation_id))
    return order_json(reload_order(conn, order_id), now, base_url)


def pay_with_wallet(conn: sqlite3.Connection, vin: str, order_id: str, pin: str, now: float,
                    base_url: str) -> tuple[int, dict[str, Any]]:
    """(status, body); wrong-PIN refusals are returned, not raised, so the counter is kept."""
    expire_due(conn, now)
    order = own_order(conn, vin, order_id)
    require_payable(conn, order, now)
    wallet = conn.execute("SELECT * FROM vehicles WHERE vin = ?", (vin,)).fetchone()
    if wallet["pin_hash"] is None:
        raise ApiError(402, "wallet_not_set_up", f"vehicle {vin} has no wallet")
    if wallet["locked_until"] is not None and wallet["locked_until"] > now:
        raise ApiError(402, "wallet_locked", f"the wallet is locked until {rfc3339(wallet['locked_until'])} "
                                             f"after {MAX_WRONG_PINS} wrong PINs")
    if not pin_matches(pin, wallet["pin_salt"], wallet["pin_hash"]):
        wrong = wallet["wrong_pins"] + 1
        if wrong >= MAX_WRONG_PINS:
            conn.execute("UPDATE vehicles SET wrong_pins = 0, locked_until = ? WHERE vin = ?",
                         (now + WALLET_LOCK_S, vin))
            return 402, error_body("wallet_locked", f"wrong PIN {MAX_WRONG_PINS} times in a row: the wallet is "
                                                    f"locked until {rfc3339(now + WALLET_LOCK_S)}")
        conn.execute("UPDATE vehicles SET wrong_pins = ? WHERE vin = ?", (wrong, vin))
        left = MAX_WRONG_PINS - wrong
        return 402, error_body("wrong_pin", f"wrong PIN: {left} {'try' if left == 1 else 'tries'} left")
    conn.execute("UPDATE vehicles SET wrong_pins = 0, locked_until = NULL WHERE vin = ?", (vin,))
    if wallet["wallet_minor"] < order["amount_minor"]:
        return 402, error_body("insufficient_funds", f"the wallet holds {wallet['wallet_minor']} minor units, "
                                                     f"the order needs {order['amount_minor']}")
    conn.execute("UPDATE vehicles SET wallet_minor = wallet_minor - ? WHERE vin = ?", (order["amount_minor"], vin))
    settle(conn, order, "wallet", now)
    return 200, order_json(reload_order(conn, order_id), now, base_url)


def refund_order(conn: sqlite3.Connection, vin: str, order_id: str, now: float, base_url: str) -> dict[str, Any]:
    expire_due(conn, now)
    order = own_order(conn, vin, order_id)
    if order["status"] != "paid":
        raise ApiError(409, "not_refundable", f"order {order_id} is {order['status']}: only paid orders are refunded")
    refund(conn, order)
    if order["reservation_id"] is not None:
        conn.execute("UPDATE reservations SET status = 'cancelled', hold_expires_at = NULL WHERE id = ?",
                     (order["reservation_id"],))
    return order_json(reload_order(conn, order_id), now, base_url)


def cancel_order(conn: sqlite3.Connection, vin: str, order_id: str, now: float, base_url: str) -> dict[str, Any]:
    """Close an unpaid order (its QR code is void at once); a closed one stays closed. Its
    reservation, if any, keeps its hold."""
    expire_due(conn, now)
    order = own_order(conn, vin, order_id)
    if order["status"] == "paid":
        raise ApiError(409, "order_not_pending", f"order {order_id} was paid: it cannot be cancelled (refund it)")
    if order["status"] == "refunded":
        raise ApiError(409, "order_not_pending", f"order {order_id} was paid and is refunded: it cannot be cancelled")
    conn.execute("UPDATE orders SET status = 'closed' WHERE id = ? AND status = 'pending'", (order_id,))
    return order_json(reload_order(conn, order_id), now, base_url)


@router.post("/v1/orders", status_code=201, response_model=Order, responses=documented(400, 401, 404, 409, 422),
             summary="Create an order; the backend computes its amount")
def post_order(request: Request, body: Annotated[OrderCreate, Body()], vin: Vin, key: IdempotencyKey,
               backend: BackendDep) -> Response:
    timeout, base_url = backend.settings.order_timeout_s, backend.base_url(request)
    return run_idempotent(backend, request, vin, key, body.fingerprint_body(),
                          lambda conn, now: (201, create_order(conn, vin, body, now, timeout, base_url)))


@router.get("/v1/orders", response_model=OrderList, responses=documented(401), summary="This vehicle's orders")
def list_orders(request: Request, vin: Vin, backend: BackendDep) -> dict[str, Any]:
    now, base_url = backend.clock.now(), backend.base_url(request)
    rows = backend.db.connection().execute(
        "SELECT * FROM orders WHERE vin = ? ORDER BY created_at DESC, rowid DESC", (vin,)).fetchall()
    return {"orders": [order_json(row, now, base_url) for row in rows]}


@router.get("/v1/orders/{order_id}", response_model=Order, responses=documented(401, 404, 422), summary="One order")
def get_order(request: Request, order_id: OrderId, vin: Vin, backend: BackendDep) -> dict[str, Any]:
    row = own_order(backend.db.connection(), vin, order_id)
    return order_json(row, backend.clock.now(), backend.base_url(request))


@router.post("/v1/orders/{order_id}/pay", response_model=Order, responses=documented(400, 401, 402, 404, 409, 422),
             summary="Pay a pending order from the vehicle's wallet")
def post_pay(request: Request, order_id: OrderId, body: PayRequest, vin: Vin, key: IdempotencyKey,
             backend: BackendDep) -> Response:
    base_url = backend.base_url(request)
    return run_idempotent(backend, request, vin, key, body.fingerprint_body(),
                          lambda conn, now: pay_with_wallet(conn, vin, order_id, body.pin, now, base_url))


@router.post("/v1/orders/{order_id}/refund", response_model=Order, responses=documented(400, 401, 404, 409, 422),
             summary="Refund a paid order; its reservation is cancelled")
def post_refund(request: Request, order_id: OrderId, vin: Vin, key: IdempotencyKey, backend: BackendDep,
                body: Annotated[EmptyBody | None, Body()] = None) -> Response:
    base_url = backend.base_url(request)
    return run_idempotent(backend, request, vin, key, {},
                          lambda conn, now: (200, refund_order(conn, vin, order_id, now, base_url)))


@router.post("/v1/orders/{order_id}/cancel", response_model=Order, responses=documented(400, 401, 404, 409, 422),
             summary="Cancel an unpaid order: it closes and its QR code is void")
def post_cancel_order(request: Request, order_id: OrderId, vin: Vin, key: IdempotencyKey, backend: BackendDep,
                      body: Annotated[EmptyBody | None, Body()] = None) -> Response:
    base_url = backend.base_url(request)
    return run_idempotent(backend, request, vin, key, {},
                          lambda conn, now: (200, cancel_order(conn, vin, order_id, now, base_url)))
