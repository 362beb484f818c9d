"""The outbox table: rows go out in order, keep their key, finish once."""

from __future__ import annotations

import json

import pytest

from headunit.services.backend import outbox
from headunit.services.backend.outbox import Outbox
from headunit.services.store import Store

NOW = 1_800_000_000.0


def queue(store: Store, n: int) -> list[outbox.OutboxRow]:
    rows = []
    for i in range(n):
        with store.atomic(durable=True) as db:
            rows.append(outbox.enqueue(db, "reservation.create", {"n": i}, NOW + i))
    return rows


def test_enqueue_outside_a_unit_of_work_is_refused(store: Store) -> None:
    with pytest.raises(RuntimeError, match="inside store.atomic"):
        outbox.enqueue(store.db, "reservation.create", {}, NOW)
    assert Outbox(store).pending_count() == 0


def test_rows_come_out_oldest_first_each_with_its_own_key(store: Store) -> None:
    queued = queue(store, 3)
    box = Outbox(store)
    assert box.head() == queued[0]
    assert len({row.idempotency_key for row in queued}) == 3
    with store.atomic() as db:
        box.mark_done(db, queued[0].seq, {"id": "res_1"}, NOW + 10)
    assert box.head() == queued[1]
    assert box.pending_count() == 2


def test_a_rolled_back_action_leaves_no_outbox_row(store: Store) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        with store.atomic(durable=True) as db:
            outbox.enqueue(db, "reservation.create", {"n": 1}, NOW)
            raise RuntimeError("boom")
    assert Outbox(store).rows() == []


def test_a_row_finishes_once(store: Store) -> None:
    [row] = queue(store, 1)
    box = Outbox(store)
    with store.atomic() as db:
        box.mark_rejected(db, row.seq, "slot_full: full", {"code": "slot_full"}, NOW)
    with pytest.raises(RuntimeError, match=f"outbox row {row.seq} is not pending"):
        with store.atomic() as db:
            box.mark_done(db, row.seq, {}, NOW)
    [stored] = box.rows()
    assert (stored.state, stored.last_error) == ("rejected", "slot_full: full")
    response = store.db.execute("SELECT response FROM outbox WHERE seq = ?", [row.seq]).fetchone()[0]
    assert json.loads(response) == {"code": "slot_full"}


def test_defer_counts_the_attempt_and_keeps_the_row_pending(store: Store) -> None:
    [row] = queue(store, 1)
    box = Outbox(store)
    box.defer(row.seq, "backend down", NOW + 30)
    head = box.head()
    assert (head.attempts, head.next_attempt_at, head.last_error, head.state) == (1, NOW + 30, "backend down", "pending")
    assert head.idempotency_key == row.idempotency_key
