"""Tapping a Qt Quick window in a benchmark, and timing a tap to the frame that shows its effect.

Shared by the UI benchmarks (`bench pay`, `bench media`); each runs the head unit in a fresh
offscreen process. A tap is timed from just before the synthetic mouse click to the first
swapped frame (Window.frameSwapped) in which the expected screen is shown: the offscreen
platform renders on the GUI thread, so the frame just swapped is the state checked. The
floor is the same kind of tap on a bare QQuickView in the same process.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

WAIT_S = 20.0  # the longest any one screen or condition may take before the run fails
POLL_MS = 5


FLOOR_QML = """\
import QtQuick
Rectangle {
    color: "#E9EDF1"
    Rectangle {
        objectName: "floorButton"; x: 40; y: 40; width: 240; height: 80; radius: 40
        color: tap.pressed ? "#C8D0D8" : "#0A63C9"
        Text { anchors.centerIn: parent; text: "Continue"; color: "white"; font.pixelSize: 24; font.bold: true }
        TapHandler { id: tap; gesturePolicy: TapHandler.ReleaseWithinBounds; onTapped: panel.visible = !panel.visible }
    }
    Rectangle { id: panel; objectName: "floorPanel"; x: 320; y: 40; width: 640; height: 480; visible: false }
}
"""


def walk(item: Any) -> Iterator[Any]:
    yield item
    for child in item.childItems():
        yield from walk(child)


def shown(item: Any) -> bool:
    return item is not None and item.isVisible() and item.width() > 0 and item.height() > 0


def named(root: Any, name: str, visible: bool = True) -> Any:
    """The item under `root` named `name` (that is on screen, unless visible=False), or None."""
    return next((i for i in walk(root) if i.objectName() == name and (shown(i) or not visible)), None)


class Taps:
    """Taps items of one window and times them to the frame that shows what they lead to."""

    def __init__(self, window: Any) -> None:
        self.window = window

    def wait_until(self, ready: Callable[[], bool], what: str, timeout_s: float = WAIT_S) -> None:
        """Run Qt's event loop until ready() holds (checked every few ms); raise after timeout_s."""
        from PySide6.QtCore import QEventLoop, QTimer

        if ready():
            return
        loop = QEventLoop()
        poll = QTimer(interval=POLL_MS)
        poll.timeout.connect(lambda: ready() and loop.quit())
        deadline = QTimer(singleShot=True)
        deadline.timeout.connect(loop.quit)
        poll.start()
        deadline.start(round(timeout_s * 1000))
        loop.exec()
        poll.stop()
        deadline.stop()
        if not ready():
            raise RuntimeError(f"waited {timeout_s:g} s for {what}")

    def drawn(self) -> None:
        """Request a frame and wait until it is swapped: what is on screen is laid out."""
        swapped: list[bool] = []

        def on_swap() -> None:
            swapped.append(True)

        self.window.frameSwapped.connect(on_swap)
        self.window.update()
        try:
            self.wait_until(lambda: bool(swapped), "a frame")
        finally:
            self.window.frameSwapped.disconnect(on_swap)

    def press(self, find: Callable[[], Any], what: str) -> Any:
        """The item find() returns once it is on screen, enabled and laid out."""
        self.wait_until(lambda: (item := find()) is not None and item.isEnabled(), f"{what} on screen and enabled")
        self.drawn()
        item = find()
        if item is None:
            raise RuntimeError(f"{what} went away before the tap")
        return item

    def tap(self, item: Any) -> None:
        from PySide6.QtCore import QPoint, QPointF, Qt
        from PySide6.QtTest import QTest

        centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(round(centre.x()), round(centre.y())))

    def timed(self, item: Any, shows: Callable[[], bool], what: str) -> float:
        """Milliseconds from just before tapping `item` to the first swapped frame in which shows() holds."""
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        if shows():
            raise RuntimeError(f"{what}: the next screen is there before the tap")
        loop = QEventLoop()
        at: list[float] = []

        def on_swap() -> None:
            now = time.perf_counter()
            if not at and shows():
                at.append(now)
                loop.quit()

        deadline = QTimer(singleShot=True)
        deadline.timeout.connect(loop.quit)
        self.window.frameSwapped.connect(on_swap, Qt.ConnectionType.DirectConnection)
        try:
            deadline.start(round(WAIT_S * 1000))
            start = time.perf_counter()
            self.tap(item)
            if not at:
                loop.exec()
        finally:
            deadline.stop()
            self.window.frameSwapped.disconnect(on_swap)
        if not at:
            raise RuntimeError(f"{what}: no frame showed the next screen within {WAIT_S:g} s")
        return (at[0] - start) * 1000



def floor_taps(root: Path, count: int, size: str = "1280x720") -> list[float]:
    """`count` taps on a bare QQuickView, each timed to the frame that shows the panel toggled."""
    import shiboken6
    from PySide6.QtCore import QUrl
    from PySide6.QtQuick import QQuickView

    source = root / "floor.qml"
    source.write_text(FLOOR_QML)
    view = QQuickView()
    view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
    view.setSource(QUrl.fromLocalFile(str(source)))
    if view.rootObject() is None:
        raise RuntimeError(f"the floor QML failed to load: {[e.toString() for e in view.errors()]}")
    width, height = (int(n) for n in size.split("x"))
    view.resize(width, height)
    view.show()
    taps = Taps(view)
    button, panel = (named(view.rootObject(), name, visible=False) for name in ("floorButton", "floorPanel"))
    ms = []
    for _ in range(count):
        item = taps.press(lambda: button, "the floor button")
        ms.append(taps.timed(item, lambda target=not panel.isVisible(): panel.isVisible() == target, "floor tap"))
    view.close()
    shiboken6.delete(view)
    return ms


def run_child(module: str, args: list[str], timeout_s: float, what: str) -> dict[str, Any]:
    """Run a UI benchmark's child (`python -m module args`, offscreen) and return the figures it
    printed as its last JSON line; RuntimeError, naming `what`, if it hangs, fails or prints none."""
    argv = [sys.executable, "-m", module, *args]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout_s,
                              env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"the {what} bench hung (no answer in {error.timeout:g} s)") from None
    if done.returncode != 0:
        raise RuntimeError(f"the {what} bench failed (status {done.returncode}): {done.stderr.strip()[-800:]}")
    reports = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not reports:
        raise RuntimeError(f"the {what} bench printed no figures: {done.stderr.strip()[-400:]}")
    return json.loads(reports[-1])


def head_unit_app() -> tuple[Any, Any]:
    """The QGuiApplication of a benchmark's child process, with the garbage collection policy
    the head unit runs with (gui_collector.py); keep both alive for the run."""
    from PySide6.QtGui import QGuiApplication

    from headunit.qt.gui_collector import GuiThreadCollector

    app = QGuiApplication([sys.argv[0]])
    return app, GuiThreadCollector(app)


@contextlib.contextmanager
def running_head_unit(config: Any, tasks: Any, area: str) -> Iterator[tuple[Any, Taps]]:
    """The whole head unit built and started as the app does, showing `area`, once it has
    settled; its background work is let finish and it is disposed afterwards."""
    from headunit.app import _wait_for_first_frame, build_ui

    ui = build_ui(config)
    if ui is None:
        raise RuntimeError("the head unit's QML failed to load")
    taps = Taps(ui.window)
    try:
        ui.shell.openArea(area)
        ui.window.show()
        _wait_for_first_frame(ui.window)
        ui.startup.begin(tasks)
        taps.wait_until(lambda: bool(ui.window.property("settled")), "the head unit to settle")
        yield ui, taps
    finally:
        with contextlib.suppress(RuntimeError):  # a failure above is the one to report
            taps.wait_until(lambda: tasks.pending == 0, "the head unit's background work")
        ui.dispose()
