"""Map frame benchmark: Qt Quick frame timings while a scripted pan and zoom runs over
the real MapCanvas and tile provider, offscreen, with a cold tile cache.

frame_p95_ms is the frame time: from the frame's animation tick (FrameAnimation.triggered)
to its swap (Window.frameSwapped), timed with perf_counter in two Python callbacks connected
directly (the only Python per frame; the profiler below leaves them out). The offscreen
platform paces frames with a 16 ms timer, so the intervals between ticks
(FrameAnimation.frameTime, frame_interval_p95_ms) show the pacing, not the cost of a frame;
frame_max_ms is the longest interval, so a stall of any kind shows in it. The script (pan
about 1,100 px/s, zoom 16 -> 17.5 -> 14 -> 16) is a QML SequentialAnimation, so Qt's
animation driver, not a Python timer, moves the map. The floor is the same window
animating a plain rectangle for one second just before, in the same run.

gui_python_ms_per_frame: a sys.setprofile() hook installed on the GUI thread only
(profile hooks are per thread; the tile provider's reader thread is not hooked) while
the map is measured. It sums the wall time from entering an outermost Python frame to
leaving it, i.e. every call Qt makes into Python on the GUI thread (slots, property
getters, callbacks) including the Python it calls in turn, and divides by the frames
swapped. Time a GUI-thread call spends waiting for the GIL before its first Python
frame is not Python time and is not counted; it shows in the frame intervals instead.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

TARGET_FRAME_P95_MS = 16.7
TARGET_FRAME_MAX_MS = 100.0
TARGET_GUI_PYTHON_MS = 4.0
QML_DIR = Path(__file__).resolve().parents[1] / "qml"
BENCH_QML = Path(__file__).with_name("map_frames.qml")


class GuiPythonProfiler:
    """Sums wall time spent in Python entered from C++ on the thread that starts it."""

    def __init__(self, ignore: tuple = ()) -> None:
        self.total_s = 0.0
        self.calls = 0
        self._depth = 0
        self._entered = 0.0
        self._ignore = {f.__code__ for f in ignore}  # the measurement's own callbacks
        self._ignoring = 0

    def _hook(self, frame, event: str, arg) -> None:  # noqa: ANN001 - sys.setprofile's signature
        if self._ignoring or (event == "call" and self._depth == 0 and frame.f_code in self._ignore):
            self._ignoring += {"call": 1, "return": -1}.get(event, 0)
            return
        if event == "call":
            if self._depth == 0:
                self._entered = time.perf_counter()
                self.calls += 1
            self._depth += 1
        elif event == "return" and self._depth > 0:
            self._depth -= 1
            if self._depth == 0:
                self.total_s += time.perf_counter() - self._entered

    def start(self) -> None:
        self._depth = 0
        sys.setprofile(self._hook)

    def stop(self) -> None:
        sys.setprofile(None)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def _map_id(map_path: Path) -> str:
    from headunit.services.map.drawing import map_id
    from headunit.services.map.schema import open_map

    conn = open_map(map_path)
    try:
        return map_id(conn) or "map"
    finally:
        conn.close()


def bench_frames(map_path: Path, seconds: float = 5.0, size: tuple[int, int] = (1280, 720)) -> dict:
    """Run the scripted pan and zoom for `seconds` and return the figures (nothing is printed).

    The caller picks the platform (QT_QPA_PLATFORM=offscreen) before a QGuiApplication
    exists; one is created here only if there is none.
    """
    import shiboken6
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - root objects come back as QQuickWindow

    from headunit.qt.map.tile_provider import install_tile_provider

    if seconds <= 0:
        raise ValueError(f"seconds must be positive, got {seconds}")
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    map_path = Path(map_path)
    tile_source = f"image://maptiles/{_map_id(map_path)}"
    floor_seconds = min(1.0, seconds)
    with tempfile.TemporaryDirectory(prefix="headunit-map-frames-") as tmp:
        engine = QQmlApplicationEngine()
        engine.addImportPath(str(QML_DIR))
        provider = install_tile_provider(engine, map_path, Path(tmp) / "tiles.db")
        engine.setInitialProperties({"tileSource": tile_source, "seconds": seconds, "floorSeconds": floor_seconds,
                                     "width": size[0], "height": size[1]})
        engine.load(str(BENCH_QML))
        if not engine.rootObjects():
            raise RuntimeError(f"{BENCH_QML.name} failed to load")
        window = engine.rootObjects()[0]
        work_ms: dict[str, list[float]] = {"floor": [], "map": []}
        tick = [0.0]

        def ticked() -> None:
            tick[0] = time.perf_counter()

        def swapped() -> None:
            if tick[0] and window.property("measuring"):
                work_ms[window.property("phase")].append((time.perf_counter() - tick[0]) * 1000)
            tick[0] = 0.0

        from PySide6.QtCore import QObject, Qt

        direct = Qt.ConnectionType.DirectConnection
        window.findChild(QObject, "frameTick").triggered.connect(ticked, direct)
        window.frameSwapped.connect(swapped, direct)
        profiler = GuiPythonProfiler(ignore=(ticked, swapped))

        def measuring_changed() -> None:
            if window.property("measuring") and window.property("phase") == "map":
                profiler.start()
            else:
                profiler.stop()

        window.measuringChanged.connect(measuring_changed)
        loop = QEventLoop()
        window.finished.connect(loop.quit)
        QTimer.singleShot(int((seconds + floor_seconds) * 1000) + 30_000, loop.quit)
        loop.exec()
        profiler.stop()
        completed = window.property("phase") == "done"
        intervals = [float(v) for v in window.property("intervals").toVariant()]
        floor = [float(v) for v in window.property("floorIntervals").toVariant()]
        frames = int(window.property("swaps"))
        stats = provider.tiles.stats
        provider.shutdown()
        window.close()
        shiboken6.delete(engine)
        app.processEvents()
    if not completed:
        raise RuntimeError("the map frame benchmark did not finish (tiles never became ready?)")
    renders = stats.render_ms
    result = {
        "benchmark": "map_frames",
        "seconds": seconds,
        "size": f"{size[0]}x{size[1]}",
        "frames": frames,
        "frame_p50_ms": round(_percentile(work_ms["map"], 50), 2),
        "frame_p95_ms": round(_percentile(work_ms["map"], 95), 2),
        "frame_max_ms": round(max(intervals, default=0.0), 2),
        "frame_interval_p95_ms": round(_percentile(intervals, 95), 2),
        "floor_frame_p95_ms": round(_percentile(work_ms["floor"], 95), 2),
        "floor_frame_interval_p95_ms": round(_percentile(floor, 95), 2),
        "floor_frame_max_ms": round(max(floor, default=0.0), 2),
        "gui_python_ms_per_frame": round(profiler.total_s * 1000 / max(1, frames), 3),
        "gui_python_calls": profiler.calls,
        "tiles_requested": stats.requests,
        "tiles_rendered": stats.rendered,
        "tile_render_ms_p50": round(statistics.median(renders), 2) if renders else 0.0,
        "tile_render_ms_p95": round(_percentile(renders, 95), 2),
        "cache_hit_ratio": round(stats.hit_ratio, 3),
        "frame_p95_target_ms": TARGET_FRAME_P95_MS,
        "frame_max_target_ms": TARGET_FRAME_MAX_MS,
        "gui_python_target_ms": TARGET_GUI_PYTHON_MS,
    }
    result["meets_targets"] = (result["frame_p95_ms"] <= TARGET_FRAME_P95_MS
                               and result["frame_max_ms"] <= TARGET_FRAME_MAX_MS
                               and result["gui_python_ms_per_frame"] <= TARGET_GUI_PYTHON_MS)
    return result
