"""Reserve and pay: the blocking steps behind the flow's screens (run on the worker executor).

Everything the driver decides goes through the outbox first (durable, with its
idempotency key) and is then delivered at once when the backend answers, so a crash,
a timeout or a lost connection at any moment is repaired by the next delivery, never
doubled. Paying is the one step that is not queued: it needs the PIN, which is never
stored, and the driver's presence. Before a wallet request the order row is marked
``pay_state = 'sent'`` durably; it is cleared only once the outcome is known (the
answer, or a look-up of the order), so a timeout or a crash leaves an "outcome
unknown" that is resolved by asking the backend, never by paying again.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from headunit.core.backend.models import Order, Reservation
from headunit.core.backend.parse import parse_order, parse_reservation
from headunit.core.pay.quote import Quote
from headunit.services.backend.actions import DriverActions
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.errors import BackendError, BadResponse, Rejected
from headunit.services.backend.live_data import refresh_orders, refresh_reservations
from headunit.services.backend.operations import save_answer
from headunit.services.backend.sync import SyncReport, SyncWorker
from headunit.services.store import Store

log = logging.getLogger("headunit.pay")

# What a step came to.
HELD = "held"  # the reservation holds its place; an order can be made for it
READY = "ready"  # the order is pending at the backend: pay it by QR or wallet
QUEUED = "queued"  # the backend did not answer: the request waits in the outbox
REFUSED = "refused"  # the backend said no (code: slot_full, wrong_pin, ...)
FAILED = "failed"  # nothing reached the backend, or its answer was unusable (code: unavailable, malformed)
PAID = "paid"
PENDING = "pending"  # not paid (yet): the order still waits for a payment
CLOSED = "closed"  # the order is closed (cancelled or timed out) and was not paid
UNKNOWN = "unknown"  # a payment was sent and its outcome could not be found out yet


@dataclass(frozen=True)
class StepResult:
    state: str
    reservation_id: str | None = None  # local ids
    order_id: str | None = None
    order: Order | None = None
    reservation: Reservation | None = None
    code: str = ""
    message: str = ""


def _failure(report: SyncReport) -> str:
    return report.failure or "unavailable"


def _error_code(error: BackendError) -> str:
    return "malformed" if isinstance(error, BadResponse) else "unavailable"


class PaymentService:
    def __init__(self, store: Store, client: Any, worker: SyncWorker, clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._client = client
        self._worker = worker
        self._clock = clock
        self._actions = DriverActions(store, clock)
        self._cache = BackendCache(store)

    # -- reserving and ordering (queued, then delivered at once)

    def submit(self, quote: Quote) -> StepResult:
        """Reserve (parking, charging) and open its order; a fuel order at once."""
        if not quote.ok:
            raise ValueError(f"the quote cannot be sent: {quote.problem}")
        if not quote.reservable:
            return self.open_order(quote, None)
        reserved = self.reserve(quote)
        if reserved.state != HELD:
            return reserved
        return self.open_order(quote, reserved.reservation_id)

    def reserve(self, quote: Quote) -> StepResult:
        local_id = self._actions.reserve(
            quote.poi_id, quote.slot_id or "", duration_min=quote.duration_min, connector=quote.connector,
            energy_kwh=quote.energy_kwh, details=details_of(quote))
        report = self._worker.deliver_now()
        row = self._row("reservations", local_id)
        if row["status"] == "queued":
            return StepResult(QUEUED, reservation_id=local_id, code=_failure(report))
        if row["status"] == "rejected":
            return StepResult(REFUSED, reservation_id=local_id, code=row["error"])
        return StepResult(HELD, reservation_id=local_id, reservation=_reservation(row))

    def open_order(self, quote: Quote | None, reservation_id: str | None) -> StepResult:
        """A pending order to pay: for a held reservation, or a fuel or charging session at a POI.

        Not for later: an order nobody can pay only blocks a QR code, so one that did not reach
        the backend is cancelled in the same queue (delivered after it, if ever)."""
        if reservation_id is not None:
            details = self._details("reservations", reservation_id)
            local_id = self._actions.order("reservation", reservation_local_id=reservation_id, details=details)
        else:
            assert quote is not None
            local_id = self._actions.order(quote.category, poi_id=quote.poi_id, quantity=quote.litres or quote.energy_kwh,
                                           pump=quote.pump, details=details_of(quote))
        report = self._worker.deliver_now()
        row = self._row("orders", local_id)
        if row["status"] == "queued":
            self._actions.cancel_order(local_id)
            return StepResult(FAILED, reservation_id=reservation_id, order_id=local_id, code=_failure(report))
        if row["status"] == "rejected":
            return StepResult(REFUSED, reservation_id=reservation_id, order_id=local_id, code=row["error"])
        order = _order(row)
        state = READY if order.status == "pending" else _order_state(order)
        return StepResult(state, reservation_id=reservation_id, order_id=local_id, order=order)

    # -- paying

    def pay_wallet(self, order_id: str, pin: str) -> StepResult:
        """Pay from the in-car wallet. The PIN goes to the backend and nowhere else."""
        row = self._row("orders", order_id)
        if row["remote_id"] is None:
            raise ValueError(f"order {order_id} has not reached the backend; it cannot be paid")
        key = str(uuid.uuid4())
        with self._store.atomic(durable=True) as db:
            db.execute("UPDATE orders SET pay_key = ?, pay_state = 'sent', updated_at = ? WHERE local_id = ?",
                       [key, self._clock(), order_id])
        try:
            order = self._client.pay_with_wallet(row["remote_id"], pin, key=key)
        except Rejected as refusal:
            self._finish_payment(order_id, error=refusal.code)
            return StepResult(REFUSED, order_id=order_id, code=refusal.code, message=refusal.message)
        except BackendError as error:
            log.info("wallet payment of order %s: outcome unknown (%s); asking the backend", order_id, error)
            return self.check(order_id)
        self._finish_payment(order_id, order=order)
        return StepResult(_order_state(order), order_id=order_id, order=order)

    def check(self, order_id: str) -> StepResult:
        """Ask the backend how the order stands, and keep its answer. Clears an outstanding
        payment's "unknown" only with the backend's answer."""
        row = self._row("orders", order_id)
        if row["remote_id"] is None:
            return StepResult(QUEUED, order_id=order_id)
        try:
            order = self._client.order(row["remote_id"])
        except BackendError as error:
            if row["pay_state"] == "sent":
                return StepResult(UNKNOWN, order_id=order_id, code=_error_code(error), message=error.message)
            return StepResult(FAILED, order_id=order_id, code=_error_code(error), message=error.message)
        self._finish_payment(order_id, order=order)
        return StepResult(_order_state(order), order_id=order_id, order=order)

    def give_up(self, order_id: str) -> StepResult:
        """Cancel an unpaid order (paying timed out, or the driver stopped). If it was paid
        meanwhile, that is the result: the payment stands and is shown."""
        self._actions.cancel_order(order_id)
        self._worker.deliver_now()
        return self.check(order_id)

    # -- afterwards

    def cancel_reservation(self, reservation_id: str) -> StepResult:
        """Cancel (a paid reservation is refunded by the backend); queued when offline."""
        self._actions.cancel_reservation(reservation_id)
        row = self._follow_up("reservations", reservation_id)
        if isinstance(row, StepResult):
            return replace(row, reservation_id=reservation_id)
        return StepResult(_reservation(row).status, reservation_id=reservation_id)

    def refund(self, order_id: str) -> StepResult:
        self._actions.refund(order_id)
        row = self._follow_up("orders", order_id)
        if isinstance(row, StepResult):
            return replace(row, order_id=order_id)
        return StepResult(_order_state(_order(row)), order_id=order_id, order=_order(row))

    def _follow_up(self, table: str, local_id: str) -> dict[str, Any] | StepResult:
        """Deliver a queued cancellation or refund now: the local row once the backend took it,
        else QUEUED (it goes out when online) or REFUSED."""
        report = self._worker.deliver_now()
        if self._worker.outbox.pending_for(local_id):
            return StepResult(QUEUED, code=_failure(report))
        row = self._row(table, local_id)
        if row["error"]:
            return StepResult(REFUSED, code=row["error"])
        self._reconcile_quietly()
        return row

    def reconcile(self) -> int:
        """Bring every local reservation and order the backend knows up to its state (after a
        restart, a lost answer, a phone payment); returns how many rows changed. Raises
        BackendError when the backend cannot be asked."""
        now = self._clock()
        reservations = {r.id: r for r in refresh_reservations(self._client, self._cache, now)}
        orders = {o.id: o for o in refresh_orders(self._client, self._cache, now)}
        changed = 0
        with self._store.atomic() as db:
            for table, known in (("reservations", reservations), ("orders", orders)):
                pay = ", pay_state" if table == "orders" else ", '' AS pay_state"
                for local_id, remote_id, status, pay_state in db.execute(
                        f"SELECT local_id, remote_id, status{pay} FROM {table} WHERE remote_id IS NOT NULL").fetchall():
                    answer = known.get(remote_id)
                    if answer is None:
                        continue
                    if answer.status != status or pay_state:
                        save_answer(db, table, local_id, answer, now)
                        if table == "orders":
                            db.execute("UPDATE orders SET pay_state = '' WHERE local_id = ?", [local_id])
                        changed += 1
        return changed

    def _reconcile_quietly(self) -> None:
        """After a delivered cancellation or refund: bring the other rows it changed (the order a
        cancellation refunded) up to date; if the backend cannot be asked now, the next
        reconciliation does it, and the step itself still succeeded."""
        try:
            self.reconcile()
        except BackendError as error:
            log.info("reconciling after a cancellation or refund failed: %s", error)

    # -- local rows

    def _row(self, table: str, local_id: str) -> dict[str, Any]:
        with self._store.atomic() as db:
            rows = list(db.query(f"SELECT * FROM {table} WHERE local_id = ?", [local_id]))
        if not rows:
            raise LookupError(f"no {table[:-1]} with local id {local_id!r} on this head unit")
        return rows[0]

    def _details(self, table: str, local_id: str) -> dict[str, Any]:
        return json.loads(self._row(table, local_id)["details"])

    def _finish_payment(self, order_id: str, *, order: Order | None = None, error: str = "") -> None:
        with self._store.atomic() as db:
            if order is not None:
                save_answer(db, "orders", order_id, order, self._clock())
            else:
                db.execute("UPDATE orders SET error = ?, updated_at = ? WHERE local_id = ?",
                           [error, self._clock(), order_id])
            db.execute("UPDATE orders SET pay_state = '' WHERE local_id = ?", [order_id])


def details_of(quote: Quote) -> dict[str, Any]:
    """What "My reservations" needs to show the reservation or order without the backend."""
    keys = ("category", "poi_name", "lat", "lon", "slot_id", "duration_min", "connector", "energy_kwh", "pump", "litres", "fill_up")
    details = {k: getattr(quote, k) for k in keys if getattr(quote, k) not in (None, False)}
    for key in ("start", "end"):
        value = getattr(quote, key)
        if value is not None:
            details[key] = value.isoformat()
    details["total_minor"], details["currency"] = quote.total_minor, quote.currency
    return details


def quote_of(store: Store, reservation_id: str) -> Quote:
    """What a local reservation is, as the quote it was made from (for paying it later)."""
    from datetime import datetime

    with store.atomic() as db:
        row = db["reservations"].get(reservation_id)
    details = json.loads(row["details"])
    times = {k: datetime.fromisoformat(details[k]) for k in ("start", "end") if k in details}
    return Quote(category=details.get("category", "parking"), poi_id=row["poi_id"],
                 poi_name=details.get("poi_name", ""), currency=details.get("currency", ""),
                 lat=details.get("lat", 0.0), lon=details.get("lon", 0.0),
                 total_minor=int(details.get("total_minor", 0)), slot_id=row["slot_id"],
                 duration_min=details.get("duration_min"), connector=details.get("connector"),
                 energy_kwh=details.get("energy_kwh"), **times)


def _reservation(row: dict[str, Any]) -> Reservation:
    return parse_reservation(json.loads(row["body"]))


def _order(row: dict[str, Any]) -> Order:
    return parse_order(json.loads(row["body"]))


def _order_state(order: Order) -> str:
    return {"paid": PAID, "pending": PENDING, "closed": CLOSED, "refunded": "refunded"}[order.status]
