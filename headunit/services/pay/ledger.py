"""The driver's reservations, orders and receipts, from the local store only (works offline).

One entry per reservation (with its latest order) and one per fuel or charging order
that has no reservation, newest first. The state is the local row's, which is the
backend's last answer, or 'queued' while the request waits in the outbox; `pending`
lists the follow-ups (a cancellation, a refund) that still wait to be sent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from headunit.services.store import Store

LIVE = ("queued", "held", "confirmed")


@dataclass(frozen=True)
class Entry:
    local_id: str  # the reservation's local id, or the order's for an order without one
    is_reservation: bool
    category: str  # parking | fuel | charging
    poi_id: str
    poi_name: str
    status: str  # the reservation's (or the lone order's) status
    order_id: str | None  # local id of the latest order
    order_status: str | None
    pay_unknown: bool  # a payment was sent and its outcome is not known yet
    start: datetime | None
    end: datetime | None
    hold_expires_at: datetime | None
    amount_minor: int
    currency: str
    receipt: str  # receipt number, "" when none
    error: str  # the backend's refusal code, "" when none
    pending: tuple[str, ...]  # follow-up operations still queued ("reservation.cancel", "order.refund", ...)
    created_at: float
    details: dict[str, Any]

    def upcoming(self, now: datetime) -> bool:
        """Still ahead of the driver: live and not over (a queued or unpaid one counts)."""
        if self.is_reservation:
            return self.status in LIVE and (self.end is None or self.end > now)
        return self.status in ("queued", "pending") or self.pay_unknown


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def entries(store: Store) -> list[Entry]:
    with store.atomic() as db:
        reservations = list(db.query("SELECT * FROM reservations ORDER BY created_at DESC"))
        orders = list(db.query("SELECT * FROM orders ORDER BY created_at DESC"))
        pending: dict[str, list[str]] = {}
        for operation, local_id in db.execute(
                "SELECT operation, json_extract(payload, '$.local_id') FROM outbox WHERE state = 'pending'"
                " AND operation NOT LIKE '%.create' ORDER BY seq"):
            pending.setdefault(local_id, []).append(operation)
    latest: dict[str, dict[str, Any]] = {}
    for order in orders:
        if order["reservation_local_id"]:
            latest.setdefault(order["reservation_local_id"], order)
    result = [_reservation_entry(r, latest.get(r["local_id"]), pending) for r in reservations]
    result += [_order_entry(o, pending) for o in orders if not o["reservation_local_id"]]
    result.sort(key=lambda e: e.created_at, reverse=True)
    return result


def _reservation_entry(row: dict[str, Any], order: dict[str, Any] | None,
                       pending: dict[str, list[str]]) -> Entry:
    details = json.loads(row["details"])
    body = json.loads(row["body"]) if row["body"] else {}
    order_body = json.loads(order["body"]) if order and order["body"] else {}
    ops = list(pending.get(row["local_id"], []))
    if order:
        ops += pending.get(order["local_id"], [])
    return Entry(
        local_id=row["local_id"], is_reservation=True, category=details.get("category", ""),
        poi_id=row["poi_id"], poi_name=details.get("poi_name", ""), status=row["status"],
        order_id=order["local_id"] if order else None, order_status=order["status"] if order else None,
        pay_unknown=bool(order and order["pay_state"]),
        start=_time(body.get("start") or details.get("start")), end=_time(body.get("end") or details.get("end")),
        hold_expires_at=_time(body.get("hold_expires_at")),
        amount_minor=int(body.get("price_minor", details.get("total_minor", 0))),
        currency=body.get("currency", details.get("currency", "")),
        receipt=(order_body.get("receipt") or {}).get("number", ""),
        error=row["error"], pending=tuple(ops), created_at=row["created_at"], details=details)


def _order_entry(row: dict[str, Any], pending: dict[str, list[str]]) -> Entry:
    details = json.loads(row["details"])
    body = json.loads(row["body"]) if row["body"] else {}
    return Entry(
        local_id=row["local_id"], is_reservation=False, category=row["kind"], poi_id=row["poi_id"] or "",
        poi_name=details.get("poi_name", ""), status=row["status"], order_id=row["local_id"],
        order_status=row["status"], pay_unknown=bool(row["pay_state"]),
        start=_time(body.get("paid_at") or body.get("created_at")), end=None, hold_expires_at=None,
        amount_minor=int(body.get("amount_minor", details.get("total_minor", 0))),
        currency=body.get("currency", details.get("currency", "")),
        receipt=(body.get("receipt") or {}).get("number", ""), error=row["error"],
        pending=tuple(pending.get(row["local_id"], ())), created_at=row["created_at"], details=details)
