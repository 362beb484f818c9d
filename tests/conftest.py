"""Shared fixtures. Tests run without a screen: Qt renders offscreen."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import asyncio  # noqa: E402
import gc  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

pytest_plugins = ["tests.backend_fixture"]  # the `backend` and `tls_backend` fixtures


def pytest_configure(config: pytest.Config) -> None:
    """Two things the head unit does at start, done once for the whole session:

    - Python's cyclic collector runs on the main (GUI) thread only, as in the head unit
      (headunit/qt/gui_collector.py): between tests here, and on the collector's timer while
      a test runs Qt's event loop.
    - Qt's messages go to the head unit's handler (qt_messages.py) outside tests. pytest-qt
      installs its own handler for each test and puts the previous one back after it; with
      no previous handler, that is "none", and a Qt Multimedia thread of a still-running
      player logging at that moment made PySide call a null handler (a crash seen in runs).
    """
    from headunit.qt.qt_messages import route_qt_messages

    gc.disable()
    route_qt_messages()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    from headunit.qt.gui_collector import collect_due

    collect_due()


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    """The head unit is a QGuiApplication (no widgets); test it as one."""
    return QGuiApplication


@pytest.fixture(scope="session")
def event_loop_qt(qapp: QGuiApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """qasync's asyncio loop on the test QGuiApplication, as the app installs it."""
    from headunit.qt.gui_collector import GuiThreadCollector
    from headunit.qt.tasks import install_event_loop

    loop = install_event_loop(qapp)
    collector = GuiThreadCollector(qapp)
    yield loop
    collector.stop()
    asyncio.set_event_loop(None)
    loop.close()


@pytest.fixture
def tasks(event_loop_qt: asyncio.AbstractEventLoop, qtbot) -> Iterator["TaskRunner"]:  # noqa: F821
    from headunit.qt.tasks import TaskRunner

    runner = TaskRunner(event_loop_qt)
    yield runner
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    runner.shutdown()


@pytest.fixture(scope="session")
def helsinki_map(tmp_path_factory: pytest.TempPathFactory):
    """The bundled Helsinki extract, imported once per test session (read-only for tests)."""
    from headunit.services.map.importer import import_extract
    from headunit.services.map.service import DEFAULT_EXTRACT

    path = tmp_path_factory.mktemp("helsinki") / "map.db"
    import_extract(DEFAULT_EXTRACT, path)
    return path
