"""Validated backend answers kept in the store's ``backend_cache`` table (migration 3).

Rows hold the API's JSON shape (``to_api_json`` of a parsed model), so reading one
back goes through the same parser as a fresh answer. ``fetched_at`` is UTC epoch
seconds; data older than the configured ``stale_after_s`` is shown marked stale.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from typing import Any

from headunit.services.store import Store

log = logging.getLogger("headunit.backend")


@dataclass(frozen=True)
class Cached:
    body: Any  # the stored JSON: an object, as put() wrote it
    fetched_at: float


def is_stale(cached: Cached, now: float, stale_after_s: float) -> bool:
    """True when older than ``stale_after_s``, or fetched "in the future" (the clock
    was set back since, so its age is unknown)."""
    age = now - cached.fetched_at
    return age < 0 or age > stale_after_s


class BackendCache:
    def __init__(self, store: Store) -> None:
        self._store = store

    is_stale = staticmethod(is_stale)

    def put(self, kind: str, key: str, body: dict[str, Any], fetched_at: float) -> None:
        """Insert or replace one row, in one transaction. ValueError (nothing written) for
        a body that is not a JSON object or a fetched_at that is not a finite number."""
        if not kind or not isinstance(kind, str) or not isinstance(key, str):
            raise ValueError(f"cache kind and key must be strings (kind non-empty), got {kind!r}, {key!r}")
        if not isinstance(body, dict):
            raise ValueError(f"a cached body must be a JSON object, got {type(body).__name__}")
        if isinstance(fetched_at, bool) or not isinstance(fetched_at, (int, float)) or not math.isfinite(fetched_at):
            raise ValueError(f"fetched_at must be a finite number, got {fetched_at!r}")
        text = json.dumps(body, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
        with self._store.atomic() as db:
            db.execute(
                "INSERT INTO backend_cache (kind, key, body, fetched_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at",
                [kind, key, text, float(fetched_at)],
            )

    def get(self, kind: str, key: str) -> Cached | None:
        with self._store.atomic() as db:
            row = db.execute(
                "SELECT body, fetched_at FROM backend_cache WHERE kind = ? AND key = ?", [kind, key]
            ).fetchone()
        if row is None:
            return None
        try:
            return Cached(json.loads(row[0]), float(row[1]))
        except (ValueError, RecursionError) as exc:
            log.warning("cached %s %s is unreadable (%s); treating it as absent", kind, key, exc)
            return None
