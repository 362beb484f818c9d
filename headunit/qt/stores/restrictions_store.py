"""The driving restrictions for QML: one engine (core), fed by every change of its
input signals at once, so restrictions apply within milliseconds of the signal."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from headunit.core.config import RestrictionLimits
from headunit.core.restrictions import INPUT_PATHS, RestrictionEngine, Restrictions
from headunit.core.signals import SignalState

QML_IMPORT_NAME = "HeadUnit.Stores"
QML_IMPORT_MAJOR_VERSION = 1


def _limit(value: int | None) -> int:
    return -1 if value is None else value


@QmlElement
@QmlUncreatable("RestrictionsStore is created by the application")
class RestrictionsStore(QObject):
    restrictionsChanged = Signal()

    def __init__(self, limits: RestrictionLimits, signals: SignalState,
                 clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = RestrictionEngine(limits)
        self._signals = signals
        self._clock = clock
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._tick)

    @property
    def restrictions(self) -> Restrictions:
        return self._engine.restrictions

    def on_signals_changed(self, paths: list[str]) -> None:
        if not INPUT_PATHS.isdisjoint(paths):
            self.reevaluate()

    def reevaluate(self) -> None:
        self._engine.update_from_signals(self._clock(), self._signals)
        self._after()

    def _tick(self) -> None:
        self._engine.tick(self._clock())
        self._after()

    def _after(self) -> None:
        if self._engine.changed:
            self.restrictionsChanged.emit()
        deadline = self._engine.next_deadline()
        if deadline is None:
            self._timer.stop()
        else:
            self._timer.start(max(1, round((deadline - self._clock()) * 1000)))

    drivingState = Property(str, lambda self: str(self._engine.state), notify=restrictionsChanged)
    videoAllowed = Property(bool, lambda self: self._engine.restrictions.video_allowed, notify=restrictionsChanged)
    keyboardAllowed = Property(bool, lambda self: self._engine.restrictions.keyboard_allowed,
                               notify=restrictionsChanged)
    paymentConfirmationAllowed = Property(
        bool, lambda self: self._engine.restrictions.payment_confirmation_allowed, notify=restrictionsChanged)
    maxListItems = Property(int, lambda self: _limit(self._engine.restrictions.max_list_items),
                            notify=restrictionsChanged)
    maxStringChars = Property(int, lambda self: _limit(self._engine.restrictions.max_string_chars),
                              notify=restrictionsChanged)
    maxTaskScreens = Property(int, lambda self: _limit(self._engine.restrictions.max_task_screens),
                              notify=restrictionsChanged)
