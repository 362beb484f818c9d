"""The head unit's one audio player (music library tracks and radio/podcast streams), for QML
and for the stores that start playback (library, radio) or compete with it (video, navigation
prompts, calls).

The queue's rules live in core (PlayQueue); this store drives one player (SourcePlayer) with them:
a library file that cannot be played is skipped and counted, a stream that fails or does not
start within `stream_timeout_s` ends in a clear error (never an endless "loading"), and what
is playing is saved through the worker so it comes back, paused, after a restart.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.media.audio_focus import AudioFocus
from headunit.core.media.queue import PlayQueue, QueueItem
from headunit.qt.coalescer import Coalescer
from headunit.qt.stores import media_texts as texts
from headunit.qt.stores.media_queue_model import MediaQueueModel
from headunit.qt.stores.media_saver import PlaybackSaver
from headunit.qt.stores.media_source import SourcePlayer

if TYPE_CHECKING:
    from headunit.core.config import MediaConfig
    from headunit.qt.tasks import TaskRunner
    from headunit.services.store import Store

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.media.player")

DEFAULT_VOLUME = 0.8
POSITION_RATE_HZ = 4.0  # how often QML hears positionMs while playing


def cover_url(cover: str) -> str:
    if not cover:
        return ""
    return cover if "://" in cover or cover.startswith(("file:", "data:", "qrc:")) else QUrl.fromLocalFile(cover).toString()


def queue_item(data: object, kind: str | None = None) -> QueueItem:
    """A QueueItem from the dict QML or another store passes ({uri, title, artist, album, cover,
    durationMs, kind}); a ValueError names what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"expected an object with uri and title, got {type(data).__name__}")
    uri = data.get("uri")
    if not isinstance(uri, str) or not uri:
        raise ValueError(f"uri: expected a non-empty string, got {uri!r}")
    duration = data.get("durationMs", 0)
    if isinstance(duration, float) and duration.is_integer():
        duration = int(duration)  # numbers from QML arrive as floats
    title = data.get("title") or uri.rstrip("/").rsplit("/", 1)[-1]
    return QueueItem(uri, title, data.get("artist") or "", data.get("album") or "", data.get("cover") or "",
                     duration, kind or data.get("kind") or "library")


def _published(kind: type, name: str, notify: Signal) -> Property:
    return Property(kind, lambda self: self._shown[name], notify=notify)


@QmlElement
@QmlUncreatable("MediaStore is created by the application")
class MediaStore(QObject):
    titleChanged = Signal()
    artistChanged = Signal()
    albumChanged = Signal()
    coverUrlChanged = Signal()
    sourceKindChanged = Signal()
    playingChanged = Signal()
    positionMsChanged = Signal()
    durationMsChanged = Signal()
    seekableChanged = Signal()
    shuffleChanged = Signal()
    repeatModeChanged = Signal()
    hasTrackChanged = Signal()
    canNextChanged = Signal()
    canPreviousChanged = Signal()
    errorChanged = Signal()
    loadingChanged = Signal()
    duckedChanged = Signal()
    skippedCountChanged = Signal()
    volumeChanged = Signal()

    def __init__(self, tasks: TaskRunner, media_config: MediaConfig, parent: QObject | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__(parent)
        self._focus = AudioFocus(media_config.duck_percent)
        self._volume = DEFAULT_VOLUME
        self._queue = PlayQueue()
        self._model = MediaQueueModel(self)
        self._position = 0  # shown; while nothing is loaded (restored, paused), where play() starts
        self._error = ""
        self._skipped = 0
        self._failures_in_row = 0
        self._closed = False
        self._shown: dict[str, Any] = {}
        self._source = SourcePlayer(media_config.stream_timeout_s, self)
        self._source.changed.connect(self._on_changed)
        self._source.positionChanged.connect(self._show_position)
        self._source.started.connect(self._on_started)
        self._source.ended.connect(self._on_ended)
        self._source.failed.connect(self._on_failed)
        self._position_out = Coalescer(lambda _keys: self.positionMsChanged.emit(), POSITION_RATE_HZ, parent=self)
        self._saver = PlaybackSaver(tasks, self._snapshot, clock, self)
        self._apply_volume()
        self._publish()

    # -- what QML reads -------------------------------------------------------------------------

    title = _published(str, "title", titleChanged)
    artist = _published(str, "artist", artistChanged)
    album = _published(str, "album", albumChanged)
    coverUrl = _published(str, "coverUrl", coverUrlChanged)
    sourceKind = _published(str, "sourceKind", sourceKindChanged)  # "library" | "stream" | ""
    playing = _published(bool, "playing", playingChanged)
    durationMs = _published(int, "durationMs", durationMsChanged)
    seekable = _published(bool, "seekable", seekableChanged)
    shuffle = _published(bool, "shuffle", shuffleChanged)
    repeatMode = _published(str, "repeatMode", repeatModeChanged)  # "off" | "all" | "one"
    hasTrack = _published(bool, "hasTrack", hasTrackChanged)
    canNext = _published(bool, "canNext", canNextChanged)
    canPrevious = _published(bool, "canPrevious", canPreviousChanged)
    error = _published(str, "error", errorChanged)
    loading = _published(bool, "loading", loadingChanged)
    ducked = _published(bool, "ducked", duckedChanged)
    skippedCount = _published(int, "skippedCount", skippedCountChanged)  # unplayable files skipped
    volume = _published(float, "volume", volumeChanged)
    positionMs = Property(int, lambda self: self._position, notify=positionMsChanged)
    queue = Property(QObject, lambda self: self._model, constant=True)

    def _publish(self) -> None:
        """Recompute what QML sees and notify only what changed."""
        item = self._queue.current
        source = self._source if item is not None and self._source.uri == item.uri else None
        duration = source.duration if source else 0
        seekable = item is not None and (item.kind == "library" if source is None or source.seekable is None
                                         else source.seekable)
        values = {
            "title": item.title if item else "",
            "artist": item.artist if item else "",
            "album": item.album if item else "",
            "coverUrl": cover_url(item.cover) if item else "",
            "sourceKind": item.kind if item else "",
            "playing": source is not None and source.playing,
            "durationMs": duration if duration > 0 else (item.duration_ms if item else 0),
            "seekable": seekable,
            "shuffle": self._queue.shuffle,
            "repeatMode": self._queue.repeat,
            "hasTrack": item is not None,
            "canNext": self._queue.has_next,
            "canPrevious": item is not None and (self._queue.has_previous or seekable),
            "error": self._error,
            "loading": source is not None and source.loading,
            "ducked": self._focus.ducked,
            "skippedCount": self._skipped,
            "volume": self._volume,
        }
        changed = [name for name, value in values.items() if self._shown.get(name, None) != value]
        self._shown = values
        for name in changed:
            getattr(self, f"{name}Changed").emit()

    # -- commands -------------------------------------------------------------------------------

    @Slot(list, int)
    def playTracks(self, items: list, start: int) -> None:  # noqa: N802 - QML names
        """Replace the queue with `items` and play `items[start]` (shuffle and repeat carry over)."""
        try:
            parsed = [queue_item(data) for data in items]
            queue = PlayQueue(parsed, start, self._queue.repeat)
            if not parsed:
                raise ValueError("the list of tracks is empty")
        except ValueError as exc:
            log.warning("refused to queue tracks: %s", exc)
            self._set_error(texts.tr_arg(texts.BAD_QUEUE, str(exc)))
            return
        if self._queue.shuffle:
            queue.set_shuffle(True, random.getrandbits(32))
        self._replace_queue(queue)

    @Slot(dict)
    def playStream(self, item: dict) -> None:  # noqa: N802
        """Play a radio station, playlist or podcast episode (its own queue of one)."""
        try:
            queue = PlayQueue([queue_item(item, "stream")], 0, self._queue.repeat)
        except ValueError as exc:
            log.warning("refused to play a stream: %s", exc)
            self._set_error(texts.tr_arg(texts.STATION_FAILED, str(exc)))
            return
        self._replace_queue(queue)

    @Slot()
    def play(self) -> None:
        item = self._queue.current
        if item is None:
            return
        self._error = ""
        if self._source.uri != item.uri:
            self._load(item, self._position, play=True)
        else:
            self._source.play()

    @Slot()
    def pause(self) -> None:
        self._source.pause()
        self._saver.now()

    @Slot()
    def togglePlay(self) -> None:  # noqa: N802
        if self._source.wants_play:
            self.pause()
        else:
            self.play()

    @Slot()
    def next(self) -> None:
        item = self._queue.next()
        if item is not None:
            self._failures_in_row = 0
            self._change_track(item, self._source.wants_play)

    @Slot()
    def previous(self) -> None:
        before = self._queue.index
        item = self._queue.previous(self._position)
        if item is None:
            return
        if self._queue.index == before:
            self.seek(0)
        else:
            self._change_track(item, self._source.wants_play)

    @Slot(int)
    def playQueueIndex(self, position: int) -> None:  # noqa: N802
        """Play the item at `position` of the queue list (the play order)."""
        if not 0 <= position < len(self._queue):
            log.warning("no queue item %d to play (the queue has %d)", position, len(self._queue))
            return
        self._failures_in_row = 0
        self._change_track(self._queue.select(position), True)

    @Slot(int)
    def seek(self, position_ms: int) -> None:
        item = self._queue.current
        if item is None or not self._shown["seekable"]:
            return
        duration = self._shown["durationMs"]
        position = max(0, min(int(position_ms), duration) if duration > 0 else int(position_ms))
        if self._source.uri == item.uri:
            self._source.seek(position)  # otherwise play() starts there
        self._show_position(position)
        self._position_out.flush()
        self._saver.soon()

    @Slot(bool)
    def setShuffle(self, on: bool) -> None:  # noqa: N802
        if on == self._queue.shuffle:
            return
        self._queue.set_shuffle(on, random.getrandbits(32))
        self._model.show(self._queue.in_play_order(), self._queue.position)
        self._publish()
        self._saver.soon()

    @Slot()
    def cycleRepeat(self) -> None:  # noqa: N802
        self._queue.cycle_repeat()
        self._publish()
        self._saver.soon()

    @Slot(float)
    def setVolume(self, volume: float) -> None:  # noqa: N802
        self._volume = min(1.0, max(0.0, float(volume)))
        self._apply_volume()
        self._publish()

    @Slot(str)
    def mediaAction(self, action: str) -> None:  # noqa: N802
        """A steering-wheel key (VSS Vehicle.Cabin.Infotainment.Media.Action)."""
        command = {"PLAY": self.togglePlay, "SKIP_FORWARD": self.next, "SKIP_BACKWARD": self.previous,
                   "STOP": self.pause}.get(action)
        if command is not None:
            command()
        elif action != "UNKNOWN":
            log.info("ignored media action %r", action)

    # -- Python API: focus, video, persistence --------------------------------------------------

    @property
    def focus(self) -> AudioFocus:
        return self._focus

    def request_focus(self, kind: str) -> int:
        """A navigation prompt or a call starts: the music is lowered until its token is released."""
        token = self._focus.request(kind)
        self._apply_volume()
        self._publish()
        return token

    def release_focus(self, token: int) -> bool:
        released = self._focus.release(token)
        self._apply_volume()
        self._publish()
        return released

    def player_position_ms(self) -> int:
        """The player's own position, not throttled for QML (benchmarks, tests)."""
        return self._source.position_ms

    def set_video_active(self, active: bool) -> None:
        """A video starts or stops: music pauses for it and stays paused afterwards."""
        if active and self._source.wants_play:
            self.pause()

    @property
    def audio_output(self) -> QAudioOutput:
        return self._source.output

    @property
    def saving(self) -> bool:
        return self._saver.busy

    def attach(self, store: Store) -> None:
        """Read the saved queue back (on the worker), shown paused at its position with the
        source set only on play; save changes from now on."""
        self._saver.attach(store, self._restore)

    def close(self, save: bool = True) -> None:
        """Stop playing and save where it was (on the worker: let the task runner finish).
        save=False when the store is about to close with no time left to write."""
        if self._closed:
            return
        self._closed = True
        self._source.unload()
        self._saver.set_playing(False)
        if save:
            self._saver.now()

    # -- playing --------------------------------------------------------------------------------

    def _replace_queue(self, queue: PlayQueue) -> None:
        self._queue = queue
        self._failures_in_row = 0
        self._model.show(queue.in_play_order(), queue.position)
        self._load(queue.current, 0, play=True)
        self._saver.now()

    def _change_track(self, item: QueueItem, play: bool) -> None:
        self._model.set_current(self._queue.position)
        self._load(item, 0, play)
        self._saver.now()

    def _load(self, item: QueueItem, position_ms: int, play: bool) -> None:
        if play:
            self._error = ""
        self._show_position(position_ms)
        self._position_out.flush()
        self._source.load(item.uri, item.kind == "stream", position_ms, play)

    def _show_position(self, position: int) -> None:
        self._position = max(0, int(position))
        self._position_out.request(("position",))

    def _on_changed(self) -> None:
        # a track change is a stop and a start: saving goes on while the driver wants it playing
        self._saver.set_playing(self._source.playing or self._source.wants_play)
        self._publish()

    def _on_started(self) -> None:
        self._failures_in_row = 0

    def _on_ended(self) -> None:
        before = self._queue.index
        item = self._queue.after_end()
        if item is None:  # the queue is done: rewound to its first item, paused
            self._change_track(self._queue.current, False)
        elif self._queue.index == before:
            self._show_position(0)
            self._source.restart()
        else:
            self._change_track(item, True)

    def _on_failed(self, reason: str) -> None:
        item = self._queue.current
        if item is None:
            return
        if item.kind == "stream":
            self._fail(texts.tr_arg(texts.STATION_FAILED, reason))
            return
        self._skipped += 1
        self._failures_in_row += 1
        if self._failures_in_row >= len(self._queue):
            self._fail(texts.tr_arg(texts.TRACK_FAILED if len(self._queue) == 1 else texts.NONE_PLAYABLE, reason))
            return
        following = self._queue.next()
        if following is None:  # the last track of the queue: it ends here, rewound and paused
            self._queue.select(0)
            self._change_track(self._queue.current, False)
            self._set_error(texts.tr_arg(texts.TRACK_FAILED, reason))
        else:
            self._change_track(following, self._source.wants_play)

    def _fail(self, text: str) -> None:
        """Stop with an error; play() tries the same item again."""
        self._source.unload()
        self._set_error(text)

    def _set_error(self, text: str) -> None:
        self._error = text
        self._publish()

    def _apply_volume(self) -> None:
        self._source.output.setVolume(self._volume * self._focus.volume_factor)

    # -- persistence ----------------------------------------------------------------------------

    def _restore(self, state: dict[str, Any] | None) -> None:
        if state is None or self._closed or self._queue.current is not None:
            return  # nothing saved, or the driver already started something else
        self._queue = PlayQueue.from_json(state["queue"])
        self._model.show(self._queue.in_play_order(), self._queue.position)
        self._show_position(state["position_ms"])
        self._position_out.flush()
        self._publish()

    def _snapshot(self) -> dict[str, Any]:
        return {"queue": self._queue.to_json(), "position_ms": self._position}
