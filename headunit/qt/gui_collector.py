"""Python's cyclic garbage collector, run on the GUI thread only, between events.

Left automatic, the collector runs in whichever thread happens to allocate when a
generation's threshold is crossed: a worker thread reading tags, or the GUI thread in the
middle of a Qt call. A Qt object it frees there is destroyed in that thread and at that
moment; Qt objects may only be destroyed in their own thread, and Qt Multimedia's players
join their decoder threads while being destroyed. So automatic collection is switched off
and a timer on the GUI thread collects each generation once its threshold is crossed, as
the automatic collector would have, only at a safe point. Reference counting, which frees
everything outside cycles, is unchanged.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_due() -> int:
    """Collect the oldest generation whose count has crossed its threshold (which collects the
    younger ones with it), as the automatic collector would; the number of unreachable objects
    found. Call on the GUI thread only."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
    return gc.collect(due[-1]) if due else 0


class GuiThreadCollector(QObject):
    """Switches automatic collection off while it lives; collects on its timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("the garbage collector must be driven from the GUI (main) thread")
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(collect_due)
        self._timer.start()

    def stop(self) -> None:
        """Collect what is left and give collection back to Python (at quit)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
