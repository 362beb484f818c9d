"""The backend's SQLite database: schema, one connection per thread, write transactions.

The file is private (0600, its folder 0700 when created here) and in WAL mode with
synchronous=NORMAL. The schema version lives in PRAGMA user_version: a new file gets
DDL (version 1) and then each UPGRADES step, an older file only the steps it lacks,
each version in its own transaction; a database from newer software is refused
untouched. Writes that must not race run in one `BEGIN IMMEDIATE` transaction
(`Database.write()`); threads of this process queue on a lock first, so they wait
without SQLite's busy back-off sleeps, and other processes (a `provision` or
`confirm-qr ORDER` command next to a running server) are kept out by SQLite's own lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from headunit.services.thread_connections import ThreadConnections

SCHEMA_VERSION = 2
BUSY_TIMEOUT_MS = 10_000

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE vehicles (
    vin TEXT PRIMARY KEY,
    secret_sha256 TEXT NOT NULL,
    pin_salt BLOB,                      -- NULL: no wallet set up
    pin_hash BLOB,
    wallet_minor INTEGER NOT NULL,
    wrong_pins INTEGER NOT NULL DEFAULT 0,
    locked_until REAL,
    created_at REAL NOT NULL
);

CREATE TABLE tokens (
    token_sha256 TEXT PRIMARY KEY,
    vin TEXT NOT NULL,
    expires_at REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX tokens_vin ON tokens(vin);

CREATE TABLE pois (
    poi_id TEXT PRIMARY KEY,
    category TEXT NOT NULL,             -- parking, fuel, charging
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    capacity INTEGER NOT NULL,
    price_minor INTEGER NOT NULL,       -- per hour, litre or kWh
    connectors TEXT NOT NULL            -- JSON list of {type, power_kw, count}
);
CREATE INDEX pois_lon ON pois(lon);

CREATE TABLE reservations (
    id TEXT PRIMARY KEY,
    vin TEXT NOT NULL,
    poi_id TEXT NOT NULL,
    slot_id TEXT NOT NULL,
    start_at REAL NOT NULL,
    end_at REAL NOT NULL,
    status TEXT NOT NULL,               -- held, confirmed, expired, cancelled
    hold_expires_at REAL,
    price_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    client_ref TEXT,
    order_id TEXT,
    created_at REAL NOT NULL
);
CREATE INDEX reservations_slot ON reservations(slot_id, status, hold_expires_at);
CREATE INDEX reservations_vin ON reservations(vin, created_at);
CREATE INDEX reservations_end ON reservations(end_at);
CREATE INDEX reservations_poi ON reservations(poi_id, start_at);
CREATE INDEX reservations_held ON reservations(hold_expires_at) WHERE status = 'held';

CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    vin TEXT NOT NULL,
    merchant_order_id TEXT NOT NULL,
    kind TEXT NOT NULL,                 -- reservation, fuel, charging
    reservation_id TEXT,
    poi_id TEXT NOT NULL,
    quantity REAL,
    amount_minor INTEGER NOT NULL,
    currency TEXT NOT NULL,
    merchant TEXT NOT NULL,
    status TEXT NOT NULL,               -- pending, paid, closed, refunded
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    paid_at REAL,
    method TEXT,                        -- qr, wallet
    qr_token TEXT UNIQUE,               -- usable only while pending
    receipt_number INTEGER UNIQUE,
    vat_minor INTEGER,
    UNIQUE (vin, merchant_order_id)
);
CREATE INDEX orders_vin ON orders(vin, created_at);
CREATE INDEX orders_reservation ON orders(reservation_id);
CREATE INDEX orders_pending ON orders(expires_at) WHERE status = 'pending';

CREATE TABLE idempotency_keys (
    vin TEXT NOT NULL,
    key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,             -- the JSON body answered
    created_at REAL NOT NULL,
    PRIMARY KEY (vin, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_age ON idempotency_keys(created_at);
"""

# version -> the statements that make a database of version - 1 into one of this version
UPGRADES: dict[int, tuple[str, ...]] = {
    2: (  # reservations with a duration, a connector and energy; fuel pumps
        "ALTER TABLE pois ADD COLUMN pumps TEXT NOT NULL DEFAULT '[]'",  # JSON list of {number, fuels[, free]}
        "ALTER TABLE reservations ADD COLUMN connector TEXT",
        "ALTER TABLE reservations ADD COLUMN energy_kwh REAL",
        "ALTER TABLE orders ADD COLUMN pump INTEGER",
    ),
}


class BackendDbError(Exception):
    """The backend database cannot be opened; the message says why."""


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def _create_private_file(path: Path) -> None:
    """Create the file 0600 if it is missing. An existing file is never opened here: closing any
    descriptor of it would drop this process's POSIX locks, SQLite's included (a running server's
    WAL could then be removed by the next process that closes the database)."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def init_database(path: Path) -> None:
    """Create or check the database at `path`; raises BackendDbError when it is unusable."""
    path = Path(path)
    try:
        _create_private_file(path)
        conn = _connect(path)
    except (OSError, sqlite3.Error) as exc:
        raise BackendDbError(f"{path}: cannot open the backend database: {exc}") from exc
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BackendDbError(f"{path}: written by newer software (schema {version}, "
                                 f"this one reads {SCHEMA_VERSION})")
        conn.execute("PRAGMA journal_mode=WAL")
        while version < SCHEMA_VERSION:
            version = _step(conn, version)
    except sqlite3.DatabaseError as exc:
        raise BackendDbError(f"{path}: not a backend database ({exc})") from exc
    finally:
        conn.close()


def _step(conn: sqlite3.Connection, version: int) -> int:
    """Bring the database from `version` to the next one in one transaction; the version it is at now
    (another process may have done the step meanwhile)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        if current == version:
            if version == 0:
                for statement in DDL.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                                 [("signing_secret", secrets.token_hex(32)), ("receipt_seq", "0")])
            else:
                for statement in UPGRADES[version + 1]:
                    conn.execute(statement)
                if version + 1 == 2:
                    _give_fuel_pois_pumps(conn)
            current = version + 1
            conn.execute(f"PRAGMA user_version = {current}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return current


def _give_fuel_pois_pumps(conn: sqlite3.Connection) -> None:
    """Fuel POIs stored before pumps existed get their demo pumps, one per unit of capacity."""
    from .demo_data import demo_pumps

    rows = conn.execute("SELECT poi_id, capacity FROM pois WHERE category = 'fuel'").fetchall()
    conn.executemany("UPDATE pois SET pumps = ? WHERE poi_id = ?",
                     [(json.dumps(demo_pumps(poi_id, capacity)), poi_id) for poi_id, capacity in rows])


class Database:
    """Connections to one backend database file: one per thread, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connections = ThreadConnections(lambda: _connect(self.path))
        self._write_lock = threading.Lock()

    def connection(self) -> sqlite3.Connection:
        return self._connections.get()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction: committed when the block ends, rolled back on an exception."""
        conn = self.connection()
        with self._write_lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def meta(self, key: str) -> str:
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise BackendDbError(f"{self.path}: meta key {key!r} is missing")
        return row[0]

    def close(self) -> None:
        self._connections.close()


@contextlib.contextmanager
def savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested unit of work: undone alone when the block raises."""
    conn.execute("SAVEPOINT effect")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO effect")
        conn.execute("RELEASE effect")
        raise
    conn.execute("RELEASE effect")
