"""Guidance prompts: a chime before each manoeuvre and at it, with the music lowered meanwhile.

The planner (core/map/prompts.py) decides when; this plays the chime on a player of its
own and holds the navigation audio focus from the moment the prompt starts until it ends
(or fails, or a safety timeout passes), so the music is always restored.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaPlayer

from headunit.core.map.prompts import PromptPlanner, PromptStage
from headunit.qt.native_player import native_player

log = logging.getLogger("headunit.prompts")
CHIME = Path(__file__).resolve().parents[1] / "assets" / "media" / "prompts" / "chime.wav"
MAX_PROMPT_MS = 4000  # the focus is given back by then whatever the player says


class FocusHolder(Protocol):
    def request_focus(self, kind: str) -> int: ...

    def release_focus(self, token: int) -> None: ...


class NavigationPrompts(QObject):
    """Follows a RouteStore; `prompted(stage, maneuverIndex)` is emitted for every prompt played."""

    prompted = Signal(str, int)
    finished = Signal()

    def __init__(self, route: QObject, focus: FocusHolder, chime: Path = CHIME,
                 planner: PromptPlanner | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._route = route
        self._focus = focus
        self._planner = planner or PromptPlanner()
        self._token: int | None = None
        self._chime = chime
        self._player: QMediaPlayer | None = None  # made at the first prompt, not at start-up
        self._safety = QTimer(self, singleShot=True, interval=MAX_PROMPT_MS)
        self._safety.timeout.connect(self._end)
        route.changed.connect(self._route_changed)
        route.progressChanged.connect(self._progress)

    @property
    def speaking(self) -> bool:
        return self._token is not None

    def _route_changed(self) -> None:
        self._planner.reset()

    def _progress(self) -> None:
        index, distance = self._route.next_maneuver_progress()
        stage = self._planner.update(index, distance)
        if stage is not None:
            self._play(stage, index)

    def _play(self, stage: PromptStage, index: int) -> None:
        if self._token is None:
            self._token = self._focus.request_focus("navigation")
        log.info("guidance prompt: %s, manoeuvre %d", stage, index)
        self._safety.start()
        player = self._chime_player()
        player.setPosition(0)
        player.play()
        self.prompted.emit(str(stage), index)

    def _chime_player(self) -> QMediaPlayer:
        if self._player is None:
            self._player = native_player(self)
            self._player.setSource(QUrl.fromLocalFile(str(self._chime)))
            self._player.mediaStatusChanged.connect(self._status_changed)
            self._player.errorOccurred.connect(self._failed)
        return self._player

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._end()

    def _failed(self, _error: QMediaPlayer.Error, text: str) -> None:
        log.warning("guidance prompt could not be played: %s", text)
        self._end()

    def close(self) -> None:
        """Stop a chime that is playing and let go of its file (before the player is deleted)."""
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())
        self._end()

    def _end(self) -> None:
        self._safety.stop()
        if self._token is not None:
            self._focus.release_focus(self._token)
            self._token = None
            self.finished.emit()
