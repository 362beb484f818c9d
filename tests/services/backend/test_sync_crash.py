"""The outbox across SIGKILL: a head-unit process (bench.sync_agent: the real store,
actions, client and sync worker) is killed while it queues and delivers; after a restart
everything it queued reaches the backend exactly once and the store is intact."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from headunit.bench.sync import _integrity_ok, _run_agent

VIN = "WHU5MULATR0000001"


@pytest.fixture
def agent(backend, tmp_path: Path):
    credential_path = backend.credential_file(tmp_path / "credential.json", VIN)
    client = backend.client(tmp_path, VIN)
    pois = [backend.seed_poi(capacity=50) for _ in range(2)]
    slots = [(poi, s.slot_id) for poi in pois for s in client.slots(poi, date(2026, 11, 22))]
    slots_file = tmp_path / "slots.json"
    slots_file.write_text(json.dumps(slots))
    argv = [sys.executable, "-m", "headunit.bench.sync_agent", "--data-dir", str(tmp_path / "unit"),
            "--url", backend.url, "--credential", str(credential_path), "--slots", str(slots_file)]
    yield argv, client, tmp_path / "unit" / "headunit.db"
    client.close()


def test_killed_mid_queue_and_mid_delivery_nothing_is_lost_or_doubled(agent) -> None:
    argv, client, db_path = agent
    rng = random.Random(5)
    said, kills = [], 0
    for run, kill_after in enumerate((0, 3, 7, 10)):
        queued, killed = _run_agent(argv + ["--ops", "10", "--seed", str(run)], kill_after, rng)
        said += queued
        kills += killed
        assert _integrity_ok(db_path)
    assert kills == 4
    _run_agent(argv + ["--ops", "0"], None, rng)
    with sqlite3.connect(db_path) as conn:
        in_store = {row[0] for row in conn.execute("SELECT local_id FROM reservations")}
        pending = conn.execute("SELECT count(*) FROM outbox WHERE state != 'done'").fetchone()[0]
    at_backend = Counter(r.client_ref for r in client.reservations())
    assert set(said) <= in_store  # what the driver was told was queued was kept
    assert pending == 0
    assert set(at_backend) == in_store  # each one reached the backend ...
    assert set(at_backend.values()) == {1}  # ... once
