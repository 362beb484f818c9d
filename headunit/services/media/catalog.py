"""Browsing the scanned library: artists, albums, songs and videos from media_files.

Every query holds the store's lock (``store.atomic()``), so it may run on any worker
thread while a scan writes. An unknown artist or album is "" (the view names it).
Order: names ignore case, the unknown one comes last; an album's songs by track number
(songs without one after), then title; every other song list by title.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from headunit.services.store import Store


@dataclass(frozen=True)
class Track:
    path: str
    title: str
    artist: str
    album: str
    track_no: int | None
    duration_ms: int
    cover: str  # absolute path of the cover image, or ""
    kind: str  # "audio" | "video"


@dataclass(frozen=True)
class Artist:
    name: str
    albums: int
    tracks: int


@dataclass(frozen=True)
class Album:
    title: str
    artist: str
    tracks: int
    cover: str


_TRACK_COLUMNS = "path, title, artist, album, track_no, duration_ms, cover, kind"
_BY_TITLE = "title COLLATE NOCASE, artist = '', artist COLLATE NOCASE, album COLLATE NOCASE, path"
_BY_TRACK = "track_no IS NULL, track_no, title COLLATE NOCASE, path"


def _limit(limit: int | None) -> int:
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be None or >= 0, not {limit}")
    return -1 if limit is None else limit  # SQLite: LIMIT -1 is no limit


class Library:
    """Read-only queries over the scanned media of one store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def _rows(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        with self._store.atomic() as db:
            return db.execute(sql, params).fetchall()

    def artists(self, limit: int | None = None) -> list[Artist]:
        rows = self._rows(
            "SELECT artist, COUNT(DISTINCT album), COUNT(*) FROM media_files WHERE kind = 'audio' "
            "GROUP BY artist ORDER BY artist = '', artist COLLATE NOCASE, artist LIMIT :limit",
            {"limit": _limit(limit)})
        return [Artist(*row) for row in rows]

    def albums(self, artist: str | None = None, limit: int | None = None) -> list[Album]:
        """Albums (one per album title and artist), all or of one artist ("" = unknown artist)."""
        rows = self._rows(
            "SELECT album, artist, COUNT(*), "
            "  (SELECT c.cover FROM media_files c WHERE c.kind = 'audio' AND c.album = m.album "
            f"   AND c.artist = m.artist AND c.cover != '' ORDER BY {_BY_TRACK} LIMIT 1) "
            "FROM media_files m WHERE kind = 'audio' AND (:artist IS NULL OR artist = :artist) "
            "GROUP BY album, artist "
            "ORDER BY album = '', album COLLATE NOCASE, artist = '', artist COLLATE NOCASE LIMIT :limit",
            {"artist": artist, "limit": _limit(limit)})
        return [Album(title, who, count, cover or "") for title, who, count, cover in rows]

    def tracks(self, artist: str | None = None, album: str | None = None, limit: int | None = None) -> list[Track]:
        """Songs, all or filtered by artist and/or album; an album's songs in album order."""
        order = _BY_TRACK if album is not None else _BY_TITLE
        rows = self._rows(
            f"SELECT {_TRACK_COLUMNS} FROM media_files WHERE kind = 'audio' "
            "AND (:artist IS NULL OR artist = :artist) AND (:album IS NULL OR album = :album) "
            f"ORDER BY {order} LIMIT :limit",
            {"artist": artist, "album": album, "limit": _limit(limit)})
        return [Track(*row) for row in rows]

    def videos(self, limit: int | None = None) -> list[Track]:
        rows = self._rows(
            f"SELECT {_TRACK_COLUMNS} FROM media_files WHERE kind = 'video' ORDER BY {_BY_TITLE} LIMIT :limit",
            {"limit": _limit(limit)})
        return [Track(*row) for row in rows]

    def counts(self) -> dict[str, int]:
        """{"tracks", "artists", "albums", "videos"}: how many of each the library holds."""
        (row,) = self._rows(
            "SELECT COUNT(*) FILTER (WHERE kind = 'audio'), "
            "  COUNT(DISTINCT artist) FILTER (WHERE kind = 'audio'), "
            "  (SELECT COUNT(*) FROM (SELECT 1 FROM media_files WHERE kind = 'audio' GROUP BY album, artist)), "
            "  COUNT(*) FILTER (WHERE kind = 'video') FROM media_files", {})
        return dict(zip(("tracks", "artists", "albums", "videos"), row, strict=True))
