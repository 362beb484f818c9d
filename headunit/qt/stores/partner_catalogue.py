"""Partner apps for the launcher's "Get more apps" page: the backend's catalogue, each app
marked installed or not, and installing or removing one on the worker.

Part of AppsStore (which owns the installed apps); QML sees it through AppsStore's
catalogue, catalogueMessage and install/uninstall. A refused package or a failed
download leaves a translated line on the app's row that says why.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from headunit.qt.stores.row_model import DictListModel

if TYPE_CHECKING:
    from headunit.core.backend.models import PartnerApp
    from headunit.qt.tasks import TaskRunner
    from headunit.services.apps.registry import AppInfo

log = logging.getLogger("headunit.apps")

ROLES = ("appId", "name", "summary", "installed", "installing", "removing", "error")

_C = "AppsStore"
_NOT_CONNECTED = QT_TRANSLATE_NOOP("AppsStore", "More apps can be added once the car is online.")
_OFFLINE = QT_TRANSLATE_NOOP("AppsStore", "Offline: the app catalogue needs a connection. Try again when online.")
_LOADING = QT_TRANSLATE_NOOP("AppsStore", "Loading the app catalogue…")
_FAILED = QT_TRANSLATE_NOOP("AppsStore", "The app catalogue could not be loaded. Try again later.")
_EMPTY = QT_TRANSLATE_NOOP("AppsStore", "No partner apps are offered for this car yet.")
_REFUSED = QT_TRANSLATE_NOOP("AppsStore", "Not installed: %1")
# The installer's reasons (services/apps/packages.py) a driver may meet, in their words;
# any other reason is shown as the installer gives it.
_REASONS = (
    ("unsigned package", QT_TRANSLATE_NOOP("AppsStore", "the package is not signed.")),
    ("signature does not match",
     QT_TRANSLATE_NOOP("AppsStore", "its signature does not match, so it may have been altered.")),
    ("no package signing key", QT_TRANSLATE_NOOP("AppsStore", "this car has no key to check app packages with.")),
)
_PERMISSION = re.compile(r"permission '([a-z.]+)' is not granted")
_NOT_GRANTED = QT_TRANSLATE_NOOP("AppsStore", "it needs the permission “%1”, which this car does not grant.")
_DOWNLOAD_OFFLINE = QT_TRANSLATE_NOOP("AppsStore", "Not installed: no connection. Try again when online.")
_DOWNLOAD_FAILED = QT_TRANSLATE_NOOP("AppsStore", "Not installed: the download failed. Try again later.")
_INSTALL_FAILED = QT_TRANSLATE_NOOP("AppsStore", "Not installed: the app could not be saved on this car.")
_REMOVE_FAILED = QT_TRANSLATE_NOOP("AppsStore", "The app could not be removed.")


def tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _install_error(error: BaseException) -> str:
    """The driver's line for an install that failed."""
    from headunit.services.apps.packages import PackageRefused
    from headunit.services.backend.errors import BackendError, BackendUnavailable

    if isinstance(error, PackageRefused):
        reason = str(error)
        said = next((tr(text) for start, text in _REASONS if reason.startswith(start)), reason)
        if (permission := _PERMISSION.search(reason)) is not None:
            said = tr(_NOT_GRANTED).replace("%1", permission.group(1))
        return tr(_REFUSED).replace("%1", said)
    if isinstance(error, BackendUnavailable):
        return tr(_DOWNLOAD_OFFLINE)
    if isinstance(error, BackendError):
        return tr(_DOWNLOAD_FAILED)
    return tr(_INSTALL_FAILED)


def _download_and_install(client: Any, installer: Any, app_id: str) -> AppInfo:
    """Worker: fetch the signed package and hand it to the installer, which verifies it."""
    package, signature = client.app_package(app_id)
    return installer.install(package, signature, expected_id=app_id)


class PartnerCatalogue(QObject):
    changed = Signal()  # message, loading, failed
    installed = Signal(object)  # AppInfo of the app just installed
    removed = Signal(str)  # id of the app just removed

    def __init__(self, tasks: TaskRunner, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._language = language
        self.model = DictListModel(ROLES, self)
        self._client: Any = None
        self._installer: Any = None
        self._offered: tuple[PartnerApp, ...] = ()
        self._installed: dict[str, str] = {}  # id -> name, of the apps in the install dir
        self._installing: set[str] = set()
        self._removing: set[str] = set()
        self._errors: dict[str, str] = {}
        self.loading = False
        self.failed = False  # the last load failed: trying again may help
        self.message = tr(_NOT_CONNECTED)

    def attach(self, client: Any, installer: Any) -> None:
        self._client, self._installer = client, installer
        self.refresh()

    def set_installed(self, installed: Mapping[str, str]) -> None:
        self._installed = dict(installed)
        self._rebuild()

    def refresh(self) -> None:
        if self._client is None or self.loading:
            return
        self.loading = True
        if not self._offered:
            self.message = tr(_LOADING)
        self.changed.emit()
        self._tasks.run(self._client.app_catalogue, on_done=self._loaded, on_error=self._load_failed,
                        name="app catalogue")

    def _loaded(self, offered: tuple[PartnerApp, ...]) -> None:
        self._offered = tuple(offered)
        self.loading = self.failed = False
        self.message = "" if self._offered else tr(_EMPTY)
        self._rebuild()
        self.changed.emit()

    def _load_failed(self, error: BaseException) -> None:
        from headunit.services.backend.errors import BackendUnavailable

        self.loading, self.failed = False, True
        log.info("app catalogue not loaded: %s", error)
        self.message = tr(_OFFLINE if isinstance(error, BackendUnavailable) else _FAILED)
        self.changed.emit()

    def install(self, app_id: str) -> None:
        if app_id in self._installing or app_id in self._removing:
            return
        if self._client is None or self._installer is None:
            self._errors[app_id] = tr(_DOWNLOAD_OFFLINE)
            self._rebuild()
            return
        self._installing.add(app_id)
        self._errors.pop(app_id, None)
        self._rebuild()

        def done(app: AppInfo) -> None:
            self._installing.discard(app_id)
            log.info("partner app %s %s installed in %s", app.id, app.manifest.version, app.folder)
            self.installed.emit(app)
            self._rebuild()

        def failed(error: BaseException) -> None:
            self._installing.discard(app_id)
            log.warning("partner app %s not installed: %s", app_id, error)
            self._errors[app_id] = _install_error(error)
            self._rebuild()

        self._tasks.run(_download_and_install, self._client, self._installer, app_id, on_done=done,
                        on_error=failed, name=f"install app {app_id}")

    def uninstall(self, app_id: str) -> None:
        if self._installer is None or app_id not in self._installed or app_id in self._removing:
            return
        self._removing.add(app_id)
        self._errors.pop(app_id, None)
        self._rebuild()

        def done(_result: object) -> None:
            self._removing.discard(app_id)
            log.info("partner app %s removed", app_id)
            self.removed.emit(app_id)
            self._rebuild()

        def failed(error: BaseException) -> None:
            self._removing.discard(app_id)
            log.warning("partner app %s not removed: %s", app_id, error)
            self._errors[app_id] = tr(_REMOVE_FAILED)
            self._rebuild()

        self._tasks.run(self._installer.uninstall, app_id, on_done=done, on_error=failed,
                        name=f"remove app {app_id}")

    def _row(self, app_id: str, name: str, summary: str) -> dict[str, Any]:
        return {"appId": app_id, "name": name, "summary": summary, "installed": app_id in self._installed,
                "installing": app_id in self._installing, "removing": app_id in self._removing,
                "error": self._errors.get(app_id, "")}

    def _rebuild(self) -> None:
        """The offered apps, then installed ones the catalogue does not list (now, or while
        offline), so an installed app can always be removed."""
        rows = [self._row(app.id, app.name_for(self._language), app.summary_for(self._language))
                for app in self._offered]
        listed = {app.id for app in self._offered}
        rows += [self._row(app_id, name, "") for app_id, name in self._installed.items() if app_id not in listed]
        self.model.reset(rows)
