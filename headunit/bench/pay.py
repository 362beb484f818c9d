"""`headunit bench pay`: reserve and pay through network faults, outages and SIGKILL.

The reference backend runs as a child process with a FaultProxy in front of it that
drops requests before and after the backend commits, holds answers past the client's
read timeout and answers 500s. A head-unit process (headunit.bench.pay_agent: the real
store, client, sync worker and PaymentService) runs reserve-and-pay flows through the
proxy (parking, charging and fuel; wallet and QR; now and then a payment given up or a
paid reservation cancelled) and is SIGKILLed after a random number of its output lines
(plus a few random milliseconds), then restarted, until ``flows`` flows have started; between runs and
sometimes in the middle of one the proxy goes down (the backend is gone) and comes
back. After each kill the store must pass ``PRAGMA integrity_check``. A last run
without faults settles everything (reconcile, outbox, unknown outcomes).

The figures then compare the head unit's store, and what the agent told the driver,
with the backend's own database (read-only): money taken twice, reservations the
driver was told about that the backend does not have, payments whose outcome is still
unknown, and where the store and the backend disagree.
"""

from __future__ import annotations

import contextlib
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
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from headunit.core.config import Config, with_overrides

from .fault_proxy import FaultPlan, FaultProxy
from .sync import _integrity_ok

VIN = "WHU5BENCH00000002"
PLAN = FaultPlan(drop_before=0.04, drop_after=0.04, timeout=0.03, error_500=0.04, hold_s=0.8)
READ_TIMEOUT_S = 0.4  # the agent's backend.read_timeout_s: shorter than PLAN.hold_s, so a held answer times out
WALLET_MINOR = 10**9  # the demo wallet holds 500 EUR (50000 minor units): too little for 200 flows
MAX_FLOWS_PER_RUN = 5
NO_KILL_SHARE = 0.2  # runs left to finish on their own
OUTAGE_SHARE = 0.25  # runs with the backend gone for a while
AGENT_TIMEOUT_S = 120.0
UI_TARGET_MS = 100


@dataclass
class AgentRun:
    lines: list[str] = field(default_factory=list)
    killed: bool = False

    def said(self, word: str) -> list[str]:
        return [line.split(" ", 1)[1] for line in self.lines if line.startswith(word + " ")]


@dataclass
class Outage:
    before_start: bool  # down while the agent starts (a restart with the backend gone)
    down_at: float  # else: down this long after the agent's "ready"
    up_at: float | None  # back this long after "ready"; None: down until the run ends


def _outage(rng: random.Random) -> Outage | None:
    if rng.random() >= OUTAGE_SHARE:
        return None
    before_start = rng.random() < 0.4
    down_at = 0.0 if before_start else rng.uniform(0.0, 2.0)
    return Outage(before_start, down_at, None if rng.random() < 0.2 else down_at + rng.uniform(0.5, 3.0))


def _run_agent(argv: list[str], kill_after: int | None, outage: Outage | None, proxy: FaultProxy,
               rng: random.Random) -> AgentRun:
    """Run the agent to its end, or SIGKILL it once it has printed ``kill_after`` lines
    (plus a random few milliseconds); take the proxy down and up as ``outage`` says."""
    events: list[tuple[float, bool]] = []  # (seconds after "ready", down)
    if outage is not None:
        proxy.set_down(outage.before_start)
        events = ([] if outage.before_start else [(outage.down_at, True)]) + (
            [(outage.up_at, False)] if outage.up_at is not None else [])
    run = AgentRun()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    deadline = time.monotonic() + AGENT_TIMEOUT_S
    ready: float | None = None
    buffered = b""
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            while not run.killed:
                now = time.monotonic()
                while ready is not None and events and now - ready >= events[0][0]:
                    proxy.set_down(events.pop(0)[1])
                if now >= deadline:
                    raise RuntimeError("the pay agent hung")
                wait = min(deadline, ready + events[0][0]) if ready is not None and events else deadline
                if not selector.select(max(0.0, wait - now)):
                    continue
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffered += chunk
                *lines, buffered = buffered.split(b"\n")
                run.lines += [line.decode() for line in lines]
                if ready is None and "ready" in run.lines:
                    ready = time.monotonic()
                if kill_after is not None and len(run.lines) >= kill_after:
                    time.sleep(rng.uniform(0, 0.03))  # a random point inside what follows
                    process.send_signal(signal.SIGKILL)
                    run.killed = True
    finally:
        if process.poll() is None and not run.killed:
            process.kill()
        rest, err = process.communicate()
        proxy.set_down(False)
    run.lines += [line.decode() for line in (buffered + rest).split(b"\n") if line]  # all it printed before it died
    if not run.killed and process.returncode != 0:
        raise RuntimeError(f"the pay agent failed: {err.decode(errors='replace').strip()[-600:]}")
    run.killed = run.killed and process.returncode == -signal.SIGKILL
    return run


def _provision(db_path: Path, credential: Path) -> None:
    """Create the bench vehicle and top up its wallet, before the backend serves: the demo wallet
    holds 500 EUR, too little for a few hundred flows. Nothing else opens the backend's database
    while it serves: its server drops its own SQLite locks at start (backend/db.py,
    _create_private_file), so another process that opens and closes the file deletes its WAL."""
    done = subprocess.run([sys.executable, "-m", "headunit", "backend", "provision", VIN, "--db", str(db_path),
                           "--out", str(credential)], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"cannot provision the bench vehicle: {done.stderr.strip()[-400:]}")
    conn = sqlite3.connect(db_path, timeout=10)
    try:
        with conn:
            conn.execute("UPDATE vehicles SET wallet_minor = ? WHERE vin = ?", (WALLET_MINOR, VIN))
    finally:
        conn.close()


def _read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _backend_status(row: sqlite3.Row, now: float) -> str:
    """The status the backend answers (expiry is evaluated lazily, as records.py does)."""
    if row["status"] == "held" and row["hold_expires_at"] is not None and row["hold_expires_at"] <= now:
        return "expired"
    if row["status"] == "pending" and row["expires_at"] <= now:
        return "closed"
    return row["status"]


def figures(backend_db: Path, store_db: Path, confirmed: list[str]) -> dict[str, object]:
    """Compare the head unit's store and what it told the driver with the backend's records."""
    now = time.time()
    with contextlib.closing(_read_only(backend_db)) as backend:
        reservations = backend.execute("SELECT * FROM reservations WHERE vin = ?", (VIN,)).fetchall()
        orders = backend.execute("SELECT * FROM orders WHERE vin = ?", (VIN,)).fetchall()
    with contextlib.closing(_read_only(store_db)) as store:
        local_reservations = store.execute("SELECT * FROM reservations").fetchall()
        local_orders = store.execute("SELECT * FROM orders").fetchall()
        pending_outbox = store.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    paid = ("paid", "refunded")
    per_reservation = Counter(o["reservation_id"] for o in orders if o["reservation_id"] and o["status"] in paid)
    per_merchant_id = Counter(o["merchant_order_id"] for o in orders if not o["reservation_id"] and o["status"] in paid)
    by_merchant_id = {o["merchant_order_id"]: o for o in orders}
    unseen = [o["local_id"] for o in local_orders if o["status"] not in paid
              and o["merchant_order_id"] in by_merchant_id and by_merchant_id[o["merchant_order_id"]]["status"] in paid]

    at_backend = {r["client_ref"] for r in reservations if r["client_ref"]}
    local_status = {r["local_id"]: r["status"] for r in local_reservations}
    local_order_ids = {o["local_id"] for o in local_orders}
    told = {local_id for local_id in confirmed if local_id not in local_order_ids}
    held = (told | {local_id for local_id, status in local_status.items() if status != "rejected"})
    lost = sorted(local_id for local_id in held if local_id not in at_backend
                  and local_status.get(local_id) != "rejected")  # refused later: the driver was shown that
    refused_later = sum(1 for local_id in told if local_status.get(local_id) == "rejected")
    lone_told = [local_id for local_id in confirmed if local_id in local_order_ids]
    merchant_of = {o["local_id"]: o["merchant_order_id"] for o in local_orders}
    lost_orders = [local_id for local_id in lone_told if merchant_of[local_id] not in by_merchant_id]

    remote = {r["id"]: _backend_status(r, now) for r in reservations} | {o["id"]: _backend_status(o, now)
                                                                         for o in orders}
    disagreements = [f"{row['local_id']}: head unit {row['status']}, backend {remote.get(row['remote_id'], 'absent')}"
                     for row in [*local_reservations, *local_orders]
                     if row["remote_id"] is not None and remote.get(row["remote_id"]) != row["status"]]
    refused = Counter(row["error"] for row in [*local_reservations, *local_orders] if row["error"])
    return {
        "double_charges": sum(n - 1 for n in per_reservation.values() if n > 1)
                          + sum(n - 1 for n in per_merchant_id.values() if n > 1) + len(unseen),
        "lost_reservations": len(lost),
        "stuck_unknown": sum(1 for o in local_orders if o["pay_state"] == "sent") + pending_outbox,
        "lost_orders": len(lost_orders),
        "confirmed_then_refused": refused_later,
        "reservations_at_backend": len(reservations),
        "reservations_unknown_to_head_unit": sum(1 for r in reservations if r["client_ref"] not in local_status),
        "orders_at_backend": len(orders),
        "paid_orders_at_backend": sum(1 for o in orders if o["status"] in paid),
        "refused": dict(sorted(refused.items())),
        "store_backend_disagreements": len(disagreements),
        "disagreement_examples": disagreements[:5],
        "lost_examples": lost[:5],
    }


def _setup(root: Path):  # noqa: ANN202 - (LocalBackend, credential path, POI ids file)
    from headunit.services.backend.client import build_client
    from headunit.services.backend.local_server import start_local_backend
    from headunit.services.map.service import ensure_map, map_database_path

    config = with_overrides(Config(), {"paths.data_dir": str(root / "unit"), "backend.vin": VIN})
    ensure_map(config, lambda _stage: None)  # the bundled extract and the demo fuel stations and chargers
    credential = root / "unit" / "backend" / "credential.json"
    _provision(root / "backend-data" / "backend" / "backend.db", credential)
    backend = start_local_backend(root / "backend-data", VIN, credential, map_database_path(config))
    try:
        client = build_client(config.backend, backend.url, credential)
        try:
            pois = {category: [poi.poi_id for poi in client.pois(category=category, limit=500).pois]
                    for category in ("parking", "charging", "fuel")}
        finally:
            client.close()
    except BaseException:
        backend.stop()
        raise
    if not all(pois.values()):
        backend.stop()
        raise RuntimeError(f"the reference backend lacks POIs of some category: {json.dumps(pois)[:200]}")
    pois_file = root / "pois.json"
    pois_file.write_text(json.dumps(pois))
    return backend, credential, pois_file


def _kill_loop(root: Path, flows: int, rng: random.Random) -> dict[str, object]:
    backend, credential, pois_file = _setup(root)
    unit = root / "unit"
    try:
        with FaultProxy(backend.url, PLAN, seed=rng.randrange(2**32)) as proxy:
            base = [sys.executable, "-m", "headunit.bench.pay_agent", "--data-dir", str(unit), "--url", proxy.url,
                    "--direct-url", backend.url, "--credential", str(credential), "--pois", str(pois_file),
                    "--read-timeout", str(READ_TIMEOUT_S)]
            started = kills = runs = outages = integrity_failures = 0
            confirmed: list[str] = []
            paid: set[str] = set()
            unknown_lines = queued_lines = gave_up = cancelled = 0
            skipped: Counter[str] = Counter()
            while started < flows:
                if runs > 5 * flows + 20:
                    raise RuntimeError(f"only {started} of {flows} flows started in {runs} runs")
                count = min(flows - started, rng.randint(1, MAX_FLOWS_PER_RUN))
                kill_after = None if rng.random() < NO_KILL_SHARE else rng.randint(1, 3 * count + 2)
                outage = _outage(rng)
                run = _run_agent(base + ["--flows", str(count), "--first", str(started + 1),
                                         "--seed", str(rng.randrange(2**32))], kill_after, outage, proxy, rng)
                runs += 1
                outages += outage is not None
                started += len(run.said("flow"))
                confirmed += run.said("confirmed")
                paid.update(run.said("paid"))
                unknown_lines += len(run.said("unknown"))
                queued_lines += len(run.said("queued"))
                gave_up += len(run.said("gave_up"))
                cancelled += len(run.said("cancelled"))
                skipped.update(run.said("skipped"))
                if run.killed:
                    kills += 1
                    integrity_failures += not _integrity_ok(unit / "headunit.db")
            faults = proxy.counts
            proxy.set_plan(FaultPlan())
            final = _run_agent(base + ["--flows", "0", "--final"], None, None, proxy, rng)
            paid.update(final.said("paid"))
            unknown_lines += len(final.said("unknown"))
    finally:
        backend.stop()
    result: dict[str, object] = {"flows": started, "settled_without_faults": "settled" in final.lines}
    result.update(figures(root / "backend-data" / "backend" / "backend.db", unit / "headunit.db", confirmed))
    result.update({
        "agent_starts": runs + 1, "kills": kills, "restarts": runs, "outages": outages,
        "faults_injected": {kind: faults[kind] for kind in ("drop_before", "drop_after", "timeout", "error_500")},
        "requests_forwarded": faults["forwarded"], "paid_flows": len(paid),
        "skipped_flows": dict(sorted(skipped.items())),
        "payment_outcomes_asked": unknown_lines, "reservations_queued_offline": queued_lines,
        "payments_given_up": gave_up, "paid_reservations_cancelled": cancelled,
        "integrity_failures": integrity_failures,
    })
    return result


def run(flows: int = 200, seed: int | None = None, ui_flows: int = 10) -> dict[str, object]:
    rng = random.Random(seed)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="headunit-bench-pay-") as tmp:
        faults = _kill_loop(Path(tmp), flows, rng)
    faults["elapsed_s"] = round(time.perf_counter() - start, 1)
    from .pay_ui import measure

    flow_ui = measure(ui_flows)
    return {
        "benchmark": "pay",
        "faults": faults,
        "flow_ui_ms_p95": flow_ui["ms_p95"],
        "flow_ui_target_ms": UI_TARGET_MS,
        "flow_ui_floor_ms_p95": flow_ui["floor_ms_p95"],
        "flow_ui": flow_ui,
        "meets_targets": faults["double_charges"] == faults["lost_reservations"] == faults["stuck_unknown"] == 0
                         and flow_ui["ms_p95"] <= UI_TARGET_MS,
    }


def main(flows: int = 200, seed: int | None = None, ui_flows: int = 10) -> int:
    from headunit.services.backend.errors import BackendError
    from headunit.services.backend.local_server import LocalBackendError

    try:
        result = run(flows, seed, ui_flows)
    except (RuntimeError, OSError, BackendError, LocalBackendError) as exc:
        print(f"headunit: bench pay failed: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0
