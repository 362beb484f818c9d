"""A head-unit process for `headunit bench sync`'s kill loop: the real store, driver
actions, backend client and sync worker, without the screen.

It first delivers what an earlier (killed) run left pending, then queues ``--ops``
reservations, delivering after each one, and prints ``queued <local id>`` after each
queue commit and ``drained`` at the end. The benchmark SIGKILLs it at random points.

    python -m headunit.bench.sync_agent --data-dir D --url URL --credential FILE --slots FILE --ops N
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from headunit.core.config import Config, with_overrides
from headunit.services.backend.actions import DriverActions
from headunit.services.backend.client import build_client
from headunit.services.backend.sync import SyncWorker
from headunit.services.store import Store


def drain(worker: SyncWorker) -> None:
    """Deliver until the outbox is empty (a refused row counts as done)."""
    while (report := worker.deliver()).pending:
        if report.error:
            raise RuntimeError(f"delivery stopped: {report.error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sync_agent")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--credential", type=Path, required=True)
    parser.add_argument("--slots", type=Path, required=True, help="JSON list of [poi_id, slot_id]")
    parser.add_argument("--ops", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    slots = json.loads(args.slots.read_text())
    rng = random.Random(args.seed)
    vin = json.loads(args.credential.read_text())["vin"]
    client = build_client(with_overrides(Config(), {"backend.vin": vin}).backend, args.url, args.credential)
    with Store.open(args.data_dir) as store:
        worker = SyncWorker(store, client, base_s=0.01, cap_s=0.05)
        actions = DriverActions(store)
        print("ready", flush=True)
        drain(worker)
        for _ in range(args.ops):
            poi_id, slot_id = rng.choice(slots)
            print(f"queued {actions.reserve(poi_id, slot_id)}", flush=True)
            worker.deliver()
        drain(worker)
    print("drained", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
