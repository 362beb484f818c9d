"""The backend database file: private, WAL, versioned, and refused when it is not ours."""

from __future__ import annotations

import json
import sqlite3
import stat

import pytest

from headunit.backend.clock import ManualClock, rfc3339
from headunit.backend.db import DDL, SCHEMA_VERSION, BackendDbError, Database, init_database
from headunit.backend.demo_data import demo_pumps
from headunit.backend.records import reservation_json
from headunit.backend.vehicles import provision_vehicle


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_wal_files_are_private(tmp_path):
    db_path = tmp_path / "new" / "backend.db"
    init_database(db_path)
    db = Database(db_path)
    try:
        with db.write() as conn:
            conn.execute("UPDATE meta SET value = value WHERE key = 'receipt_seq'")
        assert db.connection().execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.connection().execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        files = [db_path, db_path.with_name("backend.db-wal"), db_path.with_name("backend.db-shm")]
        assert [mode(path) for path in files] == [0o600] * 3
        assert mode(db_path.parent) == 0o700
    finally:
        db.close()


def test_each_database_gets_its_own_signing_secret(tmp_path):
    secrets = []
    for name in ("a.db", "b.db"):
        init_database(tmp_path / name)
        init_database(tmp_path / name)  # opening again keeps it
        db = Database(tmp_path / name)
        secrets.append(db.meta("signing_secret"))
        db.close()
    assert secrets[0] != secrets[1] and len(bytes.fromhex(secrets[0])) == 32


def test_a_database_from_newer_software_is_refused_untouched(tmp_path):
    db_path = tmp_path / "b.db"
    init_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db_path.read_bytes()
    with pytest.raises(BackendDbError, match="newer software"):
        init_database(db_path)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    db_path = tmp_path / "b.db"
    db_path.write_text("hello " * 1000)
    with pytest.raises(BackendDbError, match="not a database"):
        init_database(db_path)


def test_a_failed_write_leaves_nothing(tmp_path):
    db_path = tmp_path / "b.db"
    provision_vehicle(db_path, "WHU5MULATR0000001", 0.0)
    db = Database(db_path)
    try:
        with pytest.raises(RuntimeError), db.write() as conn:
            conn.execute("UPDATE vehicles SET wallet_minor = 0")
            raise RuntimeError("crash between two writes")
        assert db.connection().execute("SELECT wallet_minor FROM vehicles").fetchone()[0] == 50_000
    finally:
        db.close()


def test_the_manual_clock_only_moves_forward():
    clock = ManualClock(1_795_249_800.0)
    clock.advance(90.5)
    assert rfc3339(clock.now()) == "2026-11-21T08:31:30Z"
    with pytest.raises(ValueError, match="only moves forward"):
        clock.advance(-1)


def test_a_version_1_database_is_upgraded_in_place_keeping_its_rows(tmp_path):
    """A database of the first release (no pumps, connectors or energy) gains them on open."""
    db_path = tmp_path / "b.db"
    with sqlite3.connect(db_path) as conn:
        conn.executescript(DDL)
        conn.execute("INSERT INTO meta(key, value) VALUES ('signing_secret', 'ab'), ('receipt_seq', '7')")
        conn.execute("INSERT INTO pois VALUES ('n5', 'fuel', 'Neste', 60.1, 24.9, 6, 189, '[]'), "
                     "('n6', 'parking', 'P', 60.1, 24.9, 9, 250, '[]')")
        conn.execute("INSERT INTO reservations(id, vin, poi_id, slot_id, start_at, end_at, status, price_minor, "
                     "currency, created_at) VALUES ('res_1', 'V', 'n6', 'n6.20261121T0900', 0, 3600, 'cancelled', "
                     "250, 'EUR', 0)")
        conn.execute("PRAGMA user_version = 1")
    init_database(db_path)
    db = Database(db_path)
    try:
        conn = db.connection()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        pumps = dict(conn.execute("SELECT poi_id, pumps FROM pois").fetchall())
        assert json.loads(pumps["n5"]) == demo_pumps("n5", 6) and len(json.loads(pumps["n5"])) == 6
        assert pumps["n6"] == "[]"
        old = reservation_json(conn.execute("SELECT * FROM reservations").fetchone(), 0.0)
        assert (old["duration_min"], old["connector"], old["energy_kwh"]) == (60, None, None)
        assert db.meta("receipt_seq") == "7"
    finally:
        db.close()
    init_database(db_path)  # opening again changes nothing
