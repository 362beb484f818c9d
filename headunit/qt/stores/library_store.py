"""The local music library for QML: browse artists, albums and songs, and play them.

``attach`` starts a scan of the music and video folders on the worker at once, and
again whenever a watched folder (or one of its subfolders) changes, debounced by
DEBOUNCE_MS, and while files are still being written (SETTLE_NS); scans never overlap,
and at most one more waits while one runs. Every
query runs on the worker too; the GUI thread only swaps finished rows into the list
models. While the car moves a list shows at most the restrictions' maxListItems rows
and ``limitedText`` says how many there are. Playing hands the current list (or all
the songs under the current artist or album) to the player's ``playTracks``.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (QT_TRANSLATE_NOOP, Property, QCoreApplication, QFileSystemWatcher, QObject, QTimer,
                            QUrl, Signal, Slot)
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.qt.stores.row_model import DictListModel
from headunit.services.media.catalog import Library, Track
from headunit.services.media.library import ScanReport, media_folders, scan_library, written_lately

if TYPE_CHECKING:
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.media")

DEBOUNCE_MS = 1000
# A file modified this recently may still be being copied (a folder watch hears the file
# appear, not each write to it): the library looks again after the debounce time.
SETTLE_NS = 3_000_000_000
VIEWS = ("artists", "albums", "songs")
ARTIST_ROLES = ("name", "detail")
ALBUM_ROLES = ("title", "artist", "coverUrl")
SONG_ROLES = ("title", "artist", "album", "durationText", "coverUrl")

_C = "LibraryStore"
_TITLES = {"artists": QT_TRANSLATE_NOOP("LibraryStore", "Artists"),
           "albums": QT_TRANSLATE_NOOP("LibraryStore", "Albums"),
           "songs": QT_TRANSLATE_NOOP("LibraryStore", "Songs")}
_UNKNOWN_ARTIST = QT_TRANSLATE_NOOP("LibraryStore", "Unknown artist")
_UNKNOWN_ALBUM = QT_TRANSLATE_NOOP("LibraryStore", "Unknown album")
_ONE_SONG = QT_TRANSLATE_NOOP("LibraryStore", "1 song")
_SONGS = QT_TRANSLATE_NOOP("LibraryStore", "%1 songs")
_ONE_ALBUM = QT_TRANSLATE_NOOP("LibraryStore", "1 album")
_ALBUMS = QT_TRANSLATE_NOOP("LibraryStore", "%1 albums")
_ONE_SKIPPED = QT_TRANSLATE_NOOP("LibraryStore", "1 file skipped")
_SKIPPED = QT_TRANSLATE_NOOP("LibraryStore", "%1 files skipped")
_SCAN_FAILED = QT_TRANSLATE_NOOP("LibraryStore", "The library could not be updated")
_LIMITED = QT_TRANSLATE_NOOP("LibraryStore", "Showing %1 of %2 — more when parked")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _count_text(n: int, one: str, many: str) -> str:
    return _tr(one) if n == 1 else _tr(many).replace("%1", str(n))


def _file_url(path: str) -> str:
    return QUrl.fromLocalFile(path).toString() if path else ""


def _duration_text(ms: int) -> str:
    minutes, seconds = divmod(max(0, round(ms / 1000)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class _Place(NamedTuple):
    """One screen of the browser: a view, narrowed to an artist and/or album (None: all)."""

    view: str
    artist: str | None = None
    album: str | None = None

    def title(self) -> str:
        if self.album is not None:
            return self.album or _tr(_UNKNOWN_ALBUM)
        if self.artist is not None:
            return self.artist or _tr(_UNKNOWN_ARTIST)
        return _tr(_TITLES[self.view])


def _query(store: Store, place: _Place) -> tuple[list[dict[str, Any]], list[Track]]:
    """(rows for the list model, the songs behind them) for a place; runs on the worker."""
    library = Library(store)
    if place.view == "artists":
        return [{"name": a.name, "detail": f"{_count_text(a.albums, _ONE_ALBUM, _ALBUMS)} · "
                                           f"{_count_text(a.tracks, _ONE_SONG, _SONGS)}"}
                for a in library.artists()], []
    if place.view == "albums":
        return [{"title": a.title, "artist": a.artist, "coverUrl": _file_url(a.cover)}
                for a in library.albums(place.artist)], []
    tracks = library.tracks(place.artist, place.album)
    return [{"title": t.title, "artist": t.artist, "album": t.album, "durationText": _duration_text(t.duration_ms),
             "coverUrl": _file_url(t.cover)} for t in tracks], tracks


def _songs_of(store: Store, place: _Place) -> list[Track]:
    return Library(store).tracks(place.artist, place.album)


class _Scanned(NamedTuple):
    report: ScanReport
    tracks: int
    watch: list[str]
    settling: bool  # files were written just now (a copy under way?): look again soon


def _scan(store: Store, music_dirs: Sequence[Path], video_dirs: Sequence[Path], covers_dir: Path) -> _Scanned:
    """Scan, count the songs, and list the folders to watch (for a missing folder, its parent,
    so that plugging in or creating it is noticed); runs on the worker."""
    started_ns = time.time_ns()
    report = scan_library(store, music_dirs, video_dirs, covers_dir)
    configured = [Path(d) for d in (*music_dirs, *video_dirs)]
    watch = [str(p) for p in media_folders(configured)]
    watch += [str(d.parent) for d in configured if not d.is_dir() and d.parent.is_dir()]
    return _Scanned(report, Library(store).counts()["tracks"], sorted(set(watch)),
                    written_lately(store, report, started_ns, SETTLE_NS))


def _item(track: Track) -> dict[str, Any]:
    return {"uri": _file_url(track.path), "title": track.title, "artist": track.artist, "album": track.album,
            "cover": _file_url(track.cover), "durationMs": track.duration_ms, "kind": "library"}


@QmlElement
@QmlUncreatable("LibraryStore is created by the application")
class LibraryStore(QObject):
    changed = Signal()
    scanFinished = Signal()  # after every scan, changed or not (the video list follows it)

    def __init__(self, tasks: TaskRunner, restrictions: QObject | None, player: Any,
                 parent: QObject | None = None, *, rng: random.Random | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._restrictions = restrictions
        self._player = player
        self._rng = rng or random.Random()
        self._store: Store | None = None
        self._folders: tuple[list[Path], list[Path], Path] = ([], [], Path())
        self._scanning = self._scan_queued = False
        self._track_count = self._skipped_count = 0
        self._last_scan = ""
        self._places = [_Place("artists")]
        self._generation = 0
        self._rows: list[dict[str, Any]] = []
        self._tracks: list[Track] = []
        self._shown = 0
        self._models = {view: DictListModel(roles, self) for view, roles in
                        zip(VIEWS, (ARTIST_ROLES, ALBUM_ROLES, SONG_ROLES), strict=True)}
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._folder_changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_scan)
        if restrictions is not None:
            restrictions.restrictionsChanged.connect(self._cut)

    def attach(self, store: Store, music_dirs: Sequence[Path | str], video_dirs: Sequence[Path | str],
               covers_dir: Path | str) -> None:
        """Scan these folders into the store now and whenever they change."""
        self._store = store
        self._folders = ([Path(d) for d in music_dirs], [Path(d) for d in video_dirs], Path(covers_dir))
        self._start_scan()
        self._query()

    def detach(self) -> None:
        """Stop watching and scanning; work already on the worker finishes, its result is dropped."""
        self._store = None
        self._debounce.stop()
        self._scan_queued = False
        if self._watcher.directories():
            self._watcher.removePaths(self._watcher.directories())

    @property
    def watched_folders(self) -> list[str]:
        """The folders watched for changes (the media folders, their subfolders, parents of missing ones)."""
        return sorted(self._watcher.directories())

    # -- properties ----------------------------------------------------------------------------

    scanning = Property(bool, lambda self: self._scanning, notify=changed)
    trackCount = Property(int, lambda self: self._track_count, notify=changed)
    skippedCount = Property(int, lambda self: self._skipped_count, notify=changed)
    lastScanText = Property(str, lambda self: self._last_scan, notify=changed)
    view = Property(str, lambda self: self._places[-1].view, notify=changed)
    tab = Property(str, lambda self: self._places[0].view, notify=changed)
    title = Property(str, lambda self: self._places[-1].title(), notify=changed)
    canGoBack = Property(bool, lambda self: len(self._places) > 1, notify=changed)

    def _limited_text(self) -> str:
        if self._shown >= len(self._rows):
            return ""
        return _tr(_LIMITED).replace("%1", str(self._shown)).replace("%2", str(len(self._rows)))

    limitedText = Property(str, _limited_text, notify=changed)
    artists = Property(QObject, lambda self: self._models["artists"], constant=True)
    albums = Property(QObject, lambda self: self._models["albums"], constant=True)
    songs = Property(QObject, lambda self: self._models["songs"], constant=True)

    # -- browsing --------------------------------------------------------------------------------

    @Slot()
    def showArtists(self) -> None:
        self._go([_Place("artists")])

    @Slot()
    def showAlbums(self) -> None:
        self._go([_Place("albums")])

    @Slot()
    def showSongs(self) -> None:
        self._go([_Place("songs")])

    @Slot(str)
    def openArtist(self, name: str) -> None:
        """The artist's albums ("" = songs without an artist tag)."""
        self._go([*self._places, _Place("albums", artist=name)])

    @Slot(str, str)
    def openAlbum(self, title: str, artist: str) -> None:
        self._go([*self._places, _Place("songs", artist=artist, album=title)])

    @Slot()
    def back(self) -> None:
        if len(self._places) > 1:
            self._go(self._places[:-1])

    def _go(self, places: list[_Place]) -> None:
        if places == self._places:
            return
        self._places = places
        self._rows, self._tracks = [], []
        self._cut()
        self._query()

    def _query(self) -> None:
        if self._store is None:
            return
        self._generation += 1
        generation, place = self._generation, self._places[-1]
        self._tasks.run(_query, self._store, place, on_done=lambda result: self._answered(generation, result),
                        name="query music library")

    def _answered(self, generation: int, result: tuple[list[dict[str, Any]], list[Track]]) -> None:
        if generation == self._generation:
            self._rows, self._tracks = result
            self._cut()

    def _cut(self) -> None:
        """Show the rows, at most the restrictions' list length of them."""
        limit = self._restrictions.maxListItems if self._restrictions is not None else -1
        shown = self._rows if limit < 0 else self._rows[:limit]
        self._shown = len(shown)
        for view, model in self._models.items():
            model.reset(shown if view == self._places[-1].view else [])
        self.changed.emit()

    # -- playing ---------------------------------------------------------------------------------

    @Slot(int)
    def playSong(self, row: int) -> None:
        """Queue the songs of the list on screen and start at ``row``."""
        if self._places[-1].view != "songs" or not 0 <= row < self._shown:
            log.info("music library: no song in row %d to play (%d shown)", row, self._shown)
            return
        self._player.playTracks([_item(t) for t in self._tracks], row)

    @Slot()
    def playAll(self) -> None:
        """Every song under the current place (all songs, an artist's, an album's), in list order."""
        self._play_all(shuffled=False)

    @Slot()
    def shuffleAll(self) -> None:
        """The same songs as playAll, in a random order."""
        self._play_all(shuffled=True)

    def _play_all(self, shuffled: bool) -> None:
        if self._store is None:
            return
        place = self._places[-1]
        place = _Place("songs", place.artist, place.album)

        def play(tracks: list[Track]) -> None:
            items = [_item(t) for t in tracks]
            if shuffled:
                self._rng.shuffle(items)
            if items:
                self._player.playTracks(items, 0)

        self._tasks.run(_songs_of, self._store, place, on_done=play, name="songs to play")

    # -- scanning --------------------------------------------------------------------------------

    @Slot()
    def rescan(self) -> None:
        self._start_scan()

    def _folder_changed(self, _path: str) -> None:
        self._debounce.start()

    def _start_scan(self) -> None:
        if self._store is None:
            return
        if self._scanning:
            self._scan_queued = True
            return
        self._scanning = True
        self.changed.emit()
        music, video, covers = self._folders
        self._tasks.run(_scan, self._store, music, video, covers, on_done=self._scanned,
                        on_error=self._scan_failed, name="scan music library")

    def _scanned(self, result: _Scanned) -> None:
        if self._store is None:  # detached meanwhile
            self._scanning = False
            self.changed.emit()
            return
        report, tracks, watch, settling = result
        # (a song that changed into a broken file leaves the library without being "removed")
        changed = bool(report.added or report.updated or report.removed) or tracks != self._track_count
        self._track_count, self._skipped_count = tracks, report.skipped
        self._last_scan = _count_text(tracks, _ONE_SONG, _SONGS)
        if report.skipped:
            self._last_scan += " · " + _count_text(report.skipped, _ONE_SKIPPED, _SKIPPED)
        watched = self._watcher.directories()
        if set(watched) != set(watch):
            if watched:
                self._watcher.removePaths(watched)
            if watch:
                self._watcher.addPaths(watch)
        self._finish_scan(changed)
        if settling and not self._scanning:
            self._debounce.start()

    def _scan_failed(self, _error: BaseException) -> None:
        self._last_scan = _tr(_SCAN_FAILED)
        self._finish_scan(changed=False)

    def _finish_scan(self, changed: bool) -> None:
        self._scanning = False
        self.scanFinished.emit()
        if changed:
            self._query()
        if self._scan_queued:
            self._scan_queued = False
            self._start_scan()
        self.changed.emit()
