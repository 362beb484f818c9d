"""`--screenshot`: save the first settled frame (the window's `settled` is true) to PNG."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtQuick import QQuickWindow

log = logging.getLogger("headunit.screenshot")


class SettledScreenshot(QObject):
    def __init__(
        self,
        window: QQuickWindow,
        path: Path,
        finished: Callable[[int], None],
        timeout_ms: int = 30_000,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        self._finished = finished
        self._done = False
        window.settledChanged.connect(self._check)
        self._timeout = QTimer(self, singleShot=True, interval=timeout_ms)
        self._timeout.timeout.connect(self._give_up)
        self._timeout.start()
        QTimer.singleShot(0, self._check)

    def _check(self) -> None:
        if not self._done and self._window.property("settled"):
            self._done = True
            self._timeout.stop()
            QTimer.singleShot(0, self._save)  # let bindings that follow `settled` run first

    def _save(self) -> None:
        image = self._window.grabWindow()
        self._path.parent.mkdir(parents=True, exist_ok=True)
        if image.isNull() or not image.save(str(self._path), "PNG"):
            print(f"headunit: could not write the screenshot to {self._path}", file=sys.stderr, flush=True)
            self._finished(1)
            return
        log.info("screenshot saved: %s (%dx%d)", self._path, image.width(), image.height())
        self._finished(0)

    def _give_up(self) -> None:
        if not self._done:
            self._done = True
            print(f"headunit: the screen did not settle within {self._timeout.interval() // 1000} s; "
                  "no screenshot written (see the log)", file=sys.stderr, flush=True)
            self._finished(1)
