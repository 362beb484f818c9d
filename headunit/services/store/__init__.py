"""SQLite store: one WAL database per data dir, numbered migrations, units of work."""

from .database import DatabaseTooNewError, Store, StoreError
from .migrations import MIGRATIONS, Migration

__all__ = ["MIGRATIONS", "DatabaseTooNewError", "Migration", "Store", "StoreError"]
