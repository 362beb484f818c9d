"""The app launcher and host, for QML: the apps found on disk in the driver's order, paged;
the recently used row for Home; the one app running in the shell; and the partner app
catalogue (partner_catalogue.py) to install from.

Discovery, the saved order and every write run on the worker; writes go one at a time,
in order, so the last arrangement the driver made is the one saved.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable, QQmlEngine

from headunit.core.apps.launcher import arrange, recent
from headunit.core.apps.launcher import move as moved_order
from headunit.qt.apps.app_context import STORE_PERMISSIONS, AppContext, context_for
from headunit.qt.stores.partner_catalogue import PartnerCatalogue
from headunit.qt.stores.row_model import DictListModel

if TYPE_CHECKING:
    from headunit.core.config import AppsConfig
    from headunit.qt.tasks import TaskRunner
    from headunit.services.apps.launcher_state import LauncherRecord
    from headunit.services.apps.registry import AppInfo, AppRoot, Discovery, Refusal
    from headunit.services.store import Store

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.apps")

ROLES = ("appId", "name", "iconUrl", "category", "usableWhileMoving", "builtin", "position")
RECENT_LIMIT = 5
DEFAULT_PER_PAGE = 12


def app_roots(config: AppsConfig, install_dir: Path) -> list[AppRoot]:
    """Where apps are looked for, in this order: built-in, the configured dirs, installed."""
    from headunit.services.apps.registry import BUILTIN_APPS_DIR, AppRoot

    return [AppRoot(BUILTIN_APPS_DIR, True), *(AppRoot(Path(d), False) for d in config.dirs),
            AppRoot(Path(install_dir), False)]


def _scan(roots: Sequence[AppRoot], granted: Sequence[str], install_dir: Path,
          store: Store | None) -> tuple[Discovery, LauncherRecord]:
    """Worker: the apps on disk and the saved launcher state. The install dir not existing
    yet only means no partner app was installed."""
    from headunit.services.apps.launcher_state import LauncherRecord, load_launcher
    from headunit.services.apps.registry import discover

    roots = [r for r in roots if r.path != install_dir or r.path.exists()]
    found = discover(roots, granted)
    return found, load_launcher(store) if store is not None else LauncherRecord()


def _file_url(path: Path) -> str:
    return QUrl.fromLocalFile(str(path)).toString()


@QmlElement
@QmlUncreatable("AppsStore is created by the application")
class AppsStore(QObject):
    appsChanged = Signal()  # the apps, their order, the pages, the recent row
    perPageChanged = Signal()
    currentChanged = Signal()  # the running app, whether it is in front, whether it failed
    drivingChanged = Signal()  # moving, currentBlocked
    readyChanged = Signal()
    catalogueChanged = Signal()  # catalogueMessage, catalogueLoading, catalogueFailed
    openAreaRequested = Signal(str)

    def __init__(self, tasks: TaskRunner, apps_config: AppsConfig, restrictions: QObject | None, language: str,
                 parent: QObject | None = None, *, clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._config = apps_config
        self._restrictions = restrictions
        self._language = language
        self._clock = clock
        self._stores: dict[str, QObject | None] = {"restrictions": restrictions}
        self._apps: dict[str, AppInfo] = {}
        self._order: list[str] = []
        self._last_used: dict[str, float] = {}
        self.refused: tuple[Refusal, ...] = ()
        self._ready = False
        self._per_page = DEFAULT_PER_PAGE
        self._model = DictListModel(ROLES, self)
        self._recent = DictListModel(ROLES, self)
        self._media = DictListModel(ROLES, self)
        self._store: Store | None = None
        self._install_dir: Path | None = None
        self._current: AppInfo | None = None
        self._context: AppContext | None = None
        self._retired: AppContext | None = None
        self._shown = False
        self._failed = False
        self._writes: deque[tuple[Callable[..., Any], tuple[Any, ...], str]] = deque()
        self._writing = False
        self._installs: dict[str, int] = {}  # app id -> times installed while running
        self._engine: QQmlEngine | None = None
        self._stale_code = False
        self._moving = self._is_moving()
        self.partners = PartnerCatalogue(tasks, language, self)
        self.partners.changed.connect(self.catalogueChanged)
        self.partners.installed.connect(self._installed)
        self.partners.removed.connect(self._removed)
        if restrictions is not None:
            restrictions.restrictionsChanged.connect(self._restrictions_changed)

    # --- wiring (Python) ---

    def provide(self, name: str, store: QObject | None) -> None:
        """A store apps may be handed (STORE_PERMISSIONS' names). Apps launched from now on
        get it when their permissions allow; provide every store before `attach`."""
        if name not in STORE_PERMISSIONS:
            raise ValueError(f"provide: no app store called {name!r} (known: {', '.join(STORE_PERMISSIONS)})")
        self._stores[name] = store

    def attach(self, store: Store | None, install_dir: Path, roots: Sequence[AppRoot] | None = None) -> None:
        """Find the apps (in ``roots``, by default `app_roots`) and the saved order and use, on
        the worker. ``store`` None: the order and use are not saved (storage unavailable)."""
        self._store = store
        self._install_dir = Path(install_dir)
        found_in = list(roots) if roots is not None else app_roots(self._config, self._install_dir)
        self._tasks.run(_scan, found_in, tuple(self._config.granted_permissions), self._install_dir, store,
                        on_done=self._scanned, name="discover apps")

    def use_engine(self, engine: QQmlEngine) -> None:
        """The QML engine that hosts the apps: after an app is updated or removed, its old
        QML is dropped from the engine's cache before the next launch."""
        self._engine = engine

    def attach_client(self, client: Any, installer: Any) -> None:
        """Partner apps: the backend client (app_catalogue, app_package) and the PackageInstaller."""
        self.partners.attach(client, installer)

    def _scanned(self, result: tuple[Discovery, LauncherRecord]) -> None:
        found, record = result
        self._apps = {app.id: app for app in found.apps}
        self.refused = found.refused
        self._order = arrange([app.id for app in found.apps], record.positions)
        self._last_used = {k: v for k, v in record.last_used.items() if k in self._apps}
        log.info("apps: %d found, %d refused", len(self._apps), len(found.refused))
        self.partners.set_installed(self._installed_here(self._apps.values()))
        self._rebuild()
        if not self._ready:
            self._ready = True
            self.readyChanged.emit()

    def _installed_here(self, apps: Iterable[AppInfo]) -> dict[str, str]:
        """Partner apps in the install dir (what the installer may remove), id -> name."""
        return {app.id: app.manifest.name_for(self._language) for app in apps
                if self._install_dir is not None and app.folder.parent == self._install_dir}

    # --- the launcher ---

    ready = Property(bool, lambda self: self._ready, notify=readyChanged)
    apps = Property(QObject, lambda self: self._model, constant=True)
    recent = Property(QObject, lambda self: self._recent, constant=True)
    mediaApps = Property(QObject, lambda self: self._media, constant=True)
    catalogue = Property(QObject, lambda self: self.partners.model, constant=True)
    catalogueMessage = Property(str, lambda self: self.partners.message, notify=catalogueChanged)
    catalogueLoading = Property(bool, lambda self: self.partners.loading, notify=catalogueChanged)
    catalogueFailed = Property(bool, lambda self: self.partners.failed, notify=catalogueChanged)
    perPage = Property(int, lambda self: self._per_page, notify=perPageChanged)
    pageCount = Property(int, lambda self: math.ceil(len(self._order) / self._per_page), notify=appsChanged)
    appCount = Property(int, lambda self: len(self._order), notify=appsChanged)
    recentCount = Property(int, lambda self: self._recent.rowCount(), notify=appsChanged)

    @property
    def order(self) -> list[str]:
        return list(self._order)

    @Slot(int)
    def setPerPage(self, per_page: int) -> None:
        """How many apps one page of the grid holds (the grid decides from its size)."""
        per_page = max(1, per_page)
        if per_page != self._per_page:
            self._per_page = per_page
            self.perPageChanged.emit()
            self.appsChanged.emit()

    @Slot(int, int)
    def move(self, from_index: int, to_index: int) -> None:
        """Move the app at ``from_index`` of the order to ``to_index``, and save the order."""
        moved = moved_order(self._order, from_index, to_index)
        if moved == self._order:
            return
        self._order = moved
        self._rebuild()
        self._save_order()

    def _save_order(self) -> None:
        from headunit.services.apps.launcher_state import save_order

        self._persist(save_order, tuple(self._order), name="save launcher order")

    def _row(self, app: AppInfo, position: int) -> dict[str, Any]:
        manifest = app.manifest
        return {"appId": app.id, "name": manifest.name_for(self._language), "iconUrl": _file_url(app.icon_path),
                "category": manifest.category, "usableWhileMoving": manifest.usable_while_moving,
                "builtin": app.builtin, "position": position}

    def _rebuild(self) -> None:
        rows = [self._row(self._apps[app_id], position) for position, app_id in enumerate(self._order)]
        self._model.reset(rows)
        self._media.reset([row for row in rows if row["category"] == "media"])
        by_id = {row["appId"]: row for row in rows}
        self._recent.reset([by_id[app_id] for app_id in recent(self._order, self._last_used, RECENT_LIMIT)])
        self.appsChanged.emit()

    # --- the running app ---

    currentAppId = Property(str, lambda self: self._current.id if self._current else "", notify=currentChanged)
    currentName = Property(str, lambda self: self._current.manifest.name_for(self._language) if self._current
                           else "", notify=currentChanged)
    currentEntryUrl = Property(str, lambda self: self._entry_url(), notify=currentChanged)
    currentContext = Property(QObject, lambda self: self._context, notify=currentChanged)
    currentFailed = Property(bool, lambda self: self._failed, notify=currentChanged)
    appShown = Property(bool, lambda self: self._shown and self._current is not None, notify=currentChanged)
    moving = Property(bool, lambda self: self._moving, notify=drivingChanged)
    currentBlocked = Property(bool, lambda self: self._blocked(), notify=drivingChanged)

    def _entry_url(self) -> str:
        """The running app's entry; for an app (re)installed while running, with the install
        count as a query, so the engine compiles the new file instead of reusing the old."""
        if self._current is None:
            return ""
        url = _file_url(self._current.entry_path)
        installs = self._installs.get(self._current.id, 0)
        return f"{url}?install={installs}" if installs else url

    @Slot(str)
    def launch(self, app_id: str) -> None:
        """Bring ``app_id`` to the front. One app at a time: another one replaces the running
        app; the running one comes back as it was left."""
        app = self._apps.get(app_id)
        if app is None:
            log.warning("launch: no app %r (known: %s)", app_id, ", ".join(self._order))
            return
        self.openAreaRequested.emit("apps")
        now = self._clock()
        self._last_used[app_id] = now
        self._rebuild()
        from headunit.services.apps.launcher_state import mark_used

        self._persist(mark_used, app_id, now, name="mark app used")
        if self._current is not None and self._current.id == app_id:
            if not self._shown:
                self._shown = True
                self.currentChanged.emit()
            return
        log.info("app %s %s started", app_id, app.manifest.version)
        if self._stale_code and self._engine is not None:
            self._engine.collectGarbage()
            self._engine.trimComponentCache()
            self._stale_code = False
        blocked = self._blocked()
        self._retire(context_for(app, self._stores, self._language, self))
        self._current, self._shown, self._failed = app, True, False
        self.currentChanged.emit()
        if self._blocked() != blocked:
            self.drivingChanged.emit()

    @Slot()
    def showLauncher(self) -> None:
        """Back to the grid; the running app stays as it is, behind it."""
        if self._shown:
            self._shown = False
            self.currentChanged.emit()

    @Slot()
    def closeApp(self) -> None:
        if self._current is None:
            return
        log.info("app %s closed", self._current.id)
        blocked = self._blocked()
        self._retire(None)
        self._current, self._shown, self._failed = None, False, False
        self.currentChanged.emit()
        if blocked:
            self.drivingChanged.emit()

    @Slot(str, str)
    def reportAppError(self, app_id: str, message: str) -> None:
        """The view could not create the app's QML: logged here, the view says it could not start."""
        if self._current is None or self._current.id != app_id:
            return
        log.error("app %s could not be started from %s: %s", app_id, self._current.entry_path, message.strip())
        if not self._failed:
            self._failed = True
            self.currentChanged.emit()

    def _retire(self, context: AppContext | None) -> None:
        """Swap in a new context. The one replaced stays alive until the next swap, so the QML
        of the app it served is gone (destroyed later in the event loop) before it is."""
        if self._retired is not None:
            self._retired.deleteLater()
        self._retired, self._context = self._context, context

    def _is_moving(self) -> bool:
        # Fail-safe: no restrictions known is treated as moving.
        return self._restrictions is None or self._restrictions.property("drivingState") == "moving"

    def _blocked(self) -> bool:
        return self._current is not None and not self._current.manifest.usable_while_moving and self._moving

    def _restrictions_changed(self) -> None:
        moving = self._is_moving()
        if moving != self._moving:
            self._moving = moving
            self.drivingChanged.emit()

    # --- partner apps ---

    @Slot()
    def refreshCatalogue(self) -> None:
        self.partners.refresh()

    @Slot(str)
    def install(self, app_id: str) -> None:
        self.partners.install(app_id)

    @Slot(str)
    def uninstall(self, app_id: str) -> None:
        self.partners.uninstall(app_id)

    def _installed(self, app: AppInfo) -> None:
        if self._current is not None and self._current.id == app.id:
            self.closeApp()  # an update: the next launch runs the new version
        self._apps[app.id] = app
        self._installs[app.id] = self._installs.get(app.id, 0) + 1
        self._stale_code = True
        self.partners.set_installed(self._installed_here(self._apps.values()))
        if app.id not in self._order:
            self._order.append(app.id)
            self._save_order()
        self._rebuild()

    def _removed(self, app_id: str) -> None:
        if self._current is not None and self._current.id == app_id:
            self.closeApp()
        self._apps.pop(app_id, None)
        self._last_used.pop(app_id, None)
        self._stale_code = True
        self.partners.set_installed(self._installed_here(self._apps.values()))
        if app_id in self._order:
            self._order.remove(app_id)
            self._save_order()
        self._rebuild()

    # --- writes, one at a time ---

    def _persist(self, fn: Callable[..., Any], *args: Any, name: str) -> None:
        if self._store is None:
            return
        self._writes.append((fn, args, name))
        self._next_write()

    def _next_write(self) -> None:
        if self._writing or not self._writes:
            return
        fn, args, name = self._writes.popleft()
        self._writing = True

        def finished(_result: object = None) -> None:
            self._writing = False
            self._next_write()

        self._tasks.run(fn, self._store, *args, on_done=finished, on_error=finished, name=name)
