"""Reservations and orders as stored rows: their JSON answers and the state changes both
endpoints families share (expiry, settling a payment, refunding, cancelling), and the
QR confirmation the phone's route and `headunit backend confirm-qr ORDER` share.

Expiry is evaluated lazily: a held reservation past its hold is `expired` and a pending
order past its time is `closed` as soon as anyone looks, and write transactions make
it so in the table first (expire_due).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .clock import rfc3339, rfc3339_or_none
from .api_error import ApiError, not_found

VAT_RATE = 0.24  # Finnish VAT, included in every price


def expire_due(conn: sqlite3.Connection, now: float) -> None:
    """Store what lazy reads already show: lapsed holds are expired, late orders closed."""
    conn.execute("UPDATE reservations SET status = 'expired' WHERE status = 'held' AND hold_expires_at <= ?", (now,))
    conn.execute("UPDATE orders SET status = 'closed' WHERE status = 'pending' AND expires_at <= ?", (now,))


def reservation_status(row: sqlite3.Row, now: float) -> str:
    if row["status"] == "held" and row["hold_expires_at"] <= now:
        return "expired"
    return row["status"]


def order_status(row: sqlite3.Row, now: float) -> str:
    if row["status"] == "pending" and row["expires_at"] <= now:
        return "closed"
    return row["status"]


def reservation_json(row: sqlite3.Row, now: float) -> dict[str, Any]:
    return {
        "id": row["id"], "poi_id": row["poi_id"], "slot_id": row["slot_id"],
        "start": rfc3339(row["start_at"]), "end": rfc3339(row["end_at"]),
        "status": reservation_status(row, now), "hold_expires_at": rfc3339_or_none(row["hold_expires_at"]),
        "price_minor": row["price_minor"], "currency": row["currency"], "client_ref": row["client_ref"],
        "order_id": row["order_id"], "created_at": rfc3339(row["created_at"]),
        "duration_min": round((row["end_at"] - row["start_at"]) / 60), "connector": row["connector"],
        "energy_kwh": row["energy_kwh"],
    }


def receipt_json(row: sqlite3.Row) -> dict[str, Any] | None:
    if row["receipt_number"] is None:
        return None
    return {"number": f"R-{row['receipt_number']:06d}", "issued_at": rfc3339(row["paid_at"]),
            "total_minor": row["amount_minor"], "vat_minor": row["vat_minor"], "vat_rate": VAT_RATE,
            "merchant": row["merchant"]}


def order_json(row: sqlite3.Row, now: float, base_url: str) -> dict[str, Any]:
    status = order_status(row, now)
    return {
        "id": row["id"], "merchant_order_id": row["merchant_order_id"], "kind": row["kind"],
        "reservation_id": row["reservation_id"], "poi_id": row["poi_id"], "quantity": row["quantity"],
        "amount_minor": row["amount_minor"], "currency": row["currency"], "status": status,
        "created_at": rfc3339(row["created_at"]), "expires_at": rfc3339(row["expires_at"]),
        "paid_at": rfc3339_or_none(row["paid_at"]), "method": row["method"],
        "qr_url": f"{base_url}/v1/qr/{row['qr_token']}" if status == "pending" else None,
        "receipt": receipt_json(row), "pump": row["pump"],
    }


def own_reservation(conn: sqlite3.Connection, vin: str, reservation_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM reservations WHERE id = ? AND vin = ?", (reservation_id, vin)).fetchone()
    if row is None:
        raise not_found(f"reservation {reservation_id}")
    return row


def own_order(conn: sqlite3.Connection, vin: str, order_id: str) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM orders WHERE id = ? AND vin = ?", (order_id, vin)).fetchone()
    if row is None:
        raise not_found(f"order {order_id}")
    return row


def reload_order(conn: sqlite3.Connection, order_id: str) -> sqlite3.Row:
    return conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()


def settle(conn: sqlite3.Connection, order: sqlite3.Row, method: str, now: float) -> None:
    """Mark a pending order paid with a receipt, and confirm its reservation."""
    number = conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'receipt_seq' "
                          "RETURNING value").fetchone()[0]
    vat = round(order["amount_minor"] * VAT_RATE / (1 + VAT_RATE))
    conn.execute("UPDATE orders SET status = 'paid', paid_at = ?, method = ?, receipt_number = ?, vat_minor = ? "
                 "WHERE id = ?", (now, method, int(number), vat, order["id"]))
    if order["reservation_id"] is not None:
        conn.execute("UPDATE reservations SET status = 'confirmed', hold_expires_at = NULL, order_id = ? "
                     "WHERE id = ?", (order["id"], order["reservation_id"]))


def refund(conn: sqlite3.Connection, order: sqlite3.Row) -> None:
    """A paid order becomes refunded; money paid from the wallet goes back to it."""
    conn.execute("UPDATE orders SET status = 'refunded' WHERE id = ?", (order["id"],))
    if order["method"] == "wallet":
        conn.execute("UPDATE vehicles SET wallet_minor = wallet_minor + ? WHERE vin = ?",
                     (order["amount_minor"], order["vin"]))


def close_pending_orders(conn: sqlite3.Connection, reservation_id: str) -> None:
    """Void the QR codes of a reservation's unpaid orders (it was cancelled or got a newer order)."""
    conn.execute("UPDATE orders SET status = 'closed' WHERE reservation_id = ? AND status = 'pending'",
                 (reservation_id,))


def hold_gone(reservation: sqlite3.Row) -> ApiError:
    return ApiError(409, "hold_expired", f"reservation {reservation['id']} is {reservation['status']}: "
                                         "it no longer holds its slot")


def require_payable(conn: sqlite3.Connection, order: sqlite3.Row, now: float) -> None:
    """409 unless the order is pending and its reservation (if any) still held."""
    status = order_status(order, now)
    if status == "closed":
        raise ApiError(409, "order_closed", f"order {order['id']} is closed (cancelled, or not paid in time)")
    if status != "pending":
        raise ApiError(409, "order_not_pending", f"order {order['id']} is {status}")
    if order["reservation_id"] is not None:
        reservation = conn.execute("SELECT * FROM reservations WHERE id = ?", (order["reservation_id"],)).fetchone()
        if reservation["status"] != "held":
            raise hold_gone(reservation)


def qr_summary(order: sqlite3.Row, now: float) -> dict[str, Any]:
    """What the phone shows: the QrSummary answer."""
    return {"merchant": order["merchant"], "amount_minor": order["amount_minor"], "currency": order["currency"],
            "status": order_status(order, now)}


def confirm_qr_payment(conn: sqlite3.Connection, order: sqlite3.Row, now: float) -> sqlite3.Row:
    """Pay `order` by QR (the phone's confirm); call inside a write transaction after expire_due.
    Raises ApiError 409 when it is not payable; the paid order's row."""
    require_payable(conn, order, now)
    settle(conn, order, "qr", now)
    return reload_order(conn, order["id"])
