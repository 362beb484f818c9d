"""Composition root: reads the configuration, builds services and stores, loads QML.

The only module that knows every layer. Start-up order matters for the first
frame: Qt and the QML shell first; storage and everything else after the first
frame, on the worker executor.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import time
from pathlib import Path

from headunit.core.config import Config

QML_DIR = Path(__file__).resolve().parent / "qml"
I18N_DIR = Path(__file__).resolve().parent / "i18n"
FULLSCREEN_PLATFORMS = ("eglfs", "linuxfb", "vnc")

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


def _log_uncaught(kind: type[BaseException], error: BaseException, tb) -> None:  # noqa: ANN001
    """A bug in a slot is logged, not shown to the driver, and the unit keeps running."""
    log.error("unhandled %s: %s", kind.__name__, error, exc_info=(kind, error, tb))


def run_app(config: Config, screenshot: Path | None = None, bench_report: bool = False) -> int:
    """Run the head unit until it is closed; return the exit status."""
    from headunit.qt.platform_check import display_problem

    platform = config.display.platform or os.environ.get("QT_QPA_PLATFORM", "")
    problem = display_problem(platform, os.environ)
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from headunit.services.logs import setup_logging

    data_dir = Path(config.paths.data_dir)
    log_path = setup_logging(data_dir, config.logging.level, max_bytes=config.logging.file_max_bytes,
                             backups=config.logging.file_backups)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - root objects come back as QQuickWindow

    from headunit.qt.qt_messages import route_qt_messages
    from headunit.qt.startup import Startup
    from headunit.qt.stores import AreaListModel, ShellStore, StatusStore
    from headunit.qt.stores.area_model import enabled_areas
    from headunit.qt.tasks import TaskRunner, install_event_loop
    from headunit.qt.unix_signals import QuitOnSignals

    route_qt_messages()
    sys.excepthook = _log_uncaught
    qt_argv = [sys.argv[0]] + (["-platform", config.display.platform] if config.display.platform else [])
    app = QGuiApplication(qt_argv)
    app.setApplicationName("headunit")
    app.setOrganizationName("headunit")
    _load_translation(app, config.display.language)
    loop = install_event_loop(app)
    exit_code = 0

    def quit_with(code: int) -> None:
        nonlocal exit_code
        exit_code = code
        app.quit()

    signals = QuitOnSignals(lambda: quit_with(130))
    tasks = TaskRunner(loop)
    shell = ShellStore(AreaListModel(enabled_areas(config.features)), night=config.display.theme == "night")
    status = StatusStore()
    startup = Startup(tasks, shell, status, data_dir)

    engine = QQmlApplicationEngine()
    engine.addImportPath(str(QML_DIR))
    engine.setInitialProperties({"shell": shell, "status": status,
                                 "width": config.display.width, "height": config.display.height})
    engine.loadFromModule("HeadUnit", "Main")
    if not engine.rootObjects():
        print(f"headunit: the user interface failed to load; see {log_path}", file=sys.stderr)
        return 1
    window = engine.rootObjects()[0]

    def first_frame() -> None:
        if bench_report:
            print(json.dumps({"first_frame_epoch": time.time()}), flush=True)
        log.info("first frame shown")
        startup.begin()

    window.frameSwapped.connect(first_frame, Qt.ConnectionType.SingleShotConnection)
    if screenshot is not None:
        from headunit.qt.screenshot import SettledScreenshot

        SettledScreenshot(window, screenshot, quit_with)
    elif bench_report:
        shell.startedChanged.connect(lambda: quit_with(0))
    if platform.split(":", 1)[0] in FULLSCREEN_PLATFORMS:
        window.showFullScreen()

    log.info("head unit starting: %dx%d, theme %s, language %s, data dir %s",
             config.display.width, config.display.height, config.display.theme,
             config.display.language, data_dir)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
    tasks.shutdown()
    startup.close()
    signals.close()
    del engine
    return exit_code
