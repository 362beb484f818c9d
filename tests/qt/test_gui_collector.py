"""Python's cyclic garbage is collected on the GUI thread, never where a worker allocates."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest
from headunit.qt.gui_collector import GuiThreadCollector, collect_due


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _cycle_noting_where_it_is_freed(where: list[str]) -> None:
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: where.append(threading.current_thread().name))


@pytest.fixture
def collector(qapp) -> Iterator[GuiThreadCollector]:
    made = GuiThreadCollector(interval_ms=20)
    yield made
    made.stop()


def test_garbage_made_while_a_worker_allocates_is_freed_on_the_gui_thread(collector, qtbot):
    where: list[str] = []
    _cycle_noting_where_it_is_freed(where)

    def allocate() -> None:  # far past every generation's threshold: automatic collection would run here
        for _ in range(20 * sum(gc.get_threshold())):
            _Cycle()

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert where == []  # the worker allocated, but collected nothing
    qtbot.waitUntil(lambda: where != [], timeout=5_000)
    assert where == [threading.main_thread().name]


def test_collection_is_off_while_the_collector_lives_and_given_back_when_it_stops(qapp):
    gc.enable()
    try:
        made = GuiThreadCollector()
        assert not gc.isenabled()
        made.stop()
        assert gc.isenabled()
    finally:
        gc.disable()  # as the test session runs (tests/conftest.py)


def test_a_generation_is_collected_only_once_its_threshold_is_crossed(qapp):
    gc.collect()
    where: list[str] = []
    _cycle_noting_where_it_is_freed(where)
    assert gc.get_count()[0] <= gc.get_threshold()[0]
    collect_due()
    assert where == []
    filler = [[] for _ in range(gc.get_threshold()[0] + 1)]  # tracked allocations, as any code makes
    collect_due()
    assert where == [threading.main_thread().name]
    del filler


def test_it_refuses_to_run_off_the_gui_thread(qapp):
    errors: list[BaseException] = []

    def make() -> None:
        try:
            GuiThreadCollector()
        except RuntimeError as error:
            errors.append(error)

    worker = threading.Thread(target=make)
    worker.start()
    worker.join()
    assert len(errors) == 1 and "GUI (main) thread" in str(errors[0])
