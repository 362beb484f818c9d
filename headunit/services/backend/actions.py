"""What the driver does that must reach the backend: each action writes its local row
and its outbox row in one durable unit of work, and returns at once (no network).

The local row is what the views show straight away ("queued", then the backend's
status once the sync worker has delivered it). Reserve-and-pay screens call these.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from headunit.services.store import Store

from . import outbox

QUEUED = "queued"
ORDER_KINDS = ("reservation", "fuel", "charging")


class UnknownLocalId(LookupError):
    """The action names a reservation or order this head unit does not have."""


class DriverActions:
    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._clock = clock

    def reserve(self, poi_id: str, slot_id: str, *, duration_min: int | None = None, connector: str | None = None,
                energy_kwh: float | None = None, details: Mapping[str, Any] | None = None) -> str:
        """Queue a reservation from ``slot_id`` at ``poi_id``; returns its local id.

        ``details`` is what "My reservations" shows offline (the POI's name, ...).
        """
        local_id, now = uuid.uuid4().hex, self._clock()
        request = {"duration_min": duration_min, "connector": connector, "energy_kwh": energy_kwh}
        with self._store.atomic(durable=True) as db:
            db["reservations"].insert({
                "local_id": local_id, "remote_id": None, "poi_id": poi_id, "slot_id": slot_id,
                "status": QUEUED, "body": None, "error": "", "created_at": now, "updated_at": now,
                "details": _json(details),
            })
            outbox.enqueue(db, "reservation.create", {
                "local_id": local_id, "poi_id": poi_id, "slot_id": slot_id,
                **{k: v for k, v in request.items() if v is not None}}, now)
        return local_id

    def cancel_reservation(self, local_id: str) -> None:
        now = self._clock()
        with self._store.atomic(durable=True) as db:
            _require(db, "reservations", local_id)
            outbox.enqueue(db, "reservation.cancel", {"local_id": local_id}, now)

    def order(self, kind: str, *, reservation_local_id: str | None = None, poi_id: str | None = None,
              quantity: float | None = None, pump: int | None = None,
              details: Mapping[str, Any] | None = None) -> str:
        """Queue an order: for a reservation, or a fuel / charging session at a POI."""
        if kind not in ORDER_KINDS:
            raise ValueError(f"order kind must be one of {', '.join(ORDER_KINDS)}, got {kind!r}")
        if (kind == "reservation") != (reservation_local_id is not None):
            raise ValueError("a reservation order names its reservation, and only it does")
        local_id, now = uuid.uuid4().hex, self._clock()
        merchant_order_id = f"HU-{local_id[:20]}"
        with self._store.atomic(durable=True) as db:
            if reservation_local_id is not None:
                _require(db, "reservations", reservation_local_id)
            db["orders"].insert({
                "local_id": local_id, "remote_id": None, "merchant_order_id": merchant_order_id,
                "kind": kind, "reservation_local_id": reservation_local_id, "poi_id": poi_id,
                "quantity": quantity, "status": QUEUED, "body": None, "error": "",
                "created_at": now, "updated_at": now, "details": _json(details),
            })
            outbox.enqueue(db, "order.create", {
                "local_id": local_id, "merchant_order_id": merchant_order_id, "kind": kind,
                "reservation_local_id": reservation_local_id, "poi_id": poi_id, "quantity": quantity,
                **({"pump": pump} if pump is not None else {}),
            }, now)
        return local_id

    def cancel_order(self, order_local_id: str) -> None:
        """Queue the cancellation of an unpaid order (the driver gave up, or paying timed out)."""
        now = self._clock()
        with self._store.atomic(durable=True) as db:
            _require(db, "orders", order_local_id)
            outbox.enqueue(db, "order.cancel", {"local_id": order_local_id}, now)

    def refund(self, order_local_id: str) -> None:
        now = self._clock()
        with self._store.atomic(durable=True) as db:
            _require(db, "orders", order_local_id)
            outbox.enqueue(db, "order.refund", {"local_id": order_local_id}, now)


def _json(details: Mapping[str, Any] | None) -> str:
    return json.dumps(dict(details or {}), allow_nan=False, ensure_ascii=False)


def _require(db, table: str, local_id: str) -> None:  # noqa: ANN001 - sqlite_utils.Database
    if db.execute(f"SELECT 1 FROM {table} WHERE local_id = ?", [local_id]).fetchone() is None:
        raise UnknownLocalId(f"no {table[:-1]} with local id {local_id!r} on this head unit")
