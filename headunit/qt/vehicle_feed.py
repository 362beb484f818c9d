"""Connects a vehicle signal source to the stores.

The source calls back on its own thread; the Bridge's signals carry the calls to
the GUI thread (queued connections), where VehicleStore and the restriction engine
are updated at once. Everything blocking (building the source from its files,
actuator writes to the bus, saving last-known values and the pre-heat schedule)
runs on the task runner's workers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from headunit.core.preheat import PreheatAction, action_for, next_occurrence
from headunit.core.signals import Sample
from headunit.qt.stores import StatusStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.vehicle_store import PRECONDITIONING, VehicleStore
from headunit.services.vehicle.persistence import (clear_preheat, load_preheat, load_signals, save_preheat,
                                                   save_signals)
from headunit.services.vehicle.source import SignalSource, SourceState, SourceStatus

if TYPE_CHECKING:
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

log = logging.getLogger("headunit.vehicle")

SAVE_INTERVAL_MS = 10_000


def link_status(vehicle: VehicleStore, restrictions: RestrictionsStore, status: StatusStore) -> None:
    """Every signal change re-evaluates the restrictions at once; the status bar and
    the warnings follow the driving state."""
    vehicle.on_change(restrictions.on_signals_changed)

    def driving_changed() -> None:
        vehicle.set_driving_state(restrictions.restrictions.state)
        summary()

    def summary() -> None:
        known = vehicle.dataState != "none"
        status.set_vehicle_summary(vehicle.speedKmh, vehicle.outsideTemperature,
                                   str(restrictions.restrictions.state) if known else "unknown")

    restrictions.restrictionsChanged.connect(driving_changed)
    for changed in (vehicle.motionChanged, vehicle.climateChanged, vehicle.dataStateChanged):
        changed.connect(summary)


class _Bridge(QObject):
    samples = Signal(object)
    status = Signal(object)


READY_TIMEOUT_MS = 2_000


class VehicleFeed(QObject):
    problem = Signal(str)  # a message for the driver (already translated)
    ready = Signal()  # once: first live samples shown, the source failed, or READY_TIMEOUT_MS passed

    def __init__(self, vehicle: VehicleStore, tasks: TaskRunner,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._vehicle = vehicle
        self._tasks = tasks
        self._now = now
        self._source: SignalSource | None = None
        self._store: Store | None = None
        self._unsaved = False
        self._preheat_due: datetime | None = None
        self._bridge = _Bridge(self)
        self._bridge.samples.connect(self._on_samples)
        self._bridge.status.connect(self._on_status)
        self._save_timer = QTimer(self, interval=SAVE_INTERVAL_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._preheat_timer = QTimer(self, singleShot=True)
        self._preheat_timer.timeout.connect(self._check_preheat)
        self._ready_sent = False
        self._ready_timer = QTimer(self, singleShot=True, interval=READY_TIMEOUT_MS)
        self._ready_timer.timeout.connect(self._send_ready)
        vehicle.writeRequested.connect(self.write)
        vehicle.preheatNowRequested.connect(lambda: self.write(PRECONDITIONING, True))
        vehicle.preheatScheduleRequested.connect(self.schedule_preheat)
        vehicle.preheatCancelRequested.connect(self.cancel_preheat)
        vehicle.on_change(lambda _: setattr(self, "_unsaved", True))

    @property
    def source(self) -> SignalSource | None:
        """The running source; None until it is built, or after stop()."""
        return self._source

    # -- start-up ---------------------------------------------------------------
    def start(self, build_source: Callable[[], SignalSource], store: Store | None) -> None:
        """Restore what the store kept, then build and start the source (on a worker)."""
        self._store = store
        if store is not None:
            self._tasks.run(lambda: (load_signals(store), load_preheat(store)), on_done=self._restored,
                            name="restore vehicle data")
            self._save_timer.start()
        self._tasks.run(build_source, on_done=self._source_built, on_error=self._source_failed,
                        name="build vehicle source")
        self._ready_timer.start()

    def _send_ready(self) -> None:
        if not self._ready_sent:
            self._ready_sent = True
            self._ready_timer.stop()
            self.ready.emit()

    def _restored(self, result: tuple[list[Sample], datetime | None]) -> None:
        samples, due = result
        if samples:
            newest = max(s.timestamp for s in samples)
            self._vehicle.load_last_known(samples, datetime.fromtimestamp(newest).astimezone())
        if due is not None:
            self._set_preheat(due)
            self._check_preheat()

    def _source_built(self, source: SignalSource) -> None:
        self._source = source
        log.info("vehicle source: %s", source.name)
        source.start(self._bridge.samples.emit, self._bridge.status.emit)
        self._check_preheat()  # one that came due while there was no source

    def _source_failed(self, error: BaseException) -> None:
        self._send_ready()
        self.problem.emit(QCoreApplication.translate("VehicleFeed", "Vehicle data unavailable: %1").replace(
            "%1", str(error)))

    # -- from the source (GUI thread, via the bridge) -------------------------------
    def _on_samples(self, samples: list[Sample]) -> None:
        self._vehicle.set_live(True)
        self._vehicle.apply_samples(samples)
        if not self._ready_sent:
            self._vehicle.flush()  # the first values are on screen before `ready`
            self._send_ready()

    def _on_status(self, status: SourceStatus) -> None:
        log.info("vehicle source %s%s", status.state, f": {status.detail}" if status.detail else "")
        if status.state in (SourceState.LOST, SourceState.STOPPED):
            self._vehicle.set_live(False)

    # -- commands ---------------------------------------------------------------
    def write(self, path: str, value: object) -> None:
        source = self._source
        if source is None:
            self.problem.emit(QCoreApplication.translate("VehicleFeed", "The vehicle is not connected."))
            return
        self._tasks.run(source.write, path, value, name=f"write {path}",
                        on_error=lambda exc: self.problem.emit(str(exc)))

    def schedule_preheat(self, hour: int, minute: int) -> None:
        now = self._now()
        due = next_occurrence(hour, minute, now, datetime.now().astimezone().tzinfo)
        self._set_preheat(due)
        if self._store is not None:
            self._tasks.run(save_preheat, self._store, due, now, name="save pre-heat")

    def cancel_preheat(self) -> None:
        self._set_preheat(None)
        if self._store is not None:
            self._tasks.run(clear_preheat, self._store, name="clear pre-heat")

    def _set_preheat(self, due: datetime | None) -> None:
        self._preheat_due = due
        self._preheat_timer.stop()
        if due is None:
            self._vehicle.set_preheat_due("")
            return
        local = due.astimezone()
        self._vehicle.set_preheat_due(f"{local.hour:02d}:{local.minute:02d}")
        wait_ms = (due - self._now()).total_seconds() * 1000
        self._preheat_timer.start(int(min(max(wait_ms, 0), 2**31 - 1)))

    def _check_preheat(self) -> None:
        if self._preheat_due is None:
            return
        action = action_for(self._preheat_due, self._now())
        if action == PreheatAction.WAIT:
            self._set_preheat(self._preheat_due)
            return
        if action == PreheatAction.RUN:
            if self._source is None:
                return  # runs once the source is up
            log.info("pre-heat due at %s: starting", self._preheat_due.isoformat())
            self.write(PRECONDITIONING, True)
        else:
            log.warning("pre-heat due at %s was missed by more than the grace; not run", self._preheat_due.isoformat())
        self.cancel_preheat()

    # -- shutdown ---------------------------------------------------------------
    def save_now(self) -> None:
        if self._store is None or not self._unsaved:
            return
        self._unsaved = False
        self._tasks.run(save_signals, self._store, list(self._vehicle.state.samples.values()),
                        name="save last-known vehicle data")

    def stop(self) -> None:
        """At shut-down: stop the source and save the last-known values (the GUI is gone)."""
        self._save_timer.stop()
        self._preheat_timer.stop()
        if self._source is not None:
            self._source.stop()
            self._source = None
        if self._store is not None and self._unsaved:
            save_signals(self._store, list(self._vehicle.state.samples.values()))
            self._unsaved = False
        self._store = None  # the caller closes it; a second stop() does nothing
