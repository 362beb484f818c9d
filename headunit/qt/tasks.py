"""Background work for the GUI: blocking calls run on a worker executor and their
results are applied on the GUI thread (the qasync event loop's thread).

A store calls ``tasks.run(fn, *args, on_done=..., on_error=...)`` from a slot and
returns at once; ``on_done`` later runs on the GUI thread with the result, so it
may touch QObjects. An exception in ``fn`` never escapes: it is logged and
reported through ``on_error`` and the runner's ``failed`` signal.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QObject, Property, Signal
from PySide6.QtGui import QGuiApplication

log = logging.getLogger("headunit.tasks")

T = TypeVar("T")


def install_event_loop(app: QGuiApplication) -> asyncio.AbstractEventLoop:
    """Make qasync's loop (which runs on Qt's event loop) the asyncio loop."""
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    return loop


class TaskRunner(QObject):
    """Runs blocking work off the GUI thread and hands results back to it."""

    failed = Signal(str, str)  # task name, message
    busyChanged = Signal()

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        executor: Executor | None = None,
        max_workers: int = 4,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._loop = loop
        self._own_executor = executor is None
        self._executor = executor or ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="headunit-worker"
        )
        self._pending: set[asyncio.Future[Any]] = set()
        self._stopped = False

    def _get_busy(self) -> bool:
        return bool(self._pending)

    busy = Property(bool, _get_busy, notify=busyChanged)

    @property
    def pending(self) -> int:
        return len(self._pending)

    def run(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        name: str | None = None,
    ) -> asyncio.Future[T]:
        """Run ``fn(*args)`` on the executor; call back on the GUI thread."""
        task_name = name or getattr(fn, "__qualname__", repr(fn))
        future = self._loop.run_in_executor(self._executor, fn, *args)
        was_idle = not self._pending
        self._pending.add(future)
        if was_idle:
            self.busyChanged.emit()

        def finished(fut: asyncio.Future[T]) -> None:
            self._pending.discard(fut)
            try:
                if fut.cancelled():
                    return
                error = fut.exception()
                if error is not None:
                    self._report(task_name, error, on_error)
                elif on_done is not None:
                    try:
                        on_done(fut.result())
                    except Exception as exc:  # a bug in a callback must not kill the GUI
                        self._report(f"{task_name} (result handler)", exc, None)
            finally:
                if not self._pending:
                    self.busyChanged.emit()

        future.add_done_callback(finished)
        return future

    def _report(
        self,
        task_name: str,
        error: BaseException,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        message = f"{type(error).__name__}: {error}"
        log.error("task %s failed: %s", task_name, message, exc_info=error)
        if on_error is not None:
            try:
                on_error(error)
            except Exception as exc:
                log.error("error handler of task %s failed: %s", task_name, exc, exc_info=exc)
        self.failed.emit(task_name, message)

    async def drain(self, timeout_s: float) -> bool:
        """Wait (on the loop, not blocking it) for the work already started; True if all finished."""
        pending = list(self._pending)
        if pending:
            await asyncio.wait(pending, timeout=timeout_s)
        return not self._pending

    @property
    def stopped(self) -> bool:
        """True after shutdown: nothing more can run."""
        return self._stopped

    def shutdown(self) -> None:
        """Stop accepting work; running calls finish in their threads."""
        self._stopped = True
        for future in list(self._pending):
            future.cancel()
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
