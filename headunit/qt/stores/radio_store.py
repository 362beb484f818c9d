"""Radio stations, playlists and podcasts from the backend's media catalogue, for the Radio app.

The catalogue saved in the offline cache is read on the worker and shown at once, marked
"as of HH:MM" when older than ``stale_after_s``; it is refreshed on the worker when a
client is attached and the backend answers (again when connectivity comes back, and when
it goes stale on screen). A failed or malformed refresh keeps what was shown. Playing
hands the item's signed stream URL to the player; offline nothing is played and the
message line says why. Signed URLs expire: one that has (or is about to) is fetched anew
with the catalogue before it is played. Lists are cut to the driving restrictions.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import Property, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.radio import SECTIONS, RadioItem, check_section, find_item, section_items, url_expired
from headunit.qt.formatting import time_text
from headunit.qt.stores import radio_texts as texts
from headunit.qt.stores.row_model import DictListModel

if TYPE_CHECKING:
    from headunit.core.backend.models import Catalogue
    from headunit.qt.tasks import TaskRunner
    from headunit.services.backend.cache import BackendCache
    from headunit.services.backend.client import BackendApi
    from headunit.services.backend.live_data import CachedValue
    from headunit.services.store import Store

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("headunit.media")

ROLES = ("itemId", "title", "subtitle", "kind", "available", "group")
URL_MARGIN_S = 300.0  # a URL that stops working sooner than this is fetched anew before playing


def _read_cache(cache: BackendCache, now: float, stale_after_s: float) -> CachedValue[Catalogue] | None:
    from headunit.services.backend.live_data import cached_catalogue  # worker: not before the first frame

    return cached_catalogue(cache, now, stale_after_s)


def _fetch(client: BackendApi, cache: BackendCache | None, now: float) -> Catalogue | str:
    """Ask the backend (and keep the answer when storage is open). A backend that cannot
    answer is expected in a car: that is a result (why), not an error with a traceback."""
    from headunit.services.backend.errors import BackendError
    from headunit.services.backend.live_data import refresh_catalogue

    try:
        return client.catalogue() if cache is None else refresh_catalogue(client, cache, now)
    except BackendError as error:
        return str(error)


def _cut(text: str, limit: int) -> str:
    return text if limit < 0 or len(text) <= limit else text[: max(0, limit - 1)] + "…"


class _Shown(NamedTuple):
    """Everything QML reads besides the list, compared as a whole so `changed` fires on a real change."""

    section: str = "stations"
    offline: bool = False
    loading: bool = False
    message: str = ""
    as_of: str = ""
    hidden: int = 0


@QmlElement
@QmlUncreatable("RadioStore is created by the application")
class RadioStore(QObject):
    changed = Signal()

    def __init__(self, tasks: TaskRunner, player: QObject, restrictions: QObject | None, stale_after_s: float,
                 parent: QObject | None = None, *, clock: Callable[[], float] = time.time,
                 locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._player = player
        self._restrictions = restrictions
        self._stale_after_s = stale_after_s
        self._clock = clock
        self._locale = locale or QLocale()
        self._cache: BackendCache | None = None
        self._client: BackendApi | None = None
        self._connectivity = "unknown"
        self._section = "stations"
        self._catalogue: Catalogue | None = None
        self._fetched_at = 0.0
        self._stale = self._failed = False
        self._reading = self._refreshing = False
        self._pending: tuple[str, RadioItem] | None = None  # waits for a fresh URL
        self._notice = ""  # what the last tap led to, until the next change of scene
        self._visible: list[RadioItem] = []
        self._items = DictListModel(ROLES, self)
        self._shown = _Shown()
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.timeout.connect(self._went_stale)
        if restrictions is not None:
            restrictions.restrictionsChanged.connect(self._update)
        self._update()

    # -- what arrives after the first frame ------------------------------------------------

    def attach(self, store: Store | None, client: BackendApi | None) -> None:
        """Storage (None: unavailable) and the backend client (None: not known yet, see attach_client)."""
        from headunit.services.backend.cache import BackendCache

        if client is not None:
            self._client = client
        self._cache = BackendCache(store) if store is not None else None
        if self._cache is None or self._catalogue is not None:
            self._refresh_if_needed()
            return
        self._reading = True
        self._update()
        self._tasks.run(_read_cache, self._cache, self._clock(), self._stale_after_s,
                        on_done=self._read, on_error=self._read_failed, name="read media catalogue")

    def attach_client(self, client: BackendApi | None) -> None:
        self._client = client
        if not self._reading:
            self._refresh_if_needed()

    def follow_connectivity(self, sync_store: QObject) -> None:
        """Offline follows the backend's health; when it answers again, fetch what is missing or old."""
        def changed() -> None:
            state = sync_store.connectivity
            if state == self._connectivity:
                return
            self._connectivity, self._notice = state, ""
            if state == "online" and not self._reading:
                self._refresh_if_needed(after_failure=True)
            self._update()

        sync_store.connectivityChanged.connect(changed)
        changed()

    # -- commands ----------------------------------------------------------------------------

    @Slot(str)
    def showSection(self, name: str) -> None:
        """"stations", "playlists" or "podcasts"."""
        check_section(name)
        if name != self._section:
            self._section, self._notice = name, ""
            self._update()

    @Slot()
    def refresh(self) -> None:
        """Fetch the catalogue again now (the driver asked)."""
        self._notice = ""
        if not self._refresh():
            self._update()

    @Slot(int)
    def play(self, row: int) -> None:
        """Play the row's stream; offline, say why not instead."""
        if not 0 <= row < len(self._visible):
            log.info("radio: no row %d to play (the list has %d)", row, len(self._visible))
            return
        item = self._visible[row]
        self._pending = None
        if self._connectivity == "offline":
            self._notice = texts.tr_arg(texts.PLAY_OFFLINE, item.title)
        elif url_expired(item.stream_url, self._clock(), URL_MARGIN_S):
            self._notice = ""
            self._pending = (self._section, item)
            if not self._refreshing and not self._refresh():
                self._pending = None
                self._notice = texts.tr_arg(texts.PLAY_FAILED, item.title)
        else:
            self._start(item)
        self._update()

    def _start(self, item: RadioItem) -> None:
        self._notice = ""
        self._player.playStream({
            "uri": item.stream_url, "title": item.title,
            "artist": item.artist or texts.genre_text(item.genre), "album": item.group, "cover": "",
            "durationMs": 0 if item.duration_s is None else round(item.duration_s * 1000), "kind": "stream",
        })

    # -- the catalogue -----------------------------------------------------------------------

    def _read(self, cached: CachedValue[Catalogue] | None) -> None:
        self._reading = False
        if cached is not None and self._catalogue is None:  # one already here came from the backend
            self._publish(cached.value, cached.fetched_at, cached.stale)
        self._refresh_if_needed()
        self._update()

    def _read_failed(self, _error: BaseException) -> None:
        self._reading = False
        self._refresh_if_needed()
        self._update()

    def _refresh_if_needed(self, after_failure: bool = False) -> None:
        if self._catalogue is None or self._stale or (after_failure and self._failed):
            self._refresh()

    def _refresh(self) -> bool:
        """Start a refresh; False when there is no backend to ask (or one is under way)."""
        if self._refreshing or self._client is None or self._connectivity == "offline":
            return False
        now = self._clock()
        self._refreshing = True
        self._update()
        self._tasks.run(_fetch, self._client, self._cache, now, on_done=lambda answer: self._fetched(answer, now),
                        on_error=self._fetch_failed, name="refresh media catalogue")
        return True

    def _fetched(self, answer: Catalogue | str, now: float) -> None:
        if isinstance(answer, str):
            self._fetch_failed(answer)
            return
        self._refreshing = self._failed = False
        self._publish(answer, now, False)
        pending, self._pending = self._pending, None
        if pending is not None:
            section, item = pending
            fresh = find_item(answer, section, item)
            if fresh is None:
                self._notice = texts.tr_arg(texts.PLAY_GONE, item.title)
            else:
                self._start(fresh)
        self._update()

    def _fetch_failed(self, error: BaseException | str) -> None:
        log.info("media catalogue not refreshed: %s", error)
        self._refreshing, self._failed = False, True
        pending, self._pending = self._pending, None
        if pending is not None:
            self._notice = texts.tr_arg(texts.PLAY_FAILED, pending[1].title)
        self._update()

    def _publish(self, catalogue: Catalogue, fetched_at: float, stale: bool) -> None:
        self._catalogue, self._fetched_at, self._stale = catalogue, fetched_at, stale
        self._stale_timer.stop()
        if not stale:
            left_s = fetched_at + self._stale_after_s - self._clock()
            self._stale_timer.start(max(0, round(left_s * 1000)) + 1000)

    def _went_stale(self) -> None:
        if self._catalogue is None or self._stale:
            return
        age = self._clock() - self._fetched_at
        if 0 <= age <= self._stale_after_s:
            self._publish(self._catalogue, self._fetched_at, False)  # not yet: look again later
            return
        self._stale = True
        self._refresh()
        self._update()

    # -- what QML reads ------------------------------------------------------------------------

    def _limits(self) -> tuple[int, int]:
        if self._restrictions is None:
            return -1, -1
        return int(self._restrictions.maxListItems), int(self._restrictions.maxStringChars)

    def _update(self) -> None:
        max_items, max_chars = self._limits()
        every = section_items(self._catalogue, self._section) if self._catalogue is not None else ()
        self._visible = list(every if max_items < 0 else every[:max_items])
        offline = self._connectivity == "offline"
        self._items.reset([{
            "itemId": item.id, "title": _cut(item.title, max_chars),
            "subtitle": _cut(texts.subtitle(item, self._locale), max_chars), "kind": item.kind,
            "available": not offline, "group": _cut(item.group, max_chars),
        } for item in self._visible])
        loading = self._reading or self._refreshing
        as_of = ""
        if self._catalogue is not None and self._stale:
            as_of = texts.tr_arg(texts.AS_OF, time_text(self._fetched_at, self._locale))
        shown = _Shown(self._section, offline, loading, self._message(offline, loading, bool(every)), as_of,
                       len(every) - len(self._visible))
        if shown != self._shown:
            self._shown = shown
            self.changed.emit()

    def _message(self, offline: bool, loading: bool, any_items: bool) -> str:
        section = self._section
        if self._notice:
            return self._notice
        if self._catalogue is None:
            if loading:
                return ""
            if offline or self._client is None:
                return texts.tr(texts.NONE_SAVED[section])
            return texts.tr(texts.LOAD_FAILED) if self._failed else ""
        if not any_items:
            return texts.tr(texts.EMPTY[section])
        if offline:
            return texts.tr(texts.OFFLINE[section])
        return texts.tr(texts.NOT_UPDATED) if self._failed and not loading else ""

    @property
    def catalogue(self) -> Catalogue | None:
        """The catalogue shown (None while there is none)."""
        return self._catalogue

    @property
    def fetched_at(self) -> float:
        return self._fetched_at

    def _get_items(self) -> QObject:
        return self._items

    items = Property(QObject, _get_items, constant=True)
    sections = Property("QStringList", lambda self: list(SECTIONS), constant=True)
    section = Property(str, lambda self: self._shown.section, notify=changed)
    offline = Property(bool, lambda self: self._shown.offline, notify=changed)
    loading = Property(bool, lambda self: self._shown.loading, notify=changed)
    message = Property(str, lambda self: self._shown.message, notify=changed)
    asOfText = Property(str, lambda self: self._shown.as_of, notify=changed)
    hiddenCount = Property(int, lambda self: self._shown.hidden, notify=changed)

