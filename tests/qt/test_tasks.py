"""The task runner: blocking work off the GUI thread, results back on it."""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QTimer


def test_result_is_applied_on_the_gui_thread(tasks, qtbot):
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def apply(result: int) -> None:
        seen["result"] = result
        seen["applied_on"] = threading.get_ident()

    tasks.run(work, on_done=apply)
    qtbot.waitUntil(lambda: "applied_on" in seen, timeout=5_000)
    assert seen["result"] == 42
    assert seen["worker"] != gui_thread
    assert seen["applied_on"] == gui_thread


def test_gui_thread_keeps_serving_events_during_a_2_second_blocking_task(tasks, qtbot):
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    done: list[float] = []
    started = time.monotonic()
    tasks.run(time.sleep, 2.0, on_done=lambda _: done.append(time.monotonic()))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    timer.stop()
    during = [t for t in ticks if started <= t <= done[0]]
    assert done[0] - started >= 2.0  # the work really blocked its thread for 2 s
    # A blocked GUI thread would have served no timer event at all until the end.
    assert len(during) >= 25, f"only {len(during)} timer events served in 2 s"
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert max(gaps) < 1.0, f"the GUI thread stalled for {max(gaps):.2f} s"


def test_an_exception_is_logged_and_signalled_never_raised(tasks, qtbot, caplog):
    errors: list[BaseException] = []

    def broken() -> None:
        raise ValueError("backend answered nonsense")

    with caplog.at_level(logging.ERROR, logger="headunit.tasks"):
        with qtbot.waitSignal(tasks.failed, timeout=5_000) as signal:
            tasks.run(broken, on_error=errors.append, name="fetch prices")
    assert signal.args == ["fetch prices", "ValueError: backend answered nonsense"]
    assert isinstance(errors[0], ValueError)
    assert any("fetch prices" in r.getMessage() and r.levelno == logging.ERROR for r in caplog.records)


def test_a_failing_result_handler_is_reported_too(tasks, qtbot):
    def bad_handler(_: int) -> None:
        raise KeyError("missing field")

    with qtbot.waitSignal(tasks.failed, timeout=5_000) as signal:
        tasks.run(lambda: 1, on_done=bad_handler, name="apply prices")
    assert signal.args[0] == "apply prices (result handler)"
    assert "KeyError" in signal.args[1]


def test_busy_is_true_while_work_is_pending(tasks, qtbot):
    release = threading.Event()
    assert tasks.busy is False
    with qtbot.waitSignal(tasks.busyChanged, timeout=1_000):
        tasks.run(release.wait, 5.0)
    assert tasks.busy is True
    with qtbot.waitSignal(tasks.busyChanged, timeout=5_000):
        release.set()
    assert tasks.busy is False
