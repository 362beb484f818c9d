"""Numbered migrations: recorded, applied once, atomic, validated, and newer databases refused."""

import hashlib
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils

from headunit.services.store import MIGRATIONS, DatabaseTooNewError, Migration, Store, StoreError

NOW = "2025-01-01T00:00:00Z"


def recorded(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    finally:
        conn.close()


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


class Counting:
    """Migrations that create table t<version> and count how often they ran."""

    def __init__(self) -> None:
        self.runs: Counter[int] = Counter()

    def migration(self, version: int) -> Migration:
        def apply(db: sqlite_utils.Database) -> None:
            self.runs[version] += 1
            db[f"t{version}"].create({"id": int}, pk="id")

        return Migration(version, f"table_{version}", apply)

    def upto(self, newest: int) -> list[Migration]:
        return [self.migration(v) for v in range(1, newest + 1)]


def test_shipped_migrations_are_numbered_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[0].key == "0001_settings"


def test_fresh_open_records_migrations_and_creates_settings(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        settings = store.db["settings"]
        assert settings.pks == ["key"]
        assert {c.name: (c.type, c.notnull) for c in settings.columns} == {
            "key": ("TEXT", False),
            "value": ("TEXT", True),
            "updated_at": ("TEXT", True),
        }
    assert recorded(tmp_path / "headunit.db") == [m.key for m in MIGRATIONS]


@pytest.mark.parametrize(
    "row",
    [
        ("a", None, NOW),
        ("a", "not json", NOW),
        ("a", "1", None),
    ],
)
def test_settings_rejects_rows_without_json_value_or_time(tmp_path: Path, row: tuple) -> None:
    with Store.open(tmp_path) as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO settings VALUES (?, ?, ?)", row)
        assert store.db["settings"].count == 0


def test_reopen_applies_nothing_again(tmp_path: Path) -> None:
    counting = Counting()
    Store.open(tmp_path, counting.upto(2)).close()
    with Store.open(tmp_path, counting.upto(2)) as store:
        assert store.schema_version == 2
    assert counting.runs == {1: 1, 2: 1}
    assert recorded(tmp_path / "headunit.db") == ["0001_table_1", "0002_table_2"]


def test_appended_migration_is_applied_on_next_open(tmp_path: Path) -> None:
    counting = Counting()
    Store.open(tmp_path, counting.upto(1)).close()
    with Store.open(tmp_path, counting.upto(3)) as store:
        assert store.schema_version == 3
        assert {"t1", "t2", "t3"} <= set(store.db.table_names())
    assert counting.runs == {1: 1, 2: 1, 3: 1}


def test_failing_migration_rolls_back_entirely(tmp_path: Path) -> None:
    counting = Counting()

    def half_done(db: sqlite_utils.Database) -> None:
        db["t2"].create({"id": int}, pk="id")
        db["t2"].insert({"id": 1})
        db.execute("INSERT INTO no_such_table VALUES (1)")

    migrations = [counting.migration(1), Migration(2, "half_done", half_done), counting.migration(3)]
    with pytest.raises(StoreError, match="0002_half_done") as raised:
        Store.open(tmp_path, migrations)
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)

    path = tmp_path / "headunit.db"
    assert recorded(path) == ["0001_table_1"]
    assert "t2" not in tables(path) and "t3" not in tables(path)
    assert counting.runs == {1: 1}
    with Store.open(tmp_path, counting.upto(3)) as store:
        assert store.schema_version == 3
    assert counting.runs == {1: 1, 2: 1, 3: 1}


def test_migration_raising_python_error_is_named(tmp_path: Path) -> None:
    def broken(db: sqlite_utils.Database) -> None:
        db["t1"].create({"id": int}, pk="id")
        raise KeyError("missing")

    with pytest.raises(StoreError, match=r"migration 0001_broken failed.*version 0"):
        Store.open(tmp_path, [Migration(1, "broken", broken)])
    assert "t1" not in tables(tmp_path / "headunit.db")
    with Store.open(tmp_path, []) as store:
        assert store.schema_version == 0


def test_migration_that_commits_itself_is_an_error(tmp_path: Path) -> None:
    def commits(db: sqlite_utils.Database) -> None:
        db.conn.commit()

    with pytest.raises(StoreError, match="0001_commits ended its own transaction"):
        Store.open(tmp_path, [Migration(1, "commits", commits)])
    assert recorded(tmp_path / "headunit.db") == []


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    counting = Counting()
    known = len(MIGRATIONS)
    Store.open(tmp_path, [*MIGRATIONS, *counting.upto(known + 6)[known:]]).close()
    path = tmp_path / "headunit.db"
    digest, mtime = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    counting.runs.clear()

    with pytest.raises(DatabaseTooNewError) as raised:
        Store.open(tmp_path)

    assert str(raised.value) == (
        f"headunit.db has schema version {known + 6} but this head unit knows up to {known}; "
        "refusing to open it (upgrade the software or restore a backup)"
    )
    assert isinstance(raised.value, StoreError)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["headunit.db"]
    assert len(recorded(path)) == known + 6


def test_newer_database_with_unflushed_wal_is_left_byte_for_byte(tmp_path: Path) -> None:
    """A newer head unit lost power with its writes still in the -wal: refusing must not checkpoint it."""
    newer, crashed = tmp_path / "newer", tmp_path / "crashed"
    with Store.open(newer, [*MIGRATIONS, *Counting().upto(len(MIGRATIONS) + 6)[len(MIGRATIONS):]]):
        shutil.copytree(newer, crashed)  # a copy taken while the writer is live = a crash
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in crashed.iterdir()}
    assert (crashed / "headunit.db-wal").stat().st_size > 0

    with pytest.raises(DatabaseTooNewError, match=f"schema version {len(MIGRATIONS) + 6}"):
        Store.open(crashed)

    for name in ("headunit.db", "headunit.db-wal"):
        assert hashlib.sha256((crashed / name).read_bytes()).hexdigest() == files[name]


def test_database_from_a_different_lineage_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    other = Migration(1, "something_else", lambda db: None)
    with pytest.raises(StoreError, match="records migration '0001_settings' where this head unit has '0001_something_else'"):
        Store.open(tmp_path, [other, *MIGRATIONS[1:]])


def noop(db: sqlite_utils.Database) -> None:
    """A migration that changes nothing."""


@pytest.mark.parametrize(
    ("migrations", "message"),
    [
        ([Migration(0, "zero", noop)], "version 0 but 1 was expected"),
        ([Migration(2, "two", noop)], "version 2 but 1 was expected"),
        ([Migration(1, "a", noop), Migration(3, "c", noop)], "version 3 but 2 was expected"),
        ([Migration(1, "a", noop), Migration(1, "b", noop)], "version 1 but 2 was expected"),
        ([Migration(2, "b", noop), Migration(1, "a", noop)], "version 2 but 1 was expected"),
        ([Migration(True, "a", noop)], "version True"),  # type: ignore[arg-type]
        ([Migration(1, "0001_settings", noop)], "number is added for you"),
        ([Migration(1, "Settings", noop)], "lowercase"),
        ([Migration(1, "a", noop), Migration(2, "a", noop)], "'a' is used twice"),
        ([Migration(1, "a", "CREATE TABLE x (y)")], "not callable"),  # type: ignore[arg-type]
        ([("1", "a", noop)], "not a Migration"),
    ],
)
def test_bad_migration_list_is_rejected_before_touching_disk(
    tmp_path: Path, migrations: list[Migration], message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(tmp_path / "data", migrations)
    assert not (tmp_path / "data").exists()
