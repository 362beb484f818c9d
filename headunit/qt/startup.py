"""What the head unit does after its first frame: open storage, start the clock,
connect the vehicle.

Nothing here runs before the first frame, and nothing blocking runs on the GUI
thread: the database is opened (and migrated) on the worker executor, and so is
the vehicle source built from its files.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from headunit.core.config import Config
from headunit.qt.stores import ShellStore, StatusStore

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickWindow

    from headunit.qt.stores.restrictions_store import RestrictionsStore
    from headunit.qt.stores.vehicle_store import VehicleStore
    from headunit.qt.vehicle_feed import VehicleFeed
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

log = logging.getLogger("headunit.startup")


def _open_store(data_dir: Path) -> Store:
    from headunit.services.store import Store  # imported off the GUI thread, after the first frame

    return Store.open(data_dir)


class Startup(QObject):
    def __init__(
        self,
        window: QQuickWindow,
        shell: ShellStore,
        status: StatusStore,
        config: Config,
        scenario_start: float = 0.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._shell = shell
        self._status = status
        self._config = config
        self.vehicle: VehicleStore | None = None
        self.restrictions: RestrictionsStore | None = None
        self._scenario_start = scenario_start
        self._data_dir = Path(config.paths.data_dir)
        self._tasks: TaskRunner | None = None
        self.store: Store | None = None
        self.feed: VehicleFeed | None = None
        self._connectivity: QObject | None = None

    def begin(self, tasks: TaskRunner) -> None:
        """Called once the first frame is on screen, with the worker pool to use."""
        self._tasks = tasks
        self._make_vehicle_stores()
        self._status.start_clock()
        from headunit.qt.connectivity import ConnectivityMonitor

        self._connectivity = ConnectivityMonitor(self._status, self)
        self._connectivity.start()
        tasks.run(
            _open_store,
            self._data_dir,
            on_done=self._store_opened,
            on_error=self._store_failed,
            name="open store",
        )

    def _store_opened(self, store: Store) -> None:
        self.store = store
        log.info("store ready: %s (schema version %d)", store.path, store.schema_version)
        self._shell.set_storage_state("ready")
        self._connect_vehicle()

    def _store_failed(self, error: BaseException) -> None:
        from headunit.services.store import DatabaseTooNewError

        if isinstance(error, DatabaseTooNewError):
            text = QCoreApplication.translate(
                "Startup",
                "Saved data comes from a newer software version and was left untouched. "
                "Settings and history are unavailable until the software is updated.",
            )
        else:
            text = QCoreApplication.translate(
                "Startup", "Saved data could not be opened. Settings and history are unavailable."
            )
        self._shell.set_storage_state("unavailable")
        self._shell.show_notice(text)
        self._connect_vehicle()

    def _make_vehicle_stores(self) -> None:
        """After the first frame: the vehicle stores and what they import cost ~25 ms."""
        from headunit.qt.stores.restrictions_store import RestrictionsStore
        from headunit.qt.stores.vehicle_store import VehicleStore
        from headunit.qt.vehicle_feed import link_status

        self.vehicle = VehicleStore(self._config.vehicle, parent=self)
        self.restrictions = RestrictionsStore(self._config.restrictions, self.vehicle.state, parent=self)
        link_status(self.vehicle, self.restrictions, self._status)
        self._window.setProperty("vehicle", self.vehicle)
        self._window.setProperty("restrictions", self.restrictions)

    def _connect_vehicle(self) -> None:
        """The vehicle feed starts once storage has answered (it restores last-known values)."""
        from headunit.qt.vehicle_feed import VehicleFeed
        from headunit.services.vehicle.factory import build_source

        assert self._tasks is not None and self.vehicle is not None
        self.feed = VehicleFeed(self.vehicle, self._tasks, parent=self)
        self.feed.problem.connect(self._shell.show_notice)
        self.feed.ready.connect(self._shell.mark_started)
        config, start_at = self._config, self._scenario_start
        self.feed.start(lambda: build_source(config, start_at), self.store)

    def close(self) -> None:
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        if self.store is not None:
            self.store.close()
            self.store = None
