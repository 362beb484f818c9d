"""Video for QML: the library's clips, one playing at a time, its picture only when parked.

The rule follows RestrictionsStore's own signal, in the same event-loop turn: the moment
video stops being allowed the player's picture output is detached and blanked (no frame
reaches the screen), and the sound pauses or continues as `[media]
video_audio_while_moving` says. When video is allowed again the picture comes back and a
clip that was playing goes on from where it was.

What the driver asked for (`_want_play`) is kept apart from what the player does: the
player plays only while the driver wants it to and the rules allow it, so parking resumes
exactly what driving interrupted and nothing else.
"""

from __future__ import annotations

import logging
import os
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Property, QCoreApplication, QMetaObject, QObject, QUrl, Signal, Slot
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.config import MediaConfig
from headunit.qt.native_player import native_player
from headunit.qt.stores.row_model import DictListModel
from headunit.services.media.catalog import Library
from headunit.services.media.library import VIDEO_EXTENSIONS, SkippedFile, bundled_video_dir, media_folders, read_video

if TYPE_CHECKING:
    from headunit.qt.stores.restrictions_store import RestrictionsStore
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store.database import Store

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.media")

VIDEO_ROLES = ("title", "durationText", "current")

_C = "VideoStore"
_PAUSED_WHILE_DRIVING = QT_TRANSLATE_NOOP("VideoStore", "Video is paused while driving. It continues when you park.")
_SOUND_WHILE_DRIVING = QT_TRANSLATE_NOOP(
    "VideoStore", "The picture is hidden while driving; the sound goes on. The picture returns when you park.")
_PARKED_ONLY = QT_TRANSLATE_NOOP("VideoStore", "Video can only be played when the car is parked.")
_CANNOT_PLAY = QT_TRANSLATE_NOOP("VideoStore", "“%1” cannot be played: %2")
_DAMAGED = QT_TRANSLATE_NOOP("VideoStore", "the file is damaged or in an unknown format")
_NOT_FOUND = QT_TRANSLATE_NOOP("VideoStore", "The video list could not be read: %1")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class VideoActivityListener(Protocol):
    """The music player: paused while a video plays (MediaStore.set_video_active)."""

    def set_video_active(self, active: bool) -> None: ...


def duration_text(ms: int) -> str:
    """A clip length as read on a player: "0:08", "12:05", "1:02:03"; "" when unknown."""
    if ms <= 0:
        return ""
    seconds = round(ms / 1000)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def _row(path: str, title: str, duration_ms: int) -> dict[str, Any]:
    return {"path": path, "title": title or Path(path).stem, "durationMs": int(duration_ms or 0)}


def _videos_in_folders(video_dirs: Sequence[Path]) -> list[dict[str, Any]]:
    """The clips in the folders, read but not stored (the library scan stores them)."""
    rows = []
    for folder in media_folders(video_dirs):
        try:
            with os.scandir(folder) as listing:
                entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
        except OSError as exc:
            log.warning("videos: cannot list %s: %s", folder, exc.strerror or exc)
            continue
        for entry in entries:
            if os.path.splitext(entry.name)[1].lower() not in VIDEO_EXTENSIONS or not entry.is_file():
                continue
            try:
                fields = read_video(entry.path, entry.stat().st_size)
            except (SkippedFile, OSError) as exc:
                log.warning("videos: skipped %s: %s", entry.path, exc)
                continue
            rows.append(_row(entry.path, fields["title"], fields["duration_ms"]))
    return sorted(rows, key=lambda r: (r["title"].casefold(), r["path"]))


def list_videos(store: Store, video_dirs: Sequence[Path]) -> list[dict[str, Any]]:
    """The library's videos (worker thread). Before the library scan has stored any, the
    clips found in the video folders, so the video app does not wait for the music scan.
    (scan_library is not run from here: a scan given no music folders forgets the music.)"""
    videos = Library(store).videos()
    if videos:
        return [_row(v.path, v.title, v.duration_ms) for v in videos]
    return _videos_in_folders(video_dirs)


def _sink_of(output: QObject | None) -> QVideoSink | None:
    if output is None or not shiboken6.isValid(output):
        return None
    if isinstance(output, QVideoSink):
        return output
    sink = output.property("videoSink")  # QML VideoOutput
    return sink if isinstance(sink, QVideoSink) else None


@QmlElement
@QmlUncreatable("VideoStore is created by the application")
class VideoStore(QObject):
    changed = Signal()
    positionChanged = Signal()
    drivingChanged = Signal()
    outputChanged = Signal()

    def __init__(self, tasks: TaskRunner, restrictions: RestrictionsStore, media_config: MediaConfig,
                 music: VideoActivityListener | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._restrictions = restrictions
        self._continue_audio = media_config.video_audio_while_moving == "continue"
        self._music = music
        self._videos = DictListModel(VIDEO_ROLES, self)
        self._rows: list[dict[str, Any]] = []
        self._current = -1
        self._want_play = False
        self._allowed = bool(restrictions.videoAllowed)
        self._refused = False  # play() was refused while driving; said until the rules change
        self._error = ""
        self._loading = False
        self._audio_active = False
        self._output: QObject | None = None
        self._attached = False  # the output is the player's now
        self._output_watch: QMetaObject.Connection | None = None
        self._request = 0
        self._source: tuple[Store, tuple[Path, ...]] | None = None

        self._player = native_player(self)
        self._player.positionChanged.connect(self.positionChanged)
        self._player.durationChanged.connect(self.changed)
        self._player.seekableChanged.connect(self.changed)
        self._player.playbackStateChanged.connect(self._playback_changed)
        self._player.mediaStatusChanged.connect(self._status_changed)
        self._player.errorOccurred.connect(self._player_error)
        restrictions.restrictionsChanged.connect(self._restrictions_changed)

    # -- the list -----------------------------------------------------------------
    def attach(self, store: Store, video_dirs: Sequence[str | Path] = ()) -> None:
        """List the library's videos on the worker; `video_dirs` (none: the bundled clip) are
        read directly while the library scan has stored no video yet."""
        self._source = (store, tuple(Path(d) for d in video_dirs) or (bundled_video_dir(),))
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the list again (after a library rescan)."""
        source = self._source
        if source is None:
            return
        self._request += 1
        request = self._request
        self._set_loading(True)

        def done(rows: list[dict[str, Any]]) -> None:
            if request == self._request:
                self._set_rows(rows)
                self._set_loading(False)

        def failed(error: BaseException) -> None:
            if request == self._request:
                self._set_loading(False)
                self._set_error(_tr(_NOT_FOUND).replace("%1", str(error)))

        self._tasks.run(list_videos, *source, on_done=done, on_error=failed, name="list videos")

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.changed.emit()

    def _set_rows(self, rows: list[dict[str, Any]]) -> None:
        playing_path = self._rows[self._current]["path"] if self._current >= 0 else None
        self._rows = rows
        self._current = next((i for i, r in enumerate(rows) if r["path"] == playing_path), -1)
        if playing_path is not None and self._current < 0:
            self.close()
        self._update_model()

    def _update_model(self) -> None:
        self._videos.reset([{"title": r["title"], "durationText": duration_text(r["durationMs"]),
                             "current": i == self._current} for i, r in enumerate(self._rows)])

    @property
    def paths(self) -> list[str]:
        return [r["path"] for r in self._rows]

    # -- commands -------------------------------------------------------------------
    @Slot(int)
    def open(self, row: int) -> None:
        """Load a clip from the list and play it (while video is not allowed it is only loaded)."""
        if not 0 <= row < len(self._rows):
            return
        self._player.stop()
        self._current = row
        self._error = ""
        self._update_model()
        self._player.setSource(QUrl.fromLocalFile(self._rows[row]["path"]))
        self.changed.emit()
        self.play()

    @Slot()
    def play(self) -> None:
        if self._current < 0:
            return
        if not self._allowed:
            self._refused = True
            self.drivingChanged.emit()
            return
        if self._error:
            return
        self._want_play = True
        self._sync_player()
        self.drivingChanged.emit()

    @Slot()
    def pause(self) -> None:
        self._want_play = False
        self._sync_player()
        self.drivingChanged.emit()

    @Slot()
    def togglePlay(self) -> None:
        self.pause() if self._want_play else self.play()

    @Slot(int)
    def seek(self, ms: int) -> None:
        if self._current >= 0 and self._player.isSeekable():
            duration = self._player.duration()
            self._player.setPosition(max(0, min(int(ms), duration if duration > 0 else int(ms))))

    @Slot()
    def close(self) -> None:
        self._want_play = False
        self._player.stop()
        self._player.setSource(QUrl())
        self._current = -1
        self._error = ""
        self._update_model()
        self.changed.emit()
        self.drivingChanged.emit()

    @Slot(QObject)
    def setVideoOutput(self, output: QObject | None) -> None:
        """Where the picture goes: a QML VideoOutput (VideoPanel's `videoOutput`) or a
        QVideoSink. None when the view goes away. The player only gets it while allowed."""
        if output is self._output:
            return
        self._detach()
        if self._output_watch is not None:
            QObject.disconnect(self._output_watch)
            self._output_watch = None
        self._output = output
        if output is not None:
            # not a bound method: the output may outlive this store, or die while it is torn down
            store = weakref.ref(self)
            self._output_watch = output.destroyed.connect(
                lambda: (alive := store()) is not None and alive._output_destroyed())
        self._sync_output()
        self.outputChanged.emit()

    def _output_destroyed(self) -> None:
        self._output = self._output_watch = None
        self._attached = False
        self.outputChanged.emit()

    # -- the rule ---------------------------------------------------------------------
    def _restrictions_changed(self) -> None:
        allowed = bool(self._restrictions.videoAllowed)
        if allowed == self._allowed:
            return
        self._allowed = allowed
        self._refused = False
        self._sync_output()  # the picture first: it must stop before anything else happens
        self._sync_player()
        self.drivingChanged.emit()

    def _sync_output(self) -> None:
        if self._allowed and self._output is not None and not self._attached:
            self._player.setVideoOutput(self._output)
            self._attached = True
            if self._current >= 0 and self._player.playbackState() == QMediaPlayer.PlaybackState.PausedState:
                self._player.setPosition(self._player.position())  # a paused clip shows its frame again
            self.outputChanged.emit()
        elif not self._allowed:
            self._detach()

    def _detach(self) -> None:
        """Take the picture away from the player and blank what the screen still holds."""
        if not self._attached:
            return
        self._player.setVideoSink(None)
        self._attached = False
        sink = _sink_of(self._output)
        if sink is not None:
            sink.setVideoFrame(QVideoFrame())
        self.outputChanged.emit()

    def _sync_player(self) -> None:
        should_play = self._want_play and self._current >= 0 and (self._allowed or self._continue_audio)
        playing = self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        if should_play and not playing:
            self._player.play()
        elif not should_play and playing:
            self._player.pause()

    # -- the player's news -------------------------------------------------------------
    def _playback_changed(self, _state: QMediaPlayer.PlaybackState) -> None:
        active = self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        if active != self._audio_active:
            self._audio_active = active
            if self._music is not None:
                self._music.set_video_active(active)
        self.changed.emit()

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._want_play = False
            self.drivingChanged.emit()
        elif status == QMediaPlayer.MediaStatus.InvalidMedia and not self._error:
            self._player_error(QMediaPlayer.Error.FormatError, "")
        self.changed.emit()

    def _player_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        if self._current < 0:
            return
        reason = text or self._player.errorString() or _tr(_DAMAGED)
        self._want_play = False
        self._player.stop()
        self._set_error(_tr(_CANNOT_PLAY).replace("%1", self._rows[self._current]["title"]).replace("%2", reason))
        self.drivingChanged.emit()

    def _set_error(self, text: str) -> None:
        if text != self._error:
            self._error = text
            self.changed.emit()

    # -- what QML reads ------------------------------------------------------------------
    def _message(self) -> str:
        if self._allowed:
            return ""
        if self._want_play and self._current >= 0:
            return _tr(_SOUND_WHILE_DRIVING if self._continue_audio else _PAUSED_WHILE_DRIVING)
        if self._refused or self._current >= 0:
            return _tr(_PARKED_ONLY)
        return ""

    videos = Property(QObject, lambda self: self._videos, constant=True)
    hasVideo = Property(bool, lambda self: self._current >= 0, notify=changed)
    currentIndex = Property(int, lambda self: self._current, notify=changed)
    title = Property(str, lambda self: self._rows[self._current]["title"] if self._current >= 0 else "",
                     notify=changed)
    playing = Property(bool, lambda self: self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState,
                       notify=changed)
    loading = Property(bool, lambda self: self._loading, notify=changed)
    error = Property(str, lambda self: self._error, notify=changed)
    positionMs = Property(int, lambda self: self._player.position(), notify=positionChanged)
    durationMs = Property(int, lambda self: self._player.duration(), notify=changed)
    seekable = Property(bool, lambda self: self._player.isSeekable(), notify=changed)
    pictureAllowed = Property(bool, lambda self: self._allowed, notify=drivingChanged)
    pausedForDriving = Property(bool, lambda self: not self._allowed and self._want_play and self._current >= 0,
                                notify=drivingChanged)
    message = Property(str, _message, notify=drivingChanged)
    videoSink = Property(QObject, lambda self: _sink_of(self._output) if self._attached else None,
                         notify=outputChanged)
