"""Backend connectivity and outbox delivery, for the status bar and the stores that queue
what the driver did.

Connectivity is the backend's own health check, not the OS's idea of the network: a
car on a hotspot with a dead backend is offline for the driver. While the backend
answers, it is checked every ``health_interval_s``; while it does not, sooner, with a
growing jittered back-off. Whenever it answers and the outbox has rows, the sync
worker delivers them on the worker executor; a failed delivery waits its back-off.
All blocking calls run through the task runner; this object only schedules.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.backoff import backoff_delay
from headunit.qt.stores.status_store import StatusStore
from headunit.qt.tasks import TaskRunner

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.sync")

OFFLINE_FIRST_RETRY_S = 1.0


def _probe(client: Any) -> str | None:
    """Worker: None when the backend's health check answers, else why not. Being offline is
    expected in a car, so it is a result, not an error with a traceback in the log."""
    from headunit.services.backend.errors import BackendError

    try:
        client.health()
    except BackendError as error:
        return str(error)
    return None


@QmlElement
@QmlUncreatable("SyncStore is created by the application")
class SyncStore(QObject):
    connectivityChanged = Signal()
    pendingCountChanged = Signal()
    delivered = Signal()  # rows were delivered or refused: local rows changed

    def __init__(self, tasks: TaskRunner, status: StatusStore, health_interval_s: float = 10.0,
                 rng: random.Random | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._status = status
        self._interval_s = health_interval_s
        self._rng = rng or random.Random()
        self._client: Any = None
        self._worker: Any = None
        self._connectivity = "unknown"
        self._pending = 0
        self._failures = 0
        self._checking = self._delivering = False
        self._health_timer = self._single_shot(self._check_health)
        self._retry_timer = self._single_shot(self._deliver)

    def _single_shot(self, slot) -> QTimer:  # noqa: ANN001
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(slot)
        return timer

    def attach(self, client: Any, worker: Any | None) -> None:
        """Start checking health with ``client``; deliver through ``worker`` (None: no store)."""
        self._client, self._worker = client, worker
        self._check_health()
        if worker is not None:
            self._tasks.run(worker.outbox.pending_count, on_done=self._set_pending, name="count outbox")

    def mark_offline(self) -> None:
        """No backend at all (it failed to start or has no credential)."""
        self._set_connectivity("offline")

    @Slot()
    def queued(self) -> None:
        """A store queued an action: count it and deliver at once if the backend answers."""
        self._set_pending(self._pending + 1)
        self._deliver()

    def stop(self) -> None:
        self._health_timer.stop()
        self._retry_timer.stop()
        self._client = self._worker = None

    def _check_health(self) -> None:
        if self._client is None or self._checking:
            return
        self._checking = True
        self._tasks.run(_probe, self._client, on_done=self._answered, on_error=self._unhealthy,
                        name="backend health")

    def _answered(self, problem: str | None) -> None:
        if problem is None:
            self._healthy()
        else:
            self._unhealthy(problem)

    def _healthy(self) -> None:
        self._checking = False
        self._failures = 0
        self._set_connectivity("online")
        self._schedule_health(self._interval_s)
        self._deliver()

    def _unhealthy(self, error: BaseException | str) -> None:
        self._checking = False
        log.info("backend not reachable: %s", error)
        self._set_connectivity("offline")
        wait = OFFLINE_FIRST_RETRY_S + backoff_delay(self._failures, OFFLINE_FIRST_RETRY_S,
                                                     self._interval_s, self._rng.random())
        self._failures += 1
        self._schedule_health(min(wait, self._interval_s))

    def _schedule_health(self, seconds: float) -> None:
        if self._client is not None:
            self._health_timer.start(round(seconds * 1000))

    def _deliver(self) -> None:
        if self._worker is None or self._delivering or self._connectivity != "online":
            return
        self._retry_timer.stop()
        self._delivering = True
        self._tasks.run(self._worker.deliver, on_done=self._delivered, on_error=self._delivery_failed,
                        name="deliver outbox")

    def _delivered(self, report: Any) -> None:
        self._delivering = False
        self._set_pending(report.pending)
        if report.delivered or report.rejected:
            self.delivered.emit()
        if report.retry_in is not None:
            self._retry_timer.start(max(50, round(report.retry_in * 1000)))
            if report.error:
                self._check_health()  # the failure may mean the backend went away
        elif report.pending and not report.busy:
            self._deliver()

    def _delivery_failed(self, _error: BaseException) -> None:
        self._delivering = False
        self._retry_timer.start(round(self._interval_s * 1000))

    def _set_pending(self, count: int) -> None:
        if count != self._pending:
            self._pending = count
            self.pendingCountChanged.emit()
        self._status.set_pending(count)

    def _set_connectivity(self, state: str) -> None:
        if state != self._connectivity:
            self._connectivity = state
            self.connectivityChanged.emit()
        self._status.set_connectivity(state)

    def _get_connectivity(self) -> str:
        return self._connectivity

    connectivity = Property(str, _get_connectivity, notify=connectivityChanged)

    def _get_pending(self) -> int:
        return self._pending

    pendingCount = Property(int, _get_pending, notify=pendingCountChanged)
