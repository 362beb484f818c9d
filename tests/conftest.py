"""Shared fixtures. Tests run without a screen: Qt renders offscreen."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
from headunit.qt.qt_messages import MESSAGE_PATTERN, send_qt_messages_to_stderr  # noqa: E402

# Qt's messages on standard error, one recognisable line each (read by tests/qt_warnings.py),
# whatever pattern the shell running the tests has set.
os.environ["QT_MESSAGE_PATTERN"] = MESSAGE_PATTERN
send_qt_messages_to_stderr(os.environ)

import asyncio  # noqa: E402
import gc  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

pytest_plugins = ["tests.backend_fixture",  # the `backend` and `tls_backend` fixtures
                  "tests.qt_warnings"]  # a Qt warning fails the test


def pytest_configure(config: pytest.Config) -> None:
    """Python's cyclic collector runs on the main (GUI) thread only, as in the head unit
    (headunit/qt/gui_collector.py): between tests here, and on the collector's timer while a
    test runs Qt's event loop."""
    gc.disable()


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


@pytest.fixture
def store(tmp_path):  # noqa: ANN001, ANN201 - pytest's types
    """The head unit's store in `tmp_path / "unit"` (credentials and other files go beside it)."""
    from headunit.services.store import Store

    with Store.open(tmp_path / "unit") as opened:
        yield opened


@pytest.fixture(scope="session")
def helsinki_map(tmp_path_factory: pytest.TempPathFactory):
    """The bundled Helsinki extract, imported once per test session (read-only for tests)."""
    from headunit.services.map.importer import import_extract
    from headunit.services.map.service import DEFAULT_EXTRACT

    path = tmp_path_factory.mktemp("helsinki") / "map.db"
    import_extract(DEFAULT_EXTRACT, path)
    return path
