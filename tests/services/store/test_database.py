"""Store.open, file permissions, atomic() and corrupt-file recovery, on real SQLite files."""

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import stat
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headunit.services.store import MIGRATIONS, Store, StoreError

NOW = "2025-01-01T00:00:00Z"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def setting(key: str, value: object = 1) -> dict[str, str]:
    return {"key": key, "value": json.dumps(value), "updated_at": NOW}


def committed_keys(path: Path) -> list[str]:
    """What another connection sees, i.e. what was really committed."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT key FROM settings ORDER BY key")]
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture(params=[0o000, 0o277], ids=["umask-000", "umask-277"])
def process_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """The modes must not depend on the umask, neither a lax nor a too strict one."""
    original = os.umask(request.param)
    yield request.param
    os.umask(original)


def test_fresh_open_creates_private_wal_database(tmp_path: Path, process_umask: int) -> None:
    data_dir = tmp_path / "data"
    with Store.open(data_dir) as store:
        with store.atomic() as db:
            db["settings"].insert(setting("volume"))
        assert store.path == data_dir / "headunit.db"
        assert store.db.journal_mode == "wal"
        files = [store.path, Path(f"{store.path}-wal"), Path(f"{store.path}-shm")]
        assert all(f.is_file() for f in files)
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert mode(data_dir) == 0o700


def test_connection_pragmas(store: Store) -> None:
    def pragma(name: str) -> object:
        return store.db.execute(f"PRAGMA {name}").fetchone()[0]

    assert pragma("journal_mode") == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 1  # NORMAL
    assert pragma("busy_timeout") >= 1000


def test_existing_files_that_are_too_open_are_made_private(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    path = tmp_path / "headunit.db"
    os.chmod(path, 0o666)
    with Store.open(tmp_path) as store:
        assert mode(path) == 0o600
        store.db["settings"].insert(setting("a"))
        assert mode(Path(f"{path}-wal")) == 0o600


def test_data_dir_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a dir")
    with pytest.raises(StoreError, match="not a directory"):
        Store.open(tmp_path / "data")


def test_store_package_does_not_import_qt() -> None:
    code = "import sys, headunit.services.store; print(sorted(m for m in sys.modules if 'PySide' in m or m.startswith('headunit.qt')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_atomic_commits_table_methods_and_raw_sql_together(store: Store) -> None:
    with store.atomic() as db:
        db["settings"].insert(setting("a"))
        db.execute("INSERT INTO settings VALUES ('b', '2', ?)", [NOW])
    assert committed_keys(store.path) == ["a", "b"]


def test_atomic_rolls_back_everything_on_an_exception(store: Store) -> None:
    store.db["settings"].insert(setting("before"))
    with pytest.raises(RuntimeError, match="boom"):
        with store.atomic() as db:
            db["settings"].insert(setting("a"))
            db.execute("INSERT INTO settings VALUES ('b', '2', ?)", [NOW])
            db["settings"].upsert(setting("before", "changed"), pk="key")
            raise RuntimeError("boom")
    assert committed_keys(store.path) == ["before"]
    assert store.db["settings"].get("before")["value"] == "1"
    assert not store.db.conn.in_transaction


def test_durable_atomic_commits_with_synchronous_full_and_then_goes_back(store: Store) -> None:
    seen = []
    with store.atomic(durable=True) as db:
        seen.append(db.execute("PRAGMA synchronous").fetchone()[0])
        db["settings"].insert(setting("a"))
    assert seen == [2]  # FULL while the driver's action commits
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL again
    assert committed_keys(store.path) == ["a"]


def test_durable_atomic_goes_back_to_normal_after_a_rollback(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.atomic(durable=True) as db:
            db["settings"].insert(setting("a"))
            raise RuntimeError("boom")
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 1
    assert committed_keys(store.path) == []


def test_atomic_rolls_back_on_a_failing_statement(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        with store.atomic() as db:
            db["settings"].insert(setting("a"))
            db.execute("INSERT INTO settings VALUES ('b', NULL, ?)", [NOW])
    assert committed_keys(store.path) == []


def test_nested_atomic_failure_undoes_only_the_inner_block(store: Store) -> None:
    with store.atomic() as db:
        db["settings"].insert(setting("outer"))
        with pytest.raises(RuntimeError):
            with store.atomic() as inner:
                inner["settings"].insert(setting("inner"))
                raise RuntimeError("inner fails")
        with store.atomic() as inner:
            inner["settings"].insert(setting("second"))
        assert committed_keys(store.path) == []  # nothing is visible before the outer commit
    assert committed_keys(store.path) == ["outer", "second"]


def test_outer_failure_undoes_committed_inner_blocks(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.atomic() as db:
            with store.atomic() as inner:
                inner["settings"].insert(setting("inner"))
            db["settings"].insert(setting("outer"))
            raise RuntimeError("outer fails")
    assert committed_keys(store.path) == []


def test_atomic_works_from_a_worker_thread(store: Store) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with store.atomic() as db:
                db["settings"].insert(setting("from-worker"))
        except BaseException as exc:  # reported to the test thread below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert committed_keys(store.path) == ["from-worker"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=8,
)
rows = st.dictionaries(st.text(st.characters(exclude_categories=["Cs"])), json_values, max_size=10)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(existing=rows, attempted=rows)
def test_atomic_rollback_leaves_table_unchanged(store: Store, existing: dict, attempted: dict) -> None:
    store.db.execute("DELETE FROM settings")
    store.db["settings"].insert_all([setting(k, v) for k, v in existing.items()])
    before = list(store.db["settings"].rows)
    with pytest.raises(RuntimeError):
        with store.atomic() as db:
            db["settings"].upsert_all([setting(k, v) for k, v in attempted.items()], pk="key")
            db.execute("DELETE FROM settings WHERE key > ''")
            raise RuntimeError("interrupted")
    assert list(store.db["settings"].rows) == before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(written=rows)
def test_atomic_commit_keeps_every_row(store: Store, written: dict) -> None:
    store.db.execute("DELETE FROM settings")
    with store.atomic() as db:
        db["settings"].insert_all([setting(k, v) for k, v in written.items()])
    stored = {row["key"]: json.loads(row["value"]) for row in store.db["settings"].rows}
    assert stored == written


def make_database(data_dir: Path) -> Path:
    """A real, migrated database with enough rows to span many pages."""
    with Store.open(data_dir) as store:
        with store.atomic() as db:
            db["settings"].insert_all(setting(f"k{i}", "x" * 300) for i in range(400))
            db.execute("DELETE FROM settings WHERE rowid > 20")  # leaves free pages
        return store.path


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def truncated(path: Path) -> None:
    make_database(path.parent)
    os.truncate(path, path.stat().st_size // 2)


def wrong_freelist_count(path: Path) -> None:
    """A damaged header field that only PRAGMA quick_check notices."""
    make_database(path.parent)
    with path.open("r+b") as f:
        f.seek(36)
        f.write(struct.pack(">I", 3))


def directory(path: Path) -> None:
    path.mkdir()
    (path / "inside").write_text("kept")


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (random_bytes, "file is not a database"),
        (truncated, "malformed"),
        (wrong_freelist_count, "quick_check: .*freelist"),
        (directory, "not a regular file"),
    ],
)
def test_corrupt_database_is_moved_aside_and_replaced(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: Callable[[Path], None], reason: str
) -> None:
    path = tmp_path / "headunit.db"
    damage(path)
    before = {p.name: (digest(p) if p.is_file() else "dir") for p in tmp_path.iterdir()}
    caplog.set_level(logging.WARNING)

    with Store.open(tmp_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.db["settings"].count == 0

    [moved] = [p for p in tmp_path.iterdir() if re.fullmatch(r"headunit\.db\.corrupt-\d{8}T\d{6}Z", p.name)]
    assert (digest(moved) if moved.is_file() else "dir") == before["headunit.db"]
    if moved.is_dir():
        assert (moved / "inside").read_text() == "kept"
    [record] = caplog.records
    assert (record.name, record.levelno) == ("headunit.store", logging.WARNING)
    message = record.getMessage()
    assert str(moved) in message and "\n" not in message
    assert re.search(reason, message)


def test_sidecars_of_a_corrupt_database_move_with_it(tmp_path: Path) -> None:
    path = tmp_path / "headunit.db"
    random_bytes(path)
    wal = os.urandom(100)
    Path(f"{path}-wal").write_bytes(wal)
    Path(f"{path}-shm").write_bytes(os.urandom(100))

    Store.open(tmp_path).close()

    [moved] = [p for p in tmp_path.iterdir() if p.name.endswith("Z")]
    assert Path(f"{moved}-wal").read_bytes() == wal
    # SQLite rebuilds the -shm index in place when it reads the file, so only its presence is kept.
    assert Path(f"{moved}-shm").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(moved.name)) == ["headunit.db"]


def test_second_corruption_in_the_same_second_keeps_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "headunit.db"
    contents = [os.urandom(4096), os.urandom(4096)]
    for content in contents:
        path.write_bytes(content)
        Store.open(tmp_path).close()
    moved = sorted(p.read_bytes() for p in tmp_path.iterdir() if ".corrupt-" in p.name)
    assert moved == sorted(contents)


def test_healthy_database_is_not_moved(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    make_database(tmp_path)
    with Store.open(tmp_path) as store:
        assert store.db["settings"].count == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["headunit.db"]
    assert caplog.records == []


def test_hot_journal_of_a_crashed_writer_is_rolled_back_not_moved(tmp_path: Path) -> None:
    """A rollback-journal database copied mid-transaction: SQLite must roll it back, not us move it."""
    live, crashed = tmp_path / "live", tmp_path / "crashed"
    live.mkdir()
    conn = sqlite3.connect(live / "headunit.db")
    conn.execute("CREATE TABLE kept (n INTEGER)")
    conn.executemany("INSERT INTO kept VALUES (?)", [(n,) for n in range(2000)])
    conn.commit()
    conn.execute("PRAGMA cache_size=1")  # forces the update's pages into the file before commit
    conn.execute("UPDATE kept SET n = -1")
    shutil.copytree(live, crashed)
    conn.close()
    assert (crashed / "headunit.db-journal").stat().st_size > 0

    with Store.open(crashed) as store:
        assert store.db.execute("SELECT min(n), count(*) FROM kept").fetchone() == (0, 2000)
        assert store.schema_version == len(MIGRATIONS)
    assert not [p for p in crashed.iterdir() if ".corrupt-" in p.name]
