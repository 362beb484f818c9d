"""Idempotency-Key handling (Stripe's semantics, docs/backend-api.md "Idempotency").

The first request with a key runs its effect; its status and body are stored in the
same BEGIN IMMEDIATE transaction as the effect, so a crash leaves both or neither. A
later request with the key, the same method, path and body gets the stored answer
again with `Idempotent-Replayed: true`; with anything else it is 409
idempotency_key_reused. Refusals (4xx from the effect) are stored and replayed too.
Keys are per vehicle and kept 24 hours.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request, Response

from .context import Backend
from .db import savepoint
from .errors import ApiError
from .models import IDEMPOTENCY_KEY

KEEP_S = 24 * 3600
PURGE_EVERY_S = 60.0
REPLAYED_HEADER = "Idempotent-Replayed"

IdempotencyKey = Annotated[str, Header(
    alias="Idempotency-Key", pattern=IDEMPOTENCY_KEY,
    description="1 to 255 visible ASCII characters, e.g. a UUID4; missing or malformed is 400 bad_request")]

Effect = Callable[[sqlite3.Connection, float], tuple[int, dict[str, Any]]]


def body_fingerprint(body: dict[str, Any]) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _dump(body: dict[str, Any]) -> str:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False)


def run_idempotent(backend: Backend, request: Request, vin: str, key: str, body: dict[str, Any],
                   effect: Effect) -> Response:
    """Run `effect(conn, now)` once per (vin, key); it answers (status, body) or raises ApiError.

    An ApiError from the effect undoes the effect's writes (savepoint) and is stored
    as the answer; an effect that must keep writes with a refusal (a wrong PIN counts)
    returns the 4xx status itself.
    """
    method, path, fingerprint = request.method, request.url.path, body_fingerprint(body)
    now = backend.clock.now()
    with backend.db.write() as conn:
        stored = conn.execute(
            "SELECT method, path, body_sha256, status, response, created_at FROM idempotency_keys "
            "WHERE vin = ? AND key = ?", (vin, key)).fetchone()
        if stored is not None and stored["created_at"] > now - KEEP_S:
            if (stored["method"], stored["path"], stored["body_sha256"]) != (method, path, fingerprint):
                raise ApiError(409, "idempotency_key_reused",
                               f"Idempotency-Key {key!r} was used for {stored['method']} {stored['path']} "
                               "with another body; use a new key for a new request")
            return Response(stored["response"], status_code=stored["status"], media_type="application/json",
                            headers={REPLAYED_HEADER: "true"})
        try:
            with savepoint(conn):
                status, answer = effect(conn, now)
        except ApiError as exc:
            status, answer = exc.status, exc.body()
        text = _dump(answer)
        conn.execute(
            "INSERT OR REPLACE INTO idempotency_keys"
            "(vin, key, method, path, body_sha256, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (vin, key, method, path, fingerprint, status, text, now))
        if now - backend.last_key_purge >= PURGE_EVERY_S:
            conn.execute("DELETE FROM idempotency_keys WHERE created_at <= ?", (now - KEEP_S,))
            backend.last_key_purge = now
    return Response(text, status_code=status, media_type="application/json")
