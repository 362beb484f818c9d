"""Vehicle data kept in the store: last-known signal values and the pre-heat schedule."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime

from headunit.core.signals import Quality, Sample, SignalError, make_sample
from headunit.services.store import Store

log = logging.getLogger("headunit.vehicle.persistence")
# Requests, not states: a steering-wheel key press restored after a restart would press it again.
TRANSIENT_PATHS = frozenset({"Vehicle.Cabin.Infotainment.Media.Action"})


def save_signals(store: Store, samples: Iterable[Sample]) -> int:
    """Upsert the given samples in one unit of work; returns how many were written."""
    rows = [{"path": s.path, "value": json.dumps(s.value, allow_nan=False), "quality": str(s.quality),
             "timestamp": s.timestamp}
            for s in samples
            if s.path not in TRANSIENT_PATHS and not (isinstance(s.value, float) and s.value != s.value)]
    if rows:
        with store.atomic() as db:
            db["vehicle_signals"].upsert_all(rows, pk="path")
    return len(rows)


def load_signals(store: Store) -> list[Sample]:
    """The last-known samples; rows this version cannot read are skipped and logged."""
    samples, skipped = [], 0
    with store.atomic() as db:
        rows = list(db["vehicle_signals"].rows)
    for row in rows:
        try:
            sample = make_sample(row["path"], json.loads(row["value"]), float(row["timestamp"]))
        except (SignalError, ValueError, TypeError) as exc:
            skipped += 1
            log.warning("skipped a stored signal value: %s", exc)
            continue
        if row["quality"] != Quality.OUT_OF_RANGE and sample.path not in TRANSIENT_PATHS:
            samples.append(sample)
    if skipped:
        log.warning("%d stored signal value(s) could not be read and were skipped", skipped)
    return samples


def save_preheat(store: Store, due_at: datetime, now: datetime) -> None:
    with store.atomic() as db:
        db["preheat_schedule"].upsert({"id": 1, "due_at": due_at.isoformat(), "created_at": now.isoformat()},
                                      pk="id")


def load_preheat(store: Store) -> datetime | None:
    with store.atomic() as db:
        rows = list(db["preheat_schedule"].rows)
    if not rows:
        return None
    try:
        due = datetime.fromisoformat(rows[0]["due_at"])
    except ValueError:
        log.warning("stored pre-heat time %r is not a time; dropped", rows[0]["due_at"])
        clear_preheat(store)
        return None
    return due if due.tzinfo else None


def clear_preheat(store: Store) -> None:
    with store.atomic() as db:
        db.execute("DELETE FROM preheat_schedule")
