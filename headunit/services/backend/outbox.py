"""The outbox: what the driver did that must reach the backend, in order, exactly once.

A row is written by ``enqueue`` inside the caller's unit of work, next to the local
state it belongs to (a reservation row, an order row), so either both exist or
neither does. Each row carries an idempotency key made once, at that moment: every
delivery attempt, before or after a crash, sends the same key, and the backend
applies it once. A row leaves ``pending`` only after the backend has answered
(``done`` with the answer, or ``rejected`` with the refusal).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from headunit.services.store import Store

PENDING, DONE, REJECTED = "pending", "done", "rejected"


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    operation: str
    idempotency_key: str
    payload: dict[str, Any]
    state: str
    attempts: int
    next_attempt_at: float
    last_error: str
    created_at: float


def _row(record: dict[str, Any]) -> OutboxRow:
    return OutboxRow(
        seq=record["seq"], operation=record["operation"], idempotency_key=record["idempotency_key"],
        payload=json.loads(record["payload"]), state=record["state"], attempts=record["attempts"],
        next_attempt_at=record["next_attempt_at"], last_error=record["last_error"],
        created_at=record["created_at"],
    )


def new_key() -> str:
    """A fresh idempotency key (UUID4, as the backend contract suggests)."""
    return str(uuid.uuid4())


def enqueue(db: sqlite_utils.Database, operation: str, payload: dict[str, Any], now: float,
            key: str | None = None) -> OutboxRow:
    """Add a pending row; call it inside the ``store.atomic(durable=True)`` block that
    writes the local state, so the two commit together."""
    if not db.conn.in_transaction:
        raise RuntimeError("outbox.enqueue must run inside store.atomic() with the local state it belongs to")
    record = {
        "operation": operation, "idempotency_key": key or new_key(),
        "payload": json.dumps(payload, allow_nan=False, sort_keys=True), "state": PENDING,
        "attempts": 0, "next_attempt_at": 0.0, "last_error": "", "created_at": now,
    }
    cursor = db.execute(
        "INSERT INTO outbox (operation, idempotency_key, payload, state, attempts, next_attempt_at,"
        " last_error, created_at) VALUES (:operation, :idempotency_key, :payload, :state, :attempts,"
        " :next_attempt_at, :last_error, :created_at)", record)
    return _row({**record, "seq": cursor.lastrowid})


class Outbox:
    """Reads and state changes of the outbox table of one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def head(self) -> OutboxRow | None:
        """The oldest pending row: rows go out strictly in the order they were queued."""
        with self._store.atomic() as db:
            records = list(db.query("SELECT * FROM outbox WHERE state = ? ORDER BY seq LIMIT 1", [PENDING]))
        return _row(records[0]) if records else None

    def pending_count(self) -> int:
        with self._store.atomic() as db:
            return db.execute("SELECT count(*) FROM outbox WHERE state = ?", [PENDING]).fetchone()[0]

    def rows(self, state: str | None = None) -> list[OutboxRow]:
        """All rows (or those in ``state``), oldest first: for tests, the bench and support."""
        with self._store.atomic() as db:
            where, args = ("WHERE state = ?", [state]) if state else ("", [])
            return [_row(r) for r in db.query(f"SELECT * FROM outbox {where} ORDER BY seq", args)]

    @staticmethod
    def mark_done(db: sqlite_utils.Database, seq: int, response: dict[str, Any], now: float) -> None:
        """The backend applied the row; call it in the unit of work that stores the answer."""
        _finish(db, seq, DONE, "", response, now)

    @staticmethod
    def mark_rejected(db: sqlite_utils.Database, seq: int, error: str, response: dict[str, Any] | None,
                      now: float) -> None:
        """The backend refused the row for good (a 4xx); it is not sent again."""
        _finish(db, seq, REJECTED, error, response, now)

    def make_due(self) -> None:
        """The driver is waiting for the queue (she just confirmed): try the head row now, not
        after its back-off. Rows still go out in order."""
        with self._store.atomic() as db:
            db.execute("UPDATE outbox SET next_attempt_at = 0 WHERE state = ?", [PENDING])

    def pending_for(self, local_id: str) -> list[str]:
        """The operations still queued for a reservation's or an order's local id, oldest first."""
        with self._store.atomic() as db:
            return [r[0] for r in db.execute(
                "SELECT operation FROM outbox WHERE state = ? AND json_extract(payload, '$.local_id') = ?"
                " ORDER BY seq", [PENDING, local_id])]

    def defer(self, seq: int, error: str, next_attempt_at: float) -> None:
        """Delivery failed for a reason that may pass (offline, 5xx): try again later."""
        with self._store.atomic() as db:
            db.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                " WHERE seq = ? AND state = ?", [next_attempt_at, error, seq, PENDING])


def _finish(db: sqlite_utils.Database, seq: int, state: str, error: str,
            response: dict[str, Any] | None, now: float) -> None:
    body = None if response is None else json.dumps(response, allow_nan=False, sort_keys=True)
    cursor = db.execute(
        "UPDATE outbox SET state = ?, last_error = ?, response = ?, done_at = ?, attempts = attempts + 1"
        " WHERE seq = ? AND state = ?", [state, error, body, now, seq, PENDING])
    if cursor.rowcount != 1:
        raise RuntimeError(f"outbox row {seq} is not pending; it was finished twice")
