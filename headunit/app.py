"""Composition root: reads the configuration, builds services and stores, loads QML.

The only module that knows every layer. Start-up order matters for the first
frame: Qt and the QML shell first; storage and everything else after the first
frame, on the worker executor.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from headunit.core.config import Config

if TYPE_CHECKING:
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow

    from headunit.qt.startup import Startup
    from headunit.qt.stores.restrictions_store import RestrictionsStore
    from headunit.qt.stores.shell_store import ShellStore
    from headunit.qt.stores.status_store import StatusStore
    from headunit.qt.stores.vehicle_store import VehicleStore
    from headunit.qt.tasks import TaskRunner

QML_DIR = Path(__file__).resolve().parent / "qml"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
FULLSCREEN_PLATFORMS = ("eglfs", "linuxfb", "vnc")
QUIT_DRAIN_S = 3.0  # how long quitting waits for work already started (a last save)
EXIT_NO_DISPLAY = 3  # not a usage error (2): `make run` tells how to see the unit instead

log = logging.getLogger("headunit.app")


def _load_translation(app, language: str):  # noqa: ANN001 - Qt types imported lazily
    from PySide6.QtCore import QLocale, QTranslator

    QLocale.setDefault(QLocale(language))
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / f"headunit_{language}.qm")):
        app.installTranslator(translator)
        return translator
    log.warning("no translation for language %r; showing English", language)
    return None


@dataclass
class Ui:
    """The loaded user interface and the stores behind it."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    shell: ShellStore
    status: StatusStore
    startup: Startup

    @property
    def vehicle(self) -> VehicleStore | None:
        """Created after the first frame (`startup.begin`); None before."""
        return self.startup.vehicle

    @property
    def restrictions(self) -> RestrictionsStore | None:
        return self.startup.restrictions

    def dispose(self) -> None:
        """Tear down in a fixed order on the GUI thread: stop the work, then the QML scene,
        then the stores it bound to (players and their decoder threads among them). Nothing
        is left for Python's garbage collector to destroy later at a moment of its choosing.
        Safe to call twice."""
        import shiboken6

        if not shiboken6.isValid(self.engine):
            return
        self.startup.close()
        self.window.close()
        shiboken6.delete(self.engine)
        for owner in (self.startup, self.status, self.shell):
            if shiboken6.isValid(owner):
                shiboken6.delete(owner)


def build_ui(config: Config, scenario_start: float = 0.0, route_poi: int | None = None) -> Ui | None:
    """Build the stores and load Main.qml into a window; None if QML failed to load.

    Nothing here waits on I/O: the caller starts `ui.startup.begin(tasks)` after
    the first frame.
    """
    from PySide6.QtQml import QQmlApplicationEngine

    from headunit.core.areas import enabled_areas
    from headunit.qt.qt_messages import log_qml_warnings
    from headunit.qt.startup import Startup
    from headunit.qt.stores import AreaListModel, ShellStore, StatusStore

    shell = ShellStore(AreaListModel(enabled_areas(config.features)), night=config.display.theme == "night")
    status = StatusStore()
    engine = QQmlApplicationEngine()
    log_qml_warnings(engine)
    engine.addImportPath(str(QML_DIR))
    engine.setInitialProperties({"shell": shell, "status": status,
                                 "width": config.display.width, "height": config.display.height})
    engine.loadFromModule("HeadUnit", "Main")
    if not engine.rootObjects():
        return None
    window = engine.rootObjects()[0]
    startup = Startup(window, shell, status, config, scenario_start, route_poi=route_poi)
    return Ui(engine, window, shell, status, startup)


def _wait_for_first_frame(window: QQuickWindow, timeout_ms: int = 10_000) -> None:
    """Run Qt's loop until the window has swapped its first frame (or the timeout)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    waiting = QEventLoop()
    window.frameSwapped.connect(waiting.quit, Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(timeout_ms, waiting.quit)
    waiting.exec()


def _log_uncaught(kind: type[BaseException], error: BaseException, tb) -> None:  # noqa: ANN001
    """A bug in a slot is logged, not shown to the driver, and the unit keeps running."""
    log.error("unhandled %s: %s", kind.__name__, error, exc_info=(kind, error, tb))


def _own_peak_rss_kb() -> int:
    """This process's peak resident set (VmHWM), without its children's."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def run_app(config: Config, screenshot: Path | None = None, bench_report: str | None = None,
            area: str = "home", scenario_start: float = 0.0, route_poi: int | None = None) -> int:
    """Run the head unit until it is closed; return the exit status."""
    from headunit.qt.platform_check import display_problem

    platform = config.display.platform or os.environ.get("QT_QPA_PLATFORM", "")
    problem = display_problem(platform, os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY

    from headunit.services.logs import setup_logging

    data_dir = Path(config.paths.data_dir)
    log_path = setup_logging(data_dir, config.logging.level, max_bytes=config.logging.file_max_bytes,
                             backups=config.logging.file_backups)

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - root objects come back as QQuickWindow

    from headunit.qt.gui_collector import GuiThreadCollector
    from headunit.qt.qt_messages import send_qt_messages_to_stderr
    from headunit.qt.unix_signals import QuitOnSignals

    send_qt_messages_to_stderr()
    sys.excepthook = _log_uncaught
    qt_argv = [sys.argv[0]] + (["-platform", config.display.platform] if config.display.platform else [])
    app = QGuiApplication(qt_argv)
    collector = GuiThreadCollector(app)
    app.setApplicationName("headunit")
    app.setOrganizationName("headunit")
    _load_translation(app, config.display.language)
    exit_code = 0

    def quit_with(code: int) -> None:
        nonlocal exit_code
        exit_code = code
        app.quit()

    signals = QuitOnSignals(lambda: quit_with(130))
    log.info("head unit starting: %dx%d, theme %s, language %s, data dir %s",
             config.display.width, config.display.height, config.display.theme,
             config.display.language, data_dir)
    ui = build_ui(config, scenario_start, route_poi)
    if ui is None:
        print(f"headunit: the user interface failed to load; see {log_path}", file=sys.stderr)
        return 1
    if area not in ui.shell.areas.keys():
        print(f"headunit: area {area!r} is switched off in the configuration (features.{area})", file=sys.stderr)
        ui.dispose()
        return 2
    ui.shell.openArea(area)
    if screenshot is not None:
        from headunit.qt.screenshot import SettledScreenshot

        SettledScreenshot(ui.window, screenshot, quit_with)
    elif bench_report == "online":  # `bench startup`: the peak once the backend has answered too
        ui.status.connectivityChanged.connect(lambda: ui.status.connectivity == "online" and quit_with(0))
    elif bench_report:
        ui.shell.startedChanged.connect(lambda: quit_with(0))
    if platform.split(":", 1)[0] in FULLSCREEN_PLATFORMS:
        ui.window.showFullScreen()
    _wait_for_first_frame(ui.window)
    if bench_report:
        print(json.dumps({"first_frame_epoch": time.time()}), flush=True)
    log.info("first frame shown")

    # Everything asynchronous starts after the first frame: asyncio and qasync
    # alone take longer to import than Qt takes to draw the shell.
    import asyncio

    from headunit.qt.tasks import TaskRunner, install_event_loop

    loop = install_event_loop(app)
    tasks = TaskRunner(loop)
    ui.startup.begin(tasks)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
        ui.startup.prepare_to_quit()  # e.g. the player's last position, saved on the worker
        loop.run_until_complete(tasks.drain(QUIT_DRAIN_S))
    tasks.shutdown()
    ui.dispose()
    collector.stop()
    signals.close()
    if bench_report:
        print(json.dumps({"peak_rss_kb": _own_peak_rss_kb()}), flush=True)
    log.info("head unit stopped (exit status %d)", exit_code)
    return exit_code
