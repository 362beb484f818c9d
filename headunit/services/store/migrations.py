"""The head unit's schema, as a numbered list of migrations.

To change the schema, append a ``Migration`` to ``MIGRATIONS`` with the next
version number; never edit, renumber or remove one that has shipped, because
databases in the field record which ones they have applied (as ``0001_settings``
and so on, in sqlite-utils' ``_sqlite_migrations`` table). ``Store.open`` applies
the pending ones in order, each in one transaction together with its record.

A migration function receives the ``sqlite_utils.Database`` and must not commit,
roll back, run ``VACUUM`` or change ``journal_mode`` / ``foreign_keys``: it runs
inside a transaction, where SQLite refuses the first three and ignores the last.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` is its number (1, 2, ...), ``name`` a short
    lowercase identifier such as ``settings`` (the number is added for you)."""

    version: int
    name: str
    apply: Callable[[sqlite_utils.Database], None]

    @property
    def key(self) -> str:
        """The name recorded in the database, e.g. ``0001_settings``."""
        return f"{self.version:04d}_{self.name}"


_NAME = re.compile(r"[a-z][a-z0-9_]*")


def validate(migrations: Sequence[Migration]) -> None:
    """Raise ValueError unless versions run 1, 2, 3, ... and names are unique identifiers."""
    names: set[str] = set()
    for expected, migration in enumerate(migrations, start=1):
        if not isinstance(migration, Migration):
            raise ValueError(f"migration #{expected} is {migration!r}, not a Migration")
        if type(migration.version) is not int or migration.version != expected:
            raise ValueError(
                f"migration {migration.name!r} has version {migration.version!r} but "
                f"{expected} was expected: versions must run 1, 2, 3, ... with no gaps or repeats"
            )
        if not isinstance(migration.name, str) or not _NAME.fullmatch(migration.name):
            raise ValueError(
                f"migration {migration.version} has name {migration.name!r}: use lowercase "
                "letters, digits and '_', starting with a letter (the number is added for you)"
            )
        if migration.name in names:
            raise ValueError(f"migration name {migration.name!r} is used twice")
        names.add(migration.name)
        if not callable(migration.apply):
            raise ValueError(f"migration {migration.key} has an apply that is not callable")


def _create_settings(db: sqlite_utils.Database) -> None:
    # value must be strict JSON: json.dumps(..., allow_nan=False), since NaN/Infinity fail the CHECK.
    db.execute(
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL CHECK (json_valid(value)),
            updated_at TEXT NOT NULL
        )
        """
    )


def _create_vehicle_tables(db: sqlite_utils.Database) -> None:
    # Last-known signal values, shown "as of" their time after a restart; the value
    # is the JSON of the VSS value (bool, number or string).
    db.execute(
        """
        CREATE TABLE vehicle_signals (
            path TEXT PRIMARY KEY,
            value TEXT NOT NULL CHECK (json_valid(value)),
            quality TEXT NOT NULL,
            timestamp REAL NOT NULL
        )
        """
    )
    # At most one pending pre-heat; `due_at` is a UTC ISO 8601 time.
    db.execute(
        """
        CREATE TABLE preheat_schedule (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            due_at TEXT NOT NULL,
            created_at TEXT NOT NULL
        )
        """
    )


def _create_backend_sync(db: sqlite_utils.Database) -> None:
    # Validated backend answers (API-shaped JSON), shown at once and marked stale by age.
    # kind: poi_live, slots, catalogue, ...; fetched_at: UTC epoch seconds.
    db.execute(
        """
        CREATE TABLE backend_cache (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            body TEXT NOT NULL CHECK (json_valid(body)),
            fetched_at REAL NOT NULL,
            PRIMARY KEY (kind, key)
        )
        """
    )
    # What the driver did that must reach the backend, delivered in `seq` order with its
    # idempotency key. A row is written in the same transaction as the local state it
    # belongs to and becomes done/rejected only after the backend's answer.
    db.execute(
        """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            operation TEXT NOT NULL,
            idempotency_key TEXT NOT NULL UNIQUE,
            payload TEXT NOT NULL CHECK (json_valid(payload)),
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'rejected')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at REAL NOT NULL DEFAULT 0,
            last_error TEXT NOT NULL DEFAULT '',
            response TEXT CHECK (response IS NULL OR json_valid(response)),
            created_at REAL NOT NULL,
            done_at REAL
        )
        """
    )
    db.execute("CREATE INDEX outbox_pending ON outbox(state, seq)")
    # Local copies of the driver's reservations and orders. `status` is 'queued' until the
    # backend has answered, then the backend's status (or 'rejected' with `error`).
    db.execute(
        """
        CREATE TABLE reservations (
            local_id TEXT PRIMARY KEY,
            remote_id TEXT UNIQUE,
            poi_id TEXT NOT NULL,
            slot_id TEXT NOT NULL,
            status TEXT NOT NULL,
            body TEXT CHECK (body IS NULL OR json_valid(body)),
            error TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE orders (
            local_id TEXT PRIMARY KEY,
            remote_id TEXT UNIQUE,
            merchant_order_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            reservation_local_id TEXT REFERENCES reservations(local_id),
            poi_id TEXT,
            quantity REAL,
            status TEXT NOT NULL,
            body TEXT CHECK (body IS NULL OR json_valid(body)),
            error TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        )
        """
    )



def _add_reserve_and_pay(db: sqlite_utils.Database) -> None:
    # What the driver chose, for "My reservations" offline (POI name, times, connector, pump, ...).
    db.execute("ALTER TABLE reservations ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))")
    db.execute("ALTER TABLE orders ADD COLUMN details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))")
    # A wallet payment in flight: its idempotency key and 'sent' from before the request until its
    # outcome is known (the answer, or a query of the order after a timeout or a crash). Never the PIN.
    db.execute("ALTER TABLE orders ADD COLUMN pay_key TEXT")
    db.execute("ALTER TABLE orders ADD COLUMN pay_state TEXT NOT NULL DEFAULT '' CHECK (pay_state IN ('', 'sent'))")


def _create_media_and_apps(db: sqlite_utils.Database) -> None:
    # The local music and video library: one row per readable file, keyed by its path. size and
    # mtime_ns tell a rescan which files changed; cover is a file name in <data_dir>/media/covers.
    db.execute(
        """
        CREATE TABLE media_files (
            path TEXT PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('audio', 'video')),
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            title TEXT NOT NULL,
            artist TEXT NOT NULL DEFAULT '',
            album TEXT NOT NULL DEFAULT '',
            track_no INTEGER,
            duration_ms INTEGER NOT NULL DEFAULT 0,
            cover TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX media_files_artist ON media_files (kind, artist, album, track_no)")
    db.execute("CREATE INDEX media_files_album ON media_files (kind, album, track_no)")
    # What is playing, as one JSON document (source, queue, index, position, shuffle, repeat).
    db.execute(
        """
        CREATE TABLE media_playback (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            state TEXT NOT NULL CHECK (json_valid(state)),
            updated_at REAL NOT NULL
        )
        """
    )
    # The launcher: the driver's order of the apps and when each was last opened.
    db.execute(
        """
        CREATE TABLE launcher_apps (
            app_id TEXT PRIMARY KEY,
            position INTEGER,
            last_used REAL
        )
        """
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "settings", _create_settings),
    Migration(2, "vehicle_tables", _create_vehicle_tables),
    Migration(3, "backend_sync", _create_backend_sync),
    Migration(4, "reserve_and_pay", _add_reserve_and_pay),
    Migration(5, "media_and_apps", _create_media_and_apps),
    # Append the next migration here, with version 6.
)
