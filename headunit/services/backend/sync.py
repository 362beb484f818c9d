"""The sync worker: delivers the outbox to the backend, in order, exactly once.

``deliver`` is blocking (it runs on the worker executor): it takes the oldest pending
row, makes its one backend call with the row's idempotency key, and only after the
backend has answered finishes the row and updates the local state, in one unit of
work. A crash anywhere in between leaves the row pending; the next delivery sends
the same key again and the backend replays its first answer instead of acting twice.

A failure that may pass (offline, timeout, 5xx, a garbled answer) stops delivery so
later rows never overtake the failed one; the row waits a jittered, growing back-off.
A refusal (4xx) is final for that row, and delivery goes on with the next.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from headunit.core.backoff import backoff_delay
from headunit.services.store import Store

from .errors import BackendError, BadResponse, Rejected
from .operations import OPERATIONS, LocalRefusal, apply_answer, apply_refusal
from .outbox import Outbox, OutboxRow

log = logging.getLogger("headunit.sync")


@dataclass(frozen=True)
class SyncReport:
    delivered: int = 0
    rejected: int = 0
    pending: int = 0
    error: str = ""  # why delivery stopped early ("" when the outbox ran dry or the limit was reached)
    retry_in: float | None = None  # seconds until the head row may be tried again
    busy: bool = False  # another delivery was already running; nothing was done
    failure: str = ""  # what stopped it: "malformed" (an answer that breaks the contract), "unavailable" or ""


class SyncWorker:
    def __init__(self, store: Store, client: Any, clock: Callable[[], float] = time.time,
                 rng: random.Random | None = None, base_s: float = 1.0, cap_s: float = 60.0) -> None:
        self._store = store
        self._client = client
        self._clock = clock
        self._rng = rng or random.Random()
        self._base_s, self._cap_s = base_s, cap_s
        self.outbox = Outbox(store)
        self._running = threading.Lock()

    def deliver(self, limit: int | None = None) -> SyncReport:
        """Deliver due rows until the outbox is empty, a row fails, or ``limit`` rows are done."""
        if not self._running.acquire(blocking=False):
            return SyncReport(pending=self.outbox.pending_count(), busy=True)
        try:
            return self._deliver(limit)
        finally:
            self._running.release()

    def deliver_now(self) -> SyncReport:
        """Deliver everything queued so far, now: for a driver waiting on her own action. Waits
        for a delivery already running (on a worker thread) and skips the rows' back-off."""
        with self._running:
            self.outbox.make_due()
            return self._deliver(None)

    def _deliver(self, limit: int | None) -> SyncReport:
        delivered = rejected = 0
        while limit is None or delivered + rejected < limit:
            row = self.outbox.head()
            if row is None:
                break
            now = self._clock()
            if row.next_attempt_at > now:
                return self._report(delivered, rejected, "", row.next_attempt_at - now)
            outcome = self._send(row)
            if outcome is None:
                delivered += 1
            elif outcome is True:
                rejected += 1
            else:
                return self._report(delivered, rejected, *outcome)
        return self._report(delivered, rejected, "", None)

    def _send(self, row: OutboxRow) -> None | bool | tuple[str, float, str]:
        """None: delivered; True: refused for good; (error, retry_in, failure): try again later."""
        operation = OPERATIONS.get(row.operation)
        if operation is None:
            log.error("outbox row %d has an unknown operation %r; refusing it", row.seq, row.operation)
            self._refuse(row, "unknown_operation", f"unknown operation {row.operation!r}")
            return True
        try:
            answer = operation.send(self._client, self._store, row)
        except LocalRefusal as refusal:
            self._refuse(row, refusal.code, str(refusal))
            return True
        except Rejected as refusal:
            if refusal.code == "idempotency_key_reused":
                log.error("outbox row %d: the backend saw its key with another request: %s", row.seq, refusal)
            self._refuse(row, refusal.code, str(refusal))
            return True
        except BackendError as error:
            return self._defer(row, str(error), "malformed" if isinstance(error, BadResponse) else "unavailable")
        except Exception as error:  # a bug must not stop the queue for good, nor spin
            log.exception("outbox row %d (%s) failed unexpectedly", row.seq, row.operation)
            return self._defer(row, f"{type(error).__name__}: {error}", "malformed")
        now = self._clock()
        with self._store.atomic() as db:
            body = apply_answer(db, row, answer, now)
            self.outbox.mark_done(db, row.seq, body, now)
        log.info("outbox row %d (%s) delivered", row.seq, row.operation)
        return None

    def _refuse(self, row: OutboxRow, code: str, message: str) -> None:
        now = self._clock()
        with self._store.atomic() as db:
            apply_refusal(db, row, code, now)
            self.outbox.mark_rejected(db, row.seq, f"{code}: {message}", {"code": code, "message": message}, now)
        log.warning("outbox row %d (%s) refused: %s", row.seq, row.operation, message)

    def _defer(self, row: OutboxRow, error: str, failure: str) -> tuple[str, float, str]:
        wait = max(0.05, backoff_delay(row.attempts, self._base_s, self._cap_s, self._rng.random()))
        self.outbox.defer(row.seq, error, self._clock() + wait)
        log.info("outbox row %d (%s) not delivered (%s); next try in %.1f s", row.seq, row.operation, error, wait)
        return error, wait, failure

    def _report(self, delivered: int, rejected: int, error: str, retry_in: float | None,
                failure: str = "") -> SyncReport:
        return SyncReport(delivered, rejected, self.outbox.pending_count(), error, retry_in, failure=failure)
