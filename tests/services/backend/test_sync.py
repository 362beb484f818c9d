"""The sync worker against the real reference backend: in order, exactly once, refusals
final, failures retried with the same key."""

from __future__ import annotations

import random
import socket
import uuid
from collections import Counter

import pytest

from headunit.services.backend.actions import DriverActions
from headunit.services.backend.outbox import Outbox
from headunit.services.backend.sync import SyncWorker

VIN = "WHU5MULATR0000001"
OTHER_VIN = "WHU5MULATR0000002"
SLOT = "{poi}.20261121T1000"  # later that morning, on the fixture clock's day


def backend_refs(client) -> Counter:
    return Counter(r.client_ref for r in client.reservations())


def test_queued_actions_are_delivered_in_order_and_the_local_rows_take_the_answers(backend, client, store) -> None:
    pois = [backend.seed_poi(capacity=5) for _ in range(3)]
    actions = DriverActions(store)
    local_ids = [actions.reserve(poi, SLOT.format(poi=poi)) for poi in pois]
    ticks = iter(range(1_000, 2_000))
    report = SyncWorker(store, client, clock=lambda: float(next(ticks))).deliver()
    assert (report.delivered, report.rejected, report.pending, report.error) == (3, 0, 0, "")
    at_backend = {r.client_ref: r for r in client.reservations()}
    assert sorted(at_backend) == sorted(local_ids)
    for local_id in local_ids:
        row = store.db["reservations"].get(local_id)
        assert (row["remote_id"], row["status"]) == (at_backend[local_id].id, "held")
    done = store.db.execute("SELECT state, done_at FROM outbox ORDER BY seq").fetchall()
    assert [state for state, _ in done] == ["done", "done", "done"]
    assert [at for _, at in done] == sorted(at for _, at in done)  # finished in queue order


def test_an_answer_lost_in_a_crash_is_replayed_not_applied_twice(backend, client, store) -> None:
    poi = backend.seed_poi(capacity=5)
    local_id = DriverActions(store).reserve(poi, SLOT.format(poi=poi))
    [row] = Outbox(store).rows()
    # The backend applied the row, then the head unit died before storing the answer.
    first = client.create_reservation(poi, SLOT.format(poi=poi), key=row.idempotency_key, client_ref=local_id)
    report = SyncWorker(store, client).deliver()
    assert report.delivered == 1
    assert backend_refs(client) == Counter({local_id: 1})
    assert store.db["reservations"].get(local_id)["remote_id"] == first.id


def test_a_refusal_is_final_for_its_row_and_the_next_row_still_goes(backend, client, store, tmp_path) -> None:
    full = backend.seed_poi(capacity=1)
    other = backend.client(tmp_path, OTHER_VIN)
    other.create_reservation(full, SLOT.format(poi=full), key=str(uuid.uuid4()))
    free = backend.seed_poi(capacity=1)
    actions = DriverActions(store)
    refused = actions.reserve(full, SLOT.format(poi=full))
    order = actions.order("reservation", reservation_local_id=refused)
    accepted = actions.reserve(free, SLOT.format(poi=free))
    report = SyncWorker(store, client).deliver()
    assert (report.delivered, report.rejected, report.pending) == (1, 2, 0)
    assert (store.db["reservations"].get(refused)["status"], store.db["reservations"].get(refused)["error"]) == (
        "rejected", "slot_full")
    assert (store.db["orders"].get(order)["status"], store.db["orders"].get(order)["error"]) == (
        "rejected", "reservation_refused")
    assert store.db["reservations"].get(accepted)["status"] == "held"
    assert [r.state for r in Outbox(store).rows()] == ["rejected", "rejected", "done"]
    other.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_backend_down_keeps_the_row_pending_with_back_off_then_delivers_it_with_the_same_key(
        backend, client, store, tmp_path) -> None:
    poi = backend.seed_poi(capacity=5)
    local_id = DriverActions(store).reserve(poi, SLOT.format(poi=poi))
    key = Outbox(store).head().idempotency_key
    down = backend.client(tmp_path, url=f"http://127.0.0.1:{free_port()}")
    report = SyncWorker(store, down, rng=random.Random(1), base_s=2.0).deliver()
    assert (report.delivered, report.pending) == (0, 1)
    assert "127.0.0.1" in report.error or "connect" in report.error.lower()
    assert 0 < report.retry_in <= 2.0
    row = Outbox(store).head()
    assert (row.attempts, row.idempotency_key, row.state) == (1, key, "pending")
    now = [row.next_attempt_at - 1]
    assert SyncWorker(store, client, clock=lambda: now[0]).deliver().retry_in == pytest.approx(1.0)
    now[0] = row.next_attempt_at
    assert SyncWorker(store, client, clock=lambda: now[0]).deliver().delivered == 1
    assert backend_refs(client) == Counter({local_id: 1})
    down.close()


def test_cancel_and_order_follow_their_reservation_once_it_has_a_backend_id(backend, client, store) -> None:
    poi = backend.seed_poi(capacity=5)
    actions = DriverActions(store)
    local_id = actions.reserve(poi, SLOT.format(poi=poi))
    order = actions.order("reservation", reservation_local_id=local_id)
    actions.cancel_reservation(local_id)
    report = SyncWorker(store, client).deliver()
    assert (report.delivered, report.rejected) == (3, 0)
    assert store.db["reservations"].get(local_id)["status"] == "cancelled"
    remote_order = client.order(store.db["orders"].get(order)["remote_id"])
    assert remote_order.reservation_id == store.db["reservations"].get(local_id)["remote_id"]
