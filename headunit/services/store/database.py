"""The head unit's SQLite database: one file per data dir, opened through sqlite-utils.

``Store.open`` makes sure the file is private (0600 in a 0700 dir), moves a
corrupt file aside instead of failing or deleting it, refuses a database written
by newer software without touching it, switches to WAL and applies the pending
migrations from ``migrations.py``, each in one transaction with its record.
"""

import contextlib
import logging
import os
import re
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from .migrations import MIGRATIONS, Migration, validate

log = logging.getLogger("headunit.store")

FILE_MODE = 0o600
DIR_MODE = 0o700
BUSY_TIMEOUT_MS = 5000
MIGRATION_SET = "headunit"
"""The ``migration_set`` under which migrations are recorded in ``_sqlite_migrations``."""

_SIDECARS = ("-wal", "-shm", "-journal")
_FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA
_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_RECORDED = re.compile(r"(\d+)_")


class StoreError(Exception):
    """The database cannot be opened or migrated; the message says why."""


class DatabaseTooNewError(StoreError):
    """The database was written by newer software; it was left untouched."""


class Store:
    """The open database of one data dir.

    Threads: the connection is opened with ``check_same_thread=False`` so a worker
    thread may use it. ``atomic()`` and ``schema_version`` hold a re-entrant lock,
    so units of work from different threads never interleave; direct use of ``db``
    outside ``atomic()`` is not locked, and callers serialise it (one worker at a time).
    """

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self.db = db
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        migrations: Sequence[Migration] = MIGRATIONS,
        filename: str = "headunit.db",
    ) -> "Store":
        """Open (creating, repairing or migrating as needed) ``data_dir/filename``.

        Raises ``DatabaseTooNewError`` for a database from newer software and
        ``StoreError`` for anything else that stops the store from opening.
        """
        try:
            validate(migrations)
        except ValueError as exc:
            raise StoreError(f"bad migration list: {exc}") from exc
        path = Path(data_dir) / filename
        _ensure_data_dir(path.parent)
        reason = _inspect(path, migrations)
        if reason is not None:
            _move_aside(path, reason)
            if (reason := _inspect(path, migrations)) is not None:
                raise StoreError(f"the fresh database {path} is unusable: {reason}")
        db = _connect(path)
        try:
            _configure(db)
            _apply(db, migrations)
        except sqlite3.Error as exc:
            db.close()
            raise StoreError(f"cannot open {path}: {exc}") from exc
        except BaseException:
            db.close()
            raise
        return cls(path, db)

    @contextlib.contextmanager
    def atomic(self, durable: bool = False) -> Iterator[sqlite_utils.Database]:
        """One unit of work: everything inside commits together, or nothing does.

        Nested blocks become savepoints: an exception caught around an inner
        block undoes only that block. ``durable=True`` (for what the driver did)
        makes the commit survive a power cut too: in WAL mode with
        synchronous=NORMAL a commit is safe from a crash but not from power loss,
        so this one commit runs with synchronous=FULL (SQLite allows the switch
        only outside a transaction; inside an outer block the outer one decides).
        """
        with self._lock:
            switch = durable and not self.db.conn.in_transaction and self._synchronous() < _FULL
            if switch:
                self.db.execute("PRAGMA synchronous=FULL")
            try:
                with self.db.atomic() as db:
                    yield db
            finally:
                if switch:
                    self.db.execute("PRAGMA synchronous=NORMAL")

    def _synchronous(self) -> int:
        return self.db.execute("PRAGMA synchronous").fetchone()[0]

    @property
    def schema_version(self) -> int:
        """The highest applied migration number (0 for an empty database)."""
        with self._lock:
            return max(_applied(self.db), default=0)

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _ensure_data_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(mode=DIR_MODE, parents=True)
    except FileExistsError:
        if not data_dir.is_dir():
            raise StoreError(f"data dir {data_dir} exists but is not a directory") from None
        return
    except OSError as exc:
        raise StoreError(f"cannot create data dir {data_dir}: {exc}") from exc
    os.chmod(data_dir, DIR_MODE)  # mkdir's mode is filtered by the umask


def _inspect(path: Path, migrations: Sequence[Migration], recovered: bool = False) -> str | None:
    """Why ``path`` is corrupt, or None if it is usable; raise if it is too new.

    Read-only, so a refused or corrupt database and its -wal stay byte for byte as
    they were (a read-write close would checkpoint the -wal into it, or delete it).
    """
    if os.path.lexists(path) and not path.is_file():
        return "it is not a regular file"
    wal = Path(f"{path}-wal")
    had_wal = wal.exists()
    try:
        with contextlib.closing(_connect(path, read_only=True)) as db:
            reason = _damage(db)
            if reason is None:
                _refuse_unknown(db, path.name, migrations)
    except DatabaseTooNewError:
        if not had_wal and wal.is_file() and wal.stat().st_size == 0:
            _visit_read_write(path)  # removes the empty -wal/-shm the read-only look created
        raise
    except sqlite3.Error as exc:
        if _code(exc) == sqlite3.SQLITE_READONLY_ROLLBACK and not recovered:
            _visit_read_write(path)  # rolls back the hot journal of a writer that crashed
            return _inspect(path, migrations, recovered=True)
        raise StoreError(f"cannot read {path}: {exc}") from exc
    return reason


def _code(exc: sqlite3.Error) -> int:
    """SQLite's extended error code, 0 for errors raised by the Python driver itself."""
    return getattr(exc, "sqlite_errorcode", None) or 0


def _visit_read_write(path: Path) -> None:
    """Read once through a read-write connection and close it, letting SQLite tidy up:
    it rolls back a hot journal on the first read, and deletes an empty -wal on close."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        pass  # the read-only inspection that follows reports what is wrong
    finally:
        conn.close()


def _connect(path: Path, read_only: bool = False) -> sqlite_utils.Database:
    _make_private(path)
    target = f"{path.absolute().as_uri()}?mode=ro" if read_only else str(path)
    try:
        conn = sqlite3.connect(
            target, uri=read_only, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    db = sqlite_utils.Database(conn, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return db


def _make_private(path: Path) -> None:
    """Create ``path`` as 0600 before SQLite sees it, or tighten an existing one.

    SQLite gives the -wal and -shm files the main file's mode.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        try:
            os.close(os.open(path, flags, FILE_MODE))
        except FileExistsError:
            pass
        for existing in (path, *(Path(f"{path}{suffix}") for suffix in _SIDECARS)):
            # Always checked: os.open's mode is filtered by the umask, and old files may be open.
            if existing.is_file() and stat.S_IMODE(existing.stat().st_mode) != FILE_MODE:
                os.chmod(existing, FILE_MODE)
    except OSError as exc:
        raise StoreError(f"cannot make {path} private: {exc}") from exc


def _damage(db: sqlite_utils.Database) -> str | None:
    """Why the database is corrupt, or None if ``PRAGMA quick_check`` passes.

    Only corruption counts; any other error (locked, I/O) is raised, because
    moving a healthy database aside would hide the user's data.
    """
    try:
        rows = [row[0] for row in db.execute("PRAGMA quick_check(3)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if _code(exc) & 0xFF in _CORRUPT_CODES:
            return str(exc)
        raise
    if rows == ["ok"]:
        return None
    return "quick_check: " + "; ".join(" ".join(str(row).split()) for row in rows)


def _move_aside(path: Path, reason: str) -> None:
    """Rename ``path`` and its sidecars to ``<name>.corrupt-<UTC time>``; delete nothing."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while any(os.path.lexists(f"{dest}{suffix}") for suffix in ("", *_SIDECARS)):
        dest = path.with_name(f"{path.name}.corrupt-{stamp}.{counter}")
        counter += 1
    try:
        # Sidecars first: a stale -wal left next to the fresh file would be replayed into it.
        for suffix in (*_SIDECARS, ""):
            source = f"{path}{suffix}"
            if os.path.lexists(source):
                os.rename(source, f"{dest}{suffix}")
    except OSError as exc:
        raise StoreError(f"{path} is corrupt ({reason}) and could not be moved aside: {exc}") from exc
    log.warning(
        "%s is corrupt (%s); moved it to %s and started a fresh database", path.name, reason, dest
    )


def _applied(db: sqlite_utils.Database) -> dict[int, str]:
    """The recorded migrations of this app, as {version: recorded name}."""
    applied = {}
    for record in Migrations(MIGRATION_SET).applied(db):
        match = _RECORDED.match(record.name)
        if match is None or int(match[1]) < 1:
            raise StoreError(f"the database records a migration named {record.name!r}, not NNNN_name")
        applied[int(match[1])] = record.name
    return applied


def _refuse_unknown(db: sqlite_utils.Database, name: str, migrations: Sequence[Migration]) -> None:
    """Refuse, before writing anything, a database that records migrations we do not know."""
    applied = _applied(db)
    newest, known = max(applied, default=0), len(migrations)
    if newest > known:
        raise DatabaseTooNewError(
            f"{name} has schema version {newest} but this head unit knows up to {known}; "
            "refusing to open it (upgrade the software or restore a backup)"
        )
    for version, recorded in sorted(applied.items()):
        expected = migrations[version - 1].key
        if recorded != expected:
            raise StoreError(
                f"{name} records migration {recorded!r} where this head unit has "
                f"{expected!r}; refusing to open it"
            )


def _configure(db: sqlite_utils.Database) -> None:
    db.enable_wal()
    if db.journal_mode == "wal":
        db.execute("PRAGMA synchronous=NORMAL")
    else:
        log.warning("WAL is not available for this database; using synchronous=FULL instead")
        db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")


def _apply(db: sqlite_utils.Database, migrations: Sequence[Migration]) -> None:
    """Apply pending migrations through sqlite-utils: each one and its record in one transaction."""
    runner = Migrations(MIGRATION_SET)
    for migration in migrations:
        runner(name=migration.key)(_guarded(migration))
    with db.atomic():
        runner.ensure_migrations_table(db)
    runner.apply(db)


def _guarded(migration: Migration) -> Callable[[sqlite_utils.Database], None]:
    def run(db: sqlite_utils.Database) -> None:
        try:
            migration.apply(db)
        except Exception as exc:
            raise StoreError(
                f"migration {migration.key} failed and was rolled back "
                f"(schema stays at version {migration.version - 1}): {exc}"
            ) from exc
        if not db.conn.in_transaction:
            raise StoreError(
                f"migration {migration.key} ended its own transaction; migrations must not "
                "commit, and it will run again at the next open"
            )

    run.__name__ = migration.key
    return run
