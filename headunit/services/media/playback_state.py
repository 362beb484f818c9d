"""What was playing, kept in the store (row media_playback id=1) so the queue, the track and
the position survive a restart.

The state is a JSON object {"queue": PlayQueue.to_json(), "position_ms": int}. A row that does
not read back (corrupt JSON, a queue that fails validation) is ignored with a warning: the
head unit then starts with nothing loaded, it never fails to start over it.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any

from headunit.core.media.queue import PlayQueue
from headunit.services.store import Store

log = logging.getLogger("headunit.media.playback")

STATE_FIELDS = ("queue", "position_ms")


def validate_playback(state: object) -> dict[str, Any]:
    """The state itself if it is well formed; a ValueError naming the bad field otherwise."""
    if not isinstance(state, dict):
        raise ValueError(f"state: expected an object, got {type(state).__name__}")
    unknown = sorted(set(state) - set(STATE_FIELDS))
    if unknown:
        raise ValueError(f"state.{unknown[0]}: unknown field")
    if "queue" not in state:
        raise ValueError("state.queue: missing")
    PlayQueue.from_json(state["queue"])
    position = state.get("position_ms")
    if isinstance(position, bool) or not isinstance(position, int) or position < 0:
        raise ValueError(f"state.position_ms: expected an integer >= 0, got {position!r}")
    return state


def save_playback(store: Store, state: dict[str, Any], now: float) -> None:
    """Write the state (replacing the previous one) in one unit of work; a malformed state
    raises ValueError and writes nothing."""
    text = json.dumps(validate_playback(state), ensure_ascii=False, allow_nan=False)
    with store.atomic() as db:
        db.execute(
            "INSERT INTO media_playback (id, state, updated_at) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            [text, float(now)],
        )


def load_playback(store: Store) -> dict[str, Any] | None:
    """The saved state, or None when there is none or it cannot be read (logged). Never raises."""
    try:
        with store.atomic() as db:
            row = db.execute("SELECT state FROM media_playback WHERE id = 1").fetchone()
    except sqlite3.Error as exc:
        log.warning("the saved playback state could not be read: %s", exc)
        return None
    if row is None:
        return None
    try:
        return validate_playback(json.loads(row[0]))
    except (ValueError, TypeError, RecursionError) as exc:
        log.warning("ignored the saved playback state: %s", exc)
        return None
