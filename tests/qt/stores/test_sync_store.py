"""SyncStore: the backend's health drives connectivity; queued actions are delivered
when it answers and counted while they wait (the status bar's "Pending (N)")."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QTimer

from headunit.qt.stores import StatusStore
from headunit.qt.stores.sync_store import SyncStore
from headunit.services.backend.actions import DriverActions
from headunit.services.backend.client import BackendClient
from headunit.services.backend.credentials import Credential
from headunit.services.backend.transport import HttpTransport
from headunit.services.backend.sync import SyncWorker
from tests.services.backend.scripted_server import Reply, ScriptedServer, error_reply, html_reply

VIN = "WHU5MULATR0000001"


@pytest.fixture
def sync(qapp, tasks):
    status = StatusStore()
    made = SyncStore(tasks, status, health_interval_s=30.0)
    yield made, status
    made.stop()


def test_a_backend_that_answers_is_online_and_queued_actions_are_delivered(backend, store, sync, tmp_path, qtbot) -> None:
    sync_store, status = sync
    client = backend.client(tmp_path, VIN)
    pois = [backend.seed_poi(capacity=3) for _ in range(2)]
    actions = DriverActions(store)
    local_ids = [actions.reserve(poi, f"{poi}.20261121T1000") for poi in pois]
    with qtbot.waitSignal(sync_store.delivered, timeout=10_000):
        sync_store.attach(client, SyncWorker(store, client))
    qtbot.waitUntil(lambda: sync_store.pendingCount == 0, timeout=10_000)
    assert (sync_store.connectivity, status.connectivity, status.pendingCount) == ("online", "online", 0)
    assert {r.client_ref for r in client.reservations()} == set(local_ids)
    actions.reserve(pois[0], f"{pois[0]}.20261121T1100")
    with qtbot.waitSignal(sync_store.delivered, timeout=10_000):
        sync_store.queued()
    qtbot.waitUntil(lambda: sync_store.pendingCount == 0, timeout=10_000)
    assert len(client.reservations()) == 3
    client.close()


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def test_a_backend_that_does_not_answer_is_offline_and_actions_wait_counted(backend, store, sync, tmp_path, qtbot) -> None:
    sync_store, status = sync
    client = backend.client(tmp_path, VIN, url=closed_port_url())
    poi = backend.seed_poi(capacity=3)
    sync_store.attach(client, SyncWorker(store, client))
    qtbot.waitUntil(lambda: status.connectivity == "offline", timeout=10_000)
    DriverActions(store).reserve(poi, f"{poi}.20261121T1000")
    sync_store.queued()
    assert (sync_store.pendingCount, status.pendingCount) == (1, 1)
    assert backend.session().get(f"{backend.url}/v1/reservations", timeout=10).json()["reservations"] == []
    client.close()


def test_without_a_backend_at_all_it_is_offline(sync) -> None:
    sync_store, status = sync
    sync_store.mark_offline()
    assert (sync_store.connectivity, status.connectivity) == ("offline", "offline")


@pytest.mark.parametrize("reply", [Reply(stall=True), html_reply(500, "Internal Server Error"),
                                   error_reply(503, "maintenance")], ids=["slow", "500", "503"])
def test_a_slow_or_failing_backend_is_offline_and_the_gui_thread_keeps_running(sync, qtbot, reply) -> None:
    sync_store, status = sync
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    with ScriptedServer() as server:
        server.always("GET", "/v1/health", reply)
        transport = HttpTransport(server.url, connect_timeout_s=0.5, read_timeout_s=0.5, retries=1,
                                  sleep=lambda _s: None)
        client = BackendClient(transport, Credential(VIN, "s" * 43))
        sync_store.attach(client, None)
        qtbot.waitUntil(lambda: status.connectivity == "offline", timeout=10_000)
        if reply.stall:
            assert len(ticks) >= 5  # the GUI thread went on while the check waited out its timeout
        sync_store.stop()
        client.close()
    timer.stop()
