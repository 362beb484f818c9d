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
    from headunit.qt.backend_link import BackendLink
    from headunit.qt.media_startup import MediaAndApps
    from headunit.qt.stores.live_data_store import LiveDataStore
    from headunit.qt.stores.sync_store import SyncStore
    from headunit.qt.vehicle_feed import VehicleFeed
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

log = logging.getLogger("headunit.startup")


def _open_store(data_dir: Path) -> Store:
    from headunit.services.store import Store  # imported off the GUI thread, after the first frame

    return Store.open(data_dir)


def _open_map(config: Config, stage):  # noqa: ANN001, ANN202 - worker; MapService imported here
    from headunit.services.map.service import MapService, ensure_map

    return MapService(ensure_map(config, stage))


class Startup(QObject):
    def __init__(
        self,
        window: QQuickWindow,
        shell: ShellStore,
        status: StatusStore,
        config: Config,
        scenario_start: float = 0.0,
        parent: QObject | None = None,
        route_poi: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._shell = shell
        self._status = status
        self._config = config
        self.vehicle: VehicleStore | None = None
        self.restrictions: RestrictionsStore | None = None
        self._scenario_start = scenario_start
        self._route_poi = route_poi
        self._data_dir = Path(config.paths.data_dir)
        self._tasks: TaskRunner | None = None
        self.store: Store | None = None
        self.feed: VehicleFeed | None = None
        self.sync: SyncStore | None = None
        self.backend: BackendLink | None = None
        self._closed = False
        self._sync_attached = False
        self._backend_requested = False
        self.map: QObject | None = None
        self.map_search: QObject | None = None
        self.route: QObject | None = None
        self.live_data: LiveDataStore | None = None
        self.pay: QObject | None = None  # PayStore and ReservationsStore, when payments are on
        self.reservations: QObject | None = None
        self._tiles = None  # the TileProvider, once the map is open
        self.media_apps: MediaAndApps | None = None

    def begin(self, tasks: TaskRunner) -> None:
        """Called once the first frame is on screen, with the worker pool to use."""
        self._tasks = tasks
        self._make_vehicle_stores()
        self._make_media_stores(tasks)
        if self._config.features.map:
            self._make_map_stores(tasks)
        self._status.start_clock()
        self._start_backend(tasks)
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
        if self.live_data is not None:
            self.live_data.attach_store(store)
        self._attach_pay(None)
        self._connect_vehicle()
        self._attach_sync()
        self._attach_media(store)

    def _attach_media(self, store: Store | None) -> None:
        """The library scan, app discovery and catalogues once the vehicle is live: what the
        driver needs first (vehicle data, the map) does not queue behind them on the worker."""
        if self._shell.started:
            self.media_apps.store_opened(store)
            return

        def started() -> None:
            self._shell.startedChanged.disconnect(started)
            if not self._closed:
                self.media_apps.store_opened(store)

        self._shell.startedChanged.connect(started)

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
        self._attach_sync()
        self._attach_media(None)

    def _start_backend(self, tasks: TaskRunner) -> None:
        """The backend (a local child process unless one is configured) and its client,
        once the vehicle is live: what the driver needs first comes first, and the HTTP
        stack (requests, urllib3, OpenSSL: ~20 MB) loads after start-up."""
        from headunit.qt.stores.sync_store import SyncStore

        self.sync = SyncStore(tasks, self._status, self._config.backend.health_interval_s, parent=self)
        self._window.setProperty("sync", self.sync)
        if self.live_data is not None:
            self.live_data.follow_connectivity(self.sync)
        if self.pay is not None:
            self.pay.follow_connectivity(self.sync)
            self.reservations.follow_connectivity(self.sync)
        self.media_apps.follow_connectivity(self.sync)
        if self._shell.started:
            self._connect_backend()
        else:
            self._shell.startedChanged.connect(self._connect_backend)

    def _connect_backend(self) -> None:
        from headunit.qt.backend_link import connect_backend

        if self._backend_requested or self._tasks is None or self._closed:
            return
        self._backend_requested = True
        self._tasks.run(connect_backend, self._config, on_done=self._backend_ready, on_error=self._backend_failed,
                        name="connect backend")

    def _backend_ready(self, link: BackendLink) -> None:
        if self._closed:
            link.close()
            return
        self.backend = link
        log.info("backend at %s%s", link.url, " (local reference backend)" if link.local else "")
        if self.live_data is not None:
            self.live_data.attach_client(link.client)
        self.media_apps.backend_ready(link.client, link.local)
        self._attach_sync()

    def _backend_failed(self, error: BaseException) -> None:
        from headunit.services.backend.errors import AuthError

        assert self.sync is not None
        self.sync.mark_offline()
        if isinstance(error, AuthError):
            self._shell.show_notice(QCoreApplication.translate(
                "Startup", "This vehicle is not registered with the online services. "
                           "Reservations and payments are unavailable."))

    def _attach_sync(self) -> None:
        """Once the backend is known: health checks at once; outbox delivery once storage is open too."""
        if self.backend is None or self.sync is None or self._sync_attached:
            return
        if self.store is None and self._shell.storageState == "starting":
            return
        from headunit.services.backend.sync import SyncWorker

        self._sync_attached = True
        worker = SyncWorker(self.store, self.backend.client) if self.store is not None else None
        self.sync.attach(self.backend.client, worker)
        if worker is not None:
            self._attach_pay(worker)

    def _attach_pay(self, worker) -> None:  # noqa: ANN001 - SyncWorker, imported late
        """Reserve and pay: the offline cache and My reservations once storage is open, the
        steps that talk to the backend once it is known too (sharing the outbox's worker)."""
        if self.pay is None or self.store is None:
            return
        service = None
        if worker is not None:
            from headunit.services.pay.payments import PaymentService

            service = PaymentService(self.store, self.backend.client, worker)
        client = self.backend.client if self.backend is not None else None
        self.pay.attach(service, self.store, client, self._config.backend.stale_after_s)
        self.reservations.attach(service, self.store)

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

    def _make_media_stores(self, tasks: TaskRunner) -> None:
        from headunit.qt.media_startup import MediaAndApps

        self.media_apps = MediaAndApps(self._window, self._shell, self._status, self._config, tasks,
                                       self.vehicle, self.restrictions, parent=self)

    def _make_map_stores(self, tasks: TaskRunner) -> None:
        """The map opens on a worker (importing the default extract on the very first start)."""
        from headunit.qt.stores.live_data_store import LiveDataStore
        from headunit.qt.stores.map_search_store import MapSearchStore
        from headunit.qt.stores.map_store import MapStore
        from headunit.qt.stores.route_store import RouteStore

        config = self._config
        self.map = MapStore(config.map, parent=self)
        self.map_search = MapSearchStore(self.map, self.restrictions, tasks, parent=self)
        self.route = RouteStore(self.map, tasks, config.map.off_route_m, parent=self)
        self.live_data = LiveDataStore(tasks, config.backend.stale_after_s, parent=self)
        self.live_data.follow_selection(self.map)
        if config.features.payments:
            self._make_pay_stores(tasks)
            self.media_apps.provide_pay(self.pay)
        self.media_apps.follow_route(self.route)
        self.map.follow_vehicle(self.vehicle)
        if self._route_poi is not None:
            self.map.stateChanged.connect(self._start_route_poi)
            self.map.open()
        self.map.prepare(tasks, lambda stage: _open_map(config, stage), self._install_tiles)
        self._window.setProperty("mapStore", self.map)
        self._window.setProperty("mapSearch", self.map_search)
        self._window.setProperty("route", self.route)
        self._window.setProperty("liveData", self.live_data)

    def _make_pay_stores(self, tasks: TaskRunner) -> None:
        from headunit.core.pay.quote import VehicleEnergy
        from headunit.qt.stores.pay_store import PayStore
        from headunit.qt.stores.reservations_store import ReservationsStore

        self.pay = PayStore(tasks, self._config.pay, self.restrictions, parent=self)
        self.reservations = ReservationsStore(tasks, parent=self)
        self.pay.finished.connect(self.reservations.reload)
        vehicle, capacities = self.vehicle, self._config.vehicle

        def energy() -> None:
            fuel, soc = vehicle.property("fuelPercent"), vehicle.property("socPercent")
            self.pay.set_energy(VehicleEnergy(
                fuel_percent=None if fuel is None or fuel != fuel else fuel,
                soc_percent=None if soc is None or soc != soc else soc,
                tank_l=capacities.tank_capacity_l, battery_kwh=capacities.battery_capacity_kwh))

        vehicle.energyChanged.connect(energy)
        energy()
        self._window.setProperty("pay", self.pay)
        self._window.setProperty("reservations", self.reservations)

    def _start_route_poi(self) -> None:
        """`simulate --route POI`: guidance to the POI the simulated car drives to."""
        if self.map.state == "ready" and self._route_poi is not None:
            poi, self._route_poi = self._route_poi, None
            self.route.routeToPoi(poi)

    def _install_tiles(self, service) -> str:  # noqa: ANN001 - MapService, imported on a worker
        """GUI thread, once the map is open: the tile provider; returns the canvas's tile source."""
        from PySide6.QtQml import qmlEngine

        from headunit.qt.map.tile_provider import install_tile_provider

        cache = self._data_dir / "cache" / "map-tiles.db"
        self._tiles = install_tile_provider(qmlEngine(self._window), service.path, cache,
                                            max_bytes=self._config.map.tile_cache_mb * 1_000_000)
        return f"image://maptiles/{service.map_id}"

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

    def prepare_to_quit(self) -> None:
        """While the worker still runs: stop media and save what must outlive the run."""
        if self.media_apps is not None:
            self.media_apps.close()

    def close(self) -> None:
        self._closed = True
        if self.media_apps is not None:  # saved already by prepare_to_quit when the app quits
            self.media_apps.close(save=False)
        if self.sync is not None:
            self.sync.stop()
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        if self._tiles is not None:  # before the engine goes: its reader thread may be rendering
            self._tiles.shutdown()
            self._tiles = None
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.map is not None and self.map.service is not None:
            self.map.service.close()
