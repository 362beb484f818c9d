"""Media and apps after the first frame: the player, library, radio, video, the launcher and
what joins them (steering-wheel keys, guidance prompts, partner packages).

Startup owns the order (storage, backend, map); this module owns which media and app stores
exist for the configured features and hands each what it needs when it becomes available.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from headunit.core.config import Config
from headunit.core.signals import Quality

if TYPE_CHECKING:
    from PySide6.QtQuick import QQuickWindow

    from headunit.qt.stores.shell_store import ShellStore
    from headunit.qt.stores.status_store import StatusStore
    from headunit.qt.stores.vehicle_store import VehicleStore
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

log = logging.getLogger("headunit.startup")
MEDIA_ACTION = "Vehicle.Cabin.Infotainment.Media.Action"


def follow_wheel_keys(vehicle: VehicleStore, media: QObject) -> None:
    """Steering-wheel media keys: each change of VSS Media.Action to an action is one press
    (the release goes back to UNKNOWN), handed to the player's mediaAction. Only a new valid
    value counts: the source going stale, or coming back with the same value, presses nothing."""
    last = ["UNKNOWN"]

    def changed(paths: list[str]) -> None:
        sample = vehicle.state.get(MEDIA_ACTION) if MEDIA_ACTION in paths else None
        if sample is None or sample.quality != Quality.VALID or sample.value == last[0]:
            return
        last[0] = str(sample.value)
        if sample.value != "UNKNOWN":
            log.info("steering wheel media key: %s", sample.value)
            media.mediaAction(sample.value)

    vehicle.on_change(changed)


class MediaAndApps(QObject):
    """Creates the stores at once (cheap), attaches them to storage and the backend later."""

    def __init__(self, window: QQuickWindow, shell: ShellStore, status: StatusStore, config: Config,
                 tasks: TaskRunner, vehicle: VehicleStore, restrictions: QObject,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._data_dir = Path(config.paths.data_dir)
        self.media: Any = None
        self.library: Any = None
        self.radio: Any = None
        self.video: Any = None
        self.apps: Any = None
        self.prompts: Any = None
        self._closed = False
        features = config.features
        self.calls: Any = None
        if features.media:
            self._make_media(tasks, vehicle, restrictions)
            if config.vehicle.source == "simulator":
                from headunit.qt.call_simulator import CallSimulator

                self.calls = CallSimulator(self.media, shell.show_notice, parent=self)
        if features.apps:
            self._make_apps(tasks, shell, status, vehicle, restrictions, window)
        for name, store in (("media", self.media), ("library", self.library), ("radio", self.radio),
                            ("video", self.video), ("apps", self.apps), ("calls", self.calls)):
            if store is not None:
                window.setProperty(name, store)

    def _make_media(self, tasks: TaskRunner, vehicle: VehicleStore, restrictions: QObject) -> None:
        from headunit.qt.stores.library_store import LibraryStore
        from headunit.qt.stores.media_store import MediaStore
        from headunit.qt.stores.radio_store import RadioStore

        config = self._config
        self.media = MediaStore(tasks, config.media, parent=self)
        self.library = LibraryStore(tasks, restrictions, self.media, parent=self)
        self.radio = RadioStore(tasks, self.media, restrictions, config.backend.stale_after_s, parent=self)
        if config.features.video:
            from headunit.qt.stores.video_store import VideoStore

            self.video = VideoStore(tasks, restrictions, config.media, music=self.media, parent=self)
            self.library.scanFinished.connect(self.video.refresh)
        follow_wheel_keys(vehicle, self.media)

    def _make_apps(self, tasks: TaskRunner, shell: ShellStore, status: StatusStore, vehicle: VehicleStore,
                   restrictions: QObject, window: QQuickWindow) -> None:
        from headunit.qt.stores.apps_store import AppsStore
        from headunit.qt.stores.vehicle_readout import VehicleReadout

        self.apps = AppsStore(tasks, self._config.apps, restrictions, self._config.display.language, parent=self)
        provided = {"media": self.media, "library": self.library, "radio": self.radio, "video": self.video,
                    "vehicle": VehicleReadout(vehicle, parent=self, restrictions=restrictions), "network": status}
        for name, store in provided.items():
            self.apps.provide(name, store)
        self.apps.openAreaRequested.connect(shell.openArea)
        from PySide6.QtQml import qmlEngine

        engine = qmlEngine(window.contentItem())
        if engine is not None:
            self.apps.use_engine(engine)

    @property
    def install_dir(self) -> Path:
        return Path(self._config.apps.install_dir) if self._config.apps.install_dir else self._data_dir / "apps"

    def provide_pay(self, pay: QObject | None) -> None:
        """The reserve-and-pay store, for apps holding `payments` (made with the map stores)."""
        if self.apps is not None and pay is not None:
            self.apps.provide("pay", pay)

    def store_opened(self, store: Store | None) -> None:
        """Storage is open (None: it could not be opened; what needs no storage still works)."""
        media = self._config.media
        if self.media is not None and store is not None:
            from headunit.services.media.library import bundled_music_dir, bundled_video_dir

            music_dirs = list(media.music_dirs) or [bundled_music_dir()]
            video_dirs = list(media.video_dirs) or [bundled_video_dir()]
            self.media.attach(store)
            self.library.attach(store, music_dirs, video_dirs, self._data_dir / "media" / "covers")
            if self.video is not None:
                self.video.attach(store, video_dirs)
        if self.radio is not None:
            self.radio.attach(store, None)
        if self.apps is not None:
            self.apps.attach(store, self.install_dir)

    def follow_connectivity(self, sync: QObject) -> None:
        if self.radio is not None:
            self.radio.follow_connectivity(sync)

    def backend_ready(self, client: Any, local: bool) -> None:
        """The backend is known: live catalogue for the radio, partner apps for the launcher."""
        if self.radio is not None:
            self.radio.attach_client(client)
        if self.apps is not None:
            from headunit.services.apps.packages import PackageInstaller
            from headunit.services.apps.partner_key import package_public_key

            try:
                key = package_public_key(self._config.apps, self._data_dir, local_backend=local)
            except ValueError as error:
                log.error("partner apps cannot be installed: %s", error)
                key = None
            installer = PackageInstaller(self.install_dir, key, self._config.apps.granted_permissions)
            self.apps.attach_client(client, installer)

    def follow_route(self, route: QObject) -> None:
        """Guidance prompts lower the music while they play."""
        if self.media is not None and self.prompts is None:
            from headunit.qt.navigation_prompts import NavigationPrompts

            self.prompts = NavigationPrompts(route, self.media, parent=self)

    def close(self, save: bool = True) -> None:
        """Stop playback and save its state (on the worker; save=False when storage closes
        right after, with no worker time left); safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self.prompts is not None:
            self.prompts.close()
        if self.video is not None:
            self.video.close()
        if self.media is not None:
            self.media.close(save=save)
        if self.library is not None:
            self.library.detach()
