"""The launcher's saved order and each app's last use, in the store's ``launcher_apps``
table (migration 5): one row per app id with its position (NULL when the driver's order
does not include it) and when it was last opened (UTC epoch seconds, NULL when never).

Blocking (SQLite): run on the worker executor. core.apps.launcher turns a record into
the order shown (``arrange``) and the recently used row (``recent``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from headunit.services.store import Store


@dataclass(frozen=True)
class LauncherRecord:
    positions: dict[str, int] = field(default_factory=dict)
    last_used: dict[str, float] = field(default_factory=dict)


def load_launcher(store: Store) -> LauncherRecord:
    """The saved positions and last-used times (rows of another type are skipped)."""
    with store.atomic() as db:
        rows = db.execute("SELECT app_id, position, last_used FROM launcher_apps").fetchall()
    positions: dict[str, int] = {}
    last_used: dict[str, float] = {}
    for app_id, position, used in rows:
        if isinstance(position, int):
            positions[app_id] = position
        if isinstance(used, (int, float)) and math.isfinite(used):
            last_used[app_id] = float(used)
    return LauncherRecord(positions, last_used)


def save_order(store: Store, ids: Sequence[str]) -> None:
    """Save ``ids`` as the launcher order, replacing the previous one in one transaction.

    Apps left out lose their position (they go after the saved ones next time) but keep
    their last use. A repeated or empty id is refused before anything is written.
    """
    seen: set[str] = set()
    for index, app_id in enumerate(ids):
        if not isinstance(app_id, str) or app_id == "":
            raise ValueError(f"ids[{index}]: expected an app id, got {app_id!r}")
        if app_id in seen:
            raise ValueError(f"ids[{index}]: {app_id!r} appears twice in the order")
        seen.add(app_id)
    with store.atomic(durable=True) as db:  # the driver's arrangement: survives a power cut
        db.execute("UPDATE launcher_apps SET position = NULL WHERE position IS NOT NULL")
        db.conn.executemany(
            "INSERT INTO launcher_apps (app_id, position) VALUES (?, ?) "
            "ON CONFLICT (app_id) DO UPDATE SET position = excluded.position",
            [(app_id, index) for index, app_id in enumerate(ids)],
        )
        db.execute("DELETE FROM launcher_apps WHERE position IS NULL AND last_used IS NULL")


def mark_used(store: Store, app_id: str, now: float) -> None:
    """Record that ``app_id`` was opened at ``now`` (epoch seconds); its position stays."""
    if not isinstance(app_id, str) or app_id == "":
        raise ValueError(f"app_id: expected an app id, got {app_id!r}")
    if isinstance(now, bool) or not isinstance(now, (int, float)) or not math.isfinite(now):
        raise ValueError(f"now: expected a finite time in epoch seconds, got {now!r}")
    with store.atomic() as db:
        db.execute(
            "INSERT INTO launcher_apps (app_id, last_used) VALUES (?, ?) "
            "ON CONFLICT (app_id) DO UPDATE SET last_used = excluded.last_used",
            [app_id, float(now)],
        )
