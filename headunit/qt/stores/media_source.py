"""One QMediaPlayer playing one source at a time, for MediaStore.

What the bare player does not do: a seek asked for before the source has loaded is applied
once it has; `loading` lasts from "play" until sound comes out; a stream that does not start
within the timeout fails instead of loading for ever; and the end or failure of a source is
reported after the player's own notification (so the next source is never set from inside
it), and never for a source that has been replaced since.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer

from headunit.qt.native_player import native_player

from headunit.qt.stores import media_texts as texts

log = logging.getLogger("headunit.media.player")

_Status = QMediaPlayer.MediaStatus
_Playing = QMediaPlayer.PlaybackState.PlayingState
_READY = (_Status.LoadedMedia, _Status.BufferingMedia, _Status.BufferedMedia, _Status.StalledMedia,
          _Status.EndOfMedia)


def media_url(uri: str) -> QUrl:
    """A file path or a URL (file:, http:, https:) as the player's source."""
    return QUrl(uri) if "://" in uri or uri.startswith("file:") else QUrl.fromLocalFile(uri)


class SourcePlayer(QObject):
    changed = Signal()  # playing, loading, duration or seekable
    positionChanged = Signal(int)  # every report of the player's (not throttled)
    started = Signal()  # sound comes out
    ended = Signal()  # the source played to its end
    failed = Signal(str)  # why, in the driver's words

    def __init__(self, stream_timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_s = stream_timeout_s
        self._player = native_player(self)  # Qt-built: see native_player.py (a PySide deadlock)
        self.output = self._player.audioOutput()
        self._uri: str | None = None
        self._stream = False
        self._generation = 0  # counts sources set: a late signal about an older one is dropped
        self._want_play = False
        self._pending_seek: int | None = None
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=round(stream_timeout_s * 1000))
        self._timer.timeout.connect(self._timed_out)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.playbackStateChanged.connect(self._on_state)
        self._player.positionChanged.connect(self._on_position)
        self._player.durationChanged.connect(self.changed)
        self._player.seekableChanged.connect(self.changed)
        self._player.errorOccurred.connect(self._on_error)

    # -- state ----------------------------------------------------------------------------------

    @property
    def uri(self) -> str | None:
        """The source set (None: nothing, or unloaded after a failure)."""
        return self._uri

    @property
    def position_ms(self) -> int:
        """The player's own position, not throttled."""
        return self._player.position()

    @property
    def wants_play(self) -> bool:
        return self._want_play

    @property
    def playing(self) -> bool:
        return self._player.playbackState() == _Playing

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def ready(self) -> bool:
        return self._uri is not None and self._player.mediaStatus() in _READY

    @property
    def duration(self) -> int:
        """In ms; 0 while unknown."""
        return max(0, self._player.duration()) if self.ready else 0

    @property
    def seekable(self) -> bool | None:
        """None until the source has loaded."""
        return self._player.isSeekable() if self.ready else None

    # -- commands -------------------------------------------------------------------------------

    def load(self, uri: str, stream: bool, position_ms: int, play: bool) -> None:
        """Set the source (afresh, even if it is the same one) and play it from `position_ms`, or
        stay paused there."""
        url = media_url(uri)
        self._stop_loading()
        if self._player.source() == url:
            self._player.setSource(QUrl())  # the same file again (or a retry): load it afresh
        self._uri, self._stream, self._want_play = uri, stream, play
        self._generation += 1
        self._pending_seek = position_ms if position_ms > 0 else None
        if play:
            self._start_loading()
        self._player.setSource(url)
        if play and self._pending_seek is None:
            self._player.play()
        self.changed.emit()

    def unload(self) -> None:
        self._uri, self._want_play, self._pending_seek = None, False, None  # first: stop() reports position 0
        self._generation += 1
        self._stop_loading()
        self._player.stop()
        self._player.setSource(QUrl())
        self.changed.emit()

    def play(self) -> None:
        if self._uri is None:
            return
        self._want_play = True
        if not self.playing:
            self._start_loading()
        if self._pending_seek is None:
            self._player.play()  # otherwise it starts once the source has loaded and the seek is done
        self.changed.emit()

    def pause(self) -> None:
        self._want_play = False
        self._stop_loading()
        if self._uri is not None:
            self._player.pause()
        self.changed.emit()

    def seek(self, position_ms: int) -> None:
        if self._uri is not None and self._pending_seek is None and self.ready:
            self._player.setPosition(position_ms)
        else:
            self._pending_seek = position_ms

    def restart(self) -> None:
        """The same source again from its start (repeat one)."""
        self._player.setPosition(0)
        self.play()

    # -- the player's reports -------------------------------------------------------------------

    def _start_loading(self) -> None:
        self._loading = True
        if self._stream:
            self._timer.start()

    def _stop_loading(self) -> None:
        self._loading = False
        self._timer.stop()

    def _check_started(self) -> None:
        if self._loading and self.playing and (
                self._player.mediaStatus() == _Status.BufferedMedia or self._player.position() > 0):
            self._stop_loading()
            self.started.emit()

    def _later(self, emit) -> None:  # noqa: ANN001 - a bound signal emit
        """Emit after the player's own notification, unless the source has changed by then."""
        generation = self._generation
        QTimer.singleShot(0, self, lambda: generation == self._generation and emit())

    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._uri is None:
            return
        if status == _Status.LoadedMedia and self._pending_seek is not None:
            position, self._pending_seek = self._pending_seek, None
            self._player.setPosition(position)
            if self._want_play:
                self._player.play()
        elif status == _Status.EndOfMedia:
            self._later(self.ended.emit)
        self._check_started()
        self.changed.emit()

    def _on_state(self, _state: QMediaPlayer.PlaybackState) -> None:
        self._check_started()
        self.changed.emit()

    def _on_position(self, position: int) -> None:
        if self._uri is not None and self._pending_seek is None:
            self.positionChanged.emit(position)
            self._check_started()

    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error == QMediaPlayer.Error.NoError or self._uri is None:
            return
        log.warning("could not play %s: %s (%s)", self._uri, message, error.name)
        reason = texts.reason_text(error)
        self._later(lambda: self.failed.emit(reason))

    def _timed_out(self) -> None:
        log.warning("stream %s did not start within %g s", self._uri, self.timeout_s)
        self.failed.emit(texts.timeout_text(self.timeout_s))
