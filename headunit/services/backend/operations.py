"""How each kind of outbox row is sent, and what its answer changes locally.

``send`` makes the one backend call for a row (with the row's idempotency key);
``apply`` stores the backend's answer in the local row; ``refuse`` records a
refusal. The sync worker runs ``apply``/``refuse`` in the same unit of work that
finishes the outbox row, so the local state and the outbox never disagree.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from headunit.core.backend.models import OrderRequest
from headunit.core.backend.api_json import to_api_json
from headunit.services.store import Store

from .outbox import OutboxRow

REJECTED = "rejected"


class LocalRefusal(Exception):
    """The row cannot be sent at all, e.g. an order for a reservation the backend refused."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Operation:
    send: Callable[[Any, Store, OutboxRow], Any]  # client, store (for look-ups), row
    table: str  # the local table the row's payload["local_id"] belongs to


def _remote_id(store: Store, table: str, local_id: str, refused: str) -> str:
    with store.atomic() as db:
        row = db.execute(f"SELECT remote_id, error FROM {table} WHERE local_id = ?", [local_id]).fetchone()
    if row is None or row[0] is None:
        raise LocalRefusal(refused, f"the backend never accepted {table[:-1]} {local_id}"
                                    + (f" ({row[1]})" if row and row[1] else ""))
    return row[0]


def _send_reservation_create(client: Any, store: Store, row: OutboxRow) -> Any:
    p = row.payload
    extra = {k: p[k] for k in ("duration_min", "connector", "energy_kwh") if p.get(k) is not None}
    return client.create_reservation(p["poi_id"], p["slot_id"], key=row.idempotency_key, client_ref=p["local_id"],
                                     **extra)


def _send_reservation_cancel(client: Any, store: Store, row: OutboxRow) -> Any:
    remote = _remote_id(store, "reservations", row.payload["local_id"], "reservation_refused")
    return client.cancel_reservation(remote, key=row.idempotency_key)


def _send_order_create(client: Any, store: Store, row: OutboxRow) -> Any:
    p = row.payload
    reservation = None
    if p.get("reservation_local_id"):
        reservation = _remote_id(store, "reservations", p["reservation_local_id"], "reservation_refused")
    request = OrderRequest(merchant_order_id=p["merchant_order_id"], kind=p["kind"],
                           reservation_id=reservation, poi_id=p.get("poi_id"), quantity=p.get("quantity"),
                           **({"pump": p["pump"]} if p.get("pump") is not None else {}))
    return client.create_order(request, key=row.idempotency_key)


def _send_order_refund(client: Any, store: Store, row: OutboxRow) -> Any:
    remote = _remote_id(store, "orders", row.payload["local_id"], "order_refused")
    return client.refund(remote, key=row.idempotency_key)


def _send_order_cancel(client: Any, store: Store, row: OutboxRow) -> Any:
    remote = _remote_id(store, "orders", row.payload["local_id"], "order_refused")
    return client.cancel_order(remote, key=row.idempotency_key)


OPERATIONS: dict[str, Operation] = {
    "reservation.create": Operation(_send_reservation_create, "reservations"),
    "reservation.cancel": Operation(_send_reservation_cancel, "reservations"),
    "order.create": Operation(_send_order_create, "orders"),
    "order.refund": Operation(_send_order_refund, "orders"),
    "order.cancel": Operation(_send_order_cancel, "orders"),
}


def save_answer(db: sqlite_utils.Database, table: str, local_id: str, answer: Any, now: float) -> dict[str, Any]:
    """Store the backend's view of a reservation or an order (its answer, or a later look-up)
    in the local row; returns its JSON."""
    body = to_api_json(answer)
    db.execute(
        f"UPDATE {table} SET remote_id = ?, status = ?, body = ?, error = '', updated_at = ? WHERE local_id = ?",
        [answer.id, answer.status, json.dumps(body, allow_nan=False), now, local_id])
    return body


def apply_answer(db: sqlite_utils.Database, row: OutboxRow, answer: Any, now: float) -> dict[str, Any]:
    """Store the backend's answer (a Reservation or an Order) in the local row; returns its JSON."""
    return save_answer(db, OPERATIONS[row.operation].table, row.payload["local_id"], answer, now)


def apply_refusal(db: sqlite_utils.Database, row: OutboxRow, code: str, now: float) -> None:
    """A refused create leaves its local row 'rejected'; a refused follow-up keeps the status."""
    table = OPERATIONS[row.operation].table
    if row.operation.endswith(".create"):
        db.execute(f"UPDATE {table} SET status = ?, error = ?, updated_at = ? WHERE local_id = ?",
                   [REJECTED, code, now, row.payload["local_id"]])
    else:
        db.execute(f"UPDATE {table} SET error = ?, updated_at = ? WHERE local_id = ?",
                   [code, now, row.payload["local_id"]])
