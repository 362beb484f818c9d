"""After the first frame: storage opens on a worker; its failures become notices."""

from __future__ import annotations

import hashlib

import pytest

from headunit.core.config import Config, FeaturesConfig, with_overrides
from headunit.qt.startup import Startup
from PySide6.QtQuick import QQuickWindow

from headunit.qt.stores import AreaListModel, ShellStore, StatusStore
from headunit.core.areas import enabled_areas
from headunit.services.store import MIGRATIONS, Migration, Store


@pytest.fixture
def stores(qapp):
    return ShellStore(AreaListModel(enabled_areas(FeaturesConfig()))), StatusStore(), QQuickWindow()


@pytest.fixture
def start(stores, tasks, qtbot, backend):
    """Begin start-up with a data dir; the source and store are closed after the test."""
    started: list[Startup] = []

    def _start(data_dir) -> Startup:
        shell, status, window = stores
        config = backend.configure(with_overrides(Config(), {"paths.data_dir": str(data_dir),
                                                             "vehicle.scenario": "city-drive"}))
        startup = Startup(window, shell, status, config)
        started.append(startup)
        startup.begin(tasks)
        qtbot.waitUntil(lambda: shell.started, timeout=10_000)
        return startup

    yield _start
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=20_000)  # start-up's own work, then close
    for startup in started:
        startup.close()


def test_storage_opens_off_the_gui_thread_and_the_shell_is_started(stores, start, tmp_path):
    startup = start(tmp_path / "data")
    shell, status, _ = stores
    assert shell.storageState == "ready"
    assert shell.notice == ""
    assert startup.store is not None and startup.store.schema_version == len(MIGRATIONS)
    assert status.clockText != ""


def test_a_database_from_a_newer_version_is_left_untouched_and_the_driver_told(stores, start, tmp_path):
    data_dir = tmp_path / "data"
    future = Migration(len(MIGRATIONS) + 1, "from_the_future", lambda db: db.execute("CREATE TABLE f (x)"))
    Store.open(data_dir, (*MIGRATIONS, future)).close()
    before = hashlib.sha256((data_dir / "headunit.db").read_bytes()).hexdigest()
    startup = start(data_dir)
    shell, _, _ = stores
    assert shell.storageState == "unavailable"
    assert "newer software version" in shell.notice
    assert startup.store is None
    assert hashlib.sha256((data_dir / "headunit.db").read_bytes()).hexdigest() == before


def test_a_corrupt_database_is_moved_aside_and_a_fresh_one_used(stores, start, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "headunit.db").write_bytes(b"this is not a database" * 100)
    startup = start(data_dir)
    shell, _, _ = stores
    assert shell.storageState == "ready"
    moved = list(data_dir.glob("headunit.db.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not a database")
