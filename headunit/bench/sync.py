"""`headunit bench sync`: the outbox against the reference backend on loopback.

1. Drain: with the backend down, the head unit queues ``ops`` reservations (each its
   own durable unit of work, as a driver's taps would be) and tries once to deliver;
   the backend comes back on the same port and the sync worker delivers the outbox.
   outbox_drain_s runs from the backend listening again to the outbox being empty,
   with the worker's real back-off. The floor is the same number of reservation
   POSTs sent straight from a requests session (no store, no outbox, no validation),
   measured in the same run. Then the backend's own list is checked: every queued
   reservation there once (duplicates_at_backend, lost).
2. Kill loop: a head-unit process (headunit.bench.sync_agent: the real store, driver
   actions, client and sync worker) queues and delivers reservations and is SIGKILLed
   at a random point, ``kills`` times; after each kill the store must pass
   ``PRAGMA integrity_check``. A last run drains what is left; then every reservation
   the store holds, and every one the agent said it queued, must be at the backend
   exactly once.
"""

from __future__ import annotations

import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from headunit.core.config import Config, with_overrides

TARGET_DRAIN_S = 5.0
VIN = "WHU5BENCH00000001"
AGENT_OPS = 6
AGENT_TIMEOUT_S = 60.0


def _config(data_dir: Path) -> Config:
    return with_overrides(Config(), {"paths.data_dir": str(data_dir), "backend.vin": VIN})


def _future_slots(client, days: int = 5) -> list[tuple[str, str]]:  # noqa: ANN001 - BackendClient
    """(poi_id, slot_id) of every parking slot from tomorrow on, from the backend itself."""
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    slots = []
    for poi in client.pois(category="parking", limit=500).pois:
        for day in range(days):
            slots += [(poi.poi_id, s.slot_id) for s in client.slots(poi.poi_id, tomorrow + timedelta(days=day))
                      if s.free > 0]
    if not slots:
        raise RuntimeError("the reference backend has no parking slots to reserve (is the map imported?)")
    return slots


def _backend_refs(client) -> Counter[str]:  # noqa: ANN001
    return Counter(r.client_ref for r in client.reservations() if r.client_ref)


def _store_ids(db_path: Path) -> set[str]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        return {row[0] for row in conn.execute("SELECT local_id FROM reservations WHERE status != 'rejected'")}


def _integrity_ok(db_path: Path) -> bool:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def _drain_part(root: Path, ops: int, rng: random.Random) -> dict[str, object]:
    from headunit.services.backend.actions import DriverActions
    from headunit.services.backend.client import build_client
    from headunit.services.backend.local_server import start_local_backend
    from headunit.services.backend.sync import SyncWorker
    from headunit.services.map.service import ensure_map, map_database_path
    from headunit.services.store import Store

    config = _config(root / "unit")
    ensure_map(config, lambda _stage: None)
    credential = root / "unit" / "backend" / "credential.json"
    backend = start_local_backend(root / "backend-data", VIN, credential, map_database_path(config))
    port = int(backend.url.rsplit(":", 1)[1])
    client = build_client(config.backend, backend.url, credential)
    slots = _future_slots(client)
    floor_s = _floor(backend.url, credential, slots, ops, rng)
    backend.stop()
    with Store.open(root / "unit") as store:
        actions = DriverActions(store)
        queued = [actions.reserve(*rng.choice(slots)) for _ in range(ops)]
        worker = SyncWorker(store, client, rng=rng)
        offline = worker.deliver()
        backend = start_local_backend(root / "backend-data", VIN, credential, map_database_path(config), port=port)
        try:
            start = time.perf_counter()
            delivered = rejected = 0
            while True:
                report = worker.deliver()
                delivered, rejected = delivered + report.delivered, rejected + report.rejected
                if not report.pending:
                    break
                if report.retry_in:
                    time.sleep(report.retry_in)  # the worker's own back-off, as the app's timer would wait
            drain_s = time.perf_counter() - start
            refs = _backend_refs(client)
        finally:
            backend.stop()
    return {
        "ops": ops,
        "outbox_drain_s": round(drain_s, 3),
        "outbox_drain_target_s": TARGET_DRAIN_S,
        "floor_raw_http_s": round(floor_s, 3),
        "drain_to_floor_ratio": round(drain_s / floor_s, 2),
        "pending_while_offline": offline.pending,
        "delivered": delivered,
        "rejected": rejected,
        "duplicates_at_backend": sum(n - 1 for ref, n in refs.items() if ref in set(queued) and n > 1),
        "lost": sum(1 for local_id in queued if local_id not in refs),
    }


def _floor(url: str, credential: Path, slots: list[tuple[str, str]], ops: int, rng: random.Random) -> float:
    """The same number of reservation POSTs straight from one requests session."""
    import requests

    session = requests.Session()
    answer = session.post(f"{url}/v1/auth/token", json=json.loads(credential.read_text()), timeout=10)
    answer.raise_for_status()
    session.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
    start = time.perf_counter()
    for _ in range(ops):
        poi_id, slot_id = rng.choice(slots)
        response = session.post(f"{url}/v1/reservations", json={"poi_id": poi_id, "slot_id": slot_id},
                                headers={"Idempotency-Key": str(uuid.uuid4())}, timeout=10)
        response.raise_for_status()
    elapsed = time.perf_counter() - start
    session.close()
    return elapsed


def _run_agent(argv: list[str], kill_after: int | None, rng: random.Random) -> tuple[list[str], bool]:
    """Run the agent; SIGKILL it once it has printed ``kill_after`` queued lines (plus a
    random few milliseconds, to land inside a delivery too). Returns its queued ids and
    whether it was killed."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    queued: list[str] = []
    killed = False
    deadline = time.monotonic() + AGENT_TIMEOUT_S
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        buffered = b""
        while not killed:
            if not selector.select(max(0.0, deadline - time.monotonic())):
                process.kill()
                raise RuntimeError("the sync agent hung")
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            buffered += chunk
            *lines, buffered = buffered.split(b"\n")
            for line in lines:
                text = line.decode()
                if text.startswith("queued "):
                    queued.append(text.split()[1])
                started = text == "ready" or text.startswith("queued ")
                if kill_after is not None and started and len(queued) >= kill_after:
                    time.sleep(rng.uniform(0, 0.02))  # a random point inside what follows
                    process.send_signal(signal.SIGKILL)
                    killed = True
                    break
    _, err = process.communicate()
    if not killed and process.returncode != 0:
        raise RuntimeError(f"the sync agent failed: {err.decode(errors='replace').strip()[-400:]}")
    return queued, killed and process.returncode == -signal.SIGKILL


def _kill_part(root: Path, kills: int, rng: random.Random) -> dict[str, object]:
    from headunit.services.backend.client import build_client
    from headunit.services.backend.local_server import start_local_backend
    from headunit.services.map.service import map_database_path

    config = _config(root / "unit")
    credential = root / "unit" / "backend" / "credential.json"
    unit = root / "kill-unit"
    backend = start_local_backend(root / "backend-data", VIN, credential, map_database_path(config))
    try:
        client = build_client(config.backend, backend.url, credential)
        slots_file = root / "slots.json"
        slots_file.write_text(json.dumps(_future_slots(client)))
        base = [sys.executable, "-m", "headunit.bench.sync_agent", "--data-dir", str(unit), "--url", backend.url,
                "--credential", str(credential), "--slots", str(slots_file)]
        said: list[str] = []
        kill_runs = integrity_failures = 0
        for i in range(kills):
            queued, killed = _run_agent(base + ["--ops", str(AGENT_OPS), "--seed", str(i)],
                                        rng.randint(0, AGENT_OPS), rng)
            said += queued
            kill_runs += killed
            integrity_failures += not _integrity_ok(unit / "headunit.db")
        queued, _ = _run_agent(base + ["--ops", "0"], None, rng)
        refs = _backend_refs(client)
        held = _store_ids(unit / "headunit.db") | set(said)
    finally:
        backend.stop()
    return {
        "kill_runs": kill_runs,
        "ops_said_queued": len(said),
        "ops_in_store": len(held),
        "lost": sum(1 for local_id in held if local_id not in refs),
        "duplicates": sum(n - 1 for ref, n in refs.items() if ref in held and n > 1),
        "integrity_failures": integrity_failures,
    }


def run(ops: int = 1000, kills: int = 200, seed: int | None = None) -> dict[str, object]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="headunit-bench-sync-") as tmp:
        root = Path(tmp)
        drain = _drain_part(root, ops, rng)
        kill = _kill_part(root, kills, rng)
    result: dict[str, object] = {"benchmark": "sync", "drain": drain, "kill_loop": kill}
    result["meets_targets"] = (drain["outbox_drain_s"] <= TARGET_DRAIN_S and drain["lost"] == 0
                               and drain["duplicates_at_backend"] == 0 and kill["lost"] == 0
                               and kill["duplicates"] == 0 and kill["integrity_failures"] == 0)
    return result


def main(ops: int = 1000, kills: int = 200, seed: int | None = None) -> int:
    from headunit.services.backend.errors import BackendError
    from headunit.services.backend.local_server import LocalBackendError

    try:
        result = run(ops, kills, seed)
    except (RuntimeError, OSError, BackendError, LocalBackendError) as exc:
        print(f"headunit: bench sync failed: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0
