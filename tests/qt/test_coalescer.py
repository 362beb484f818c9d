from __future__ import annotations

from headunit.qt.coalescer import Coalescer


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_first_change_goes_out_at_once_and_a_burst_is_folded(qapp, qtbot):
    clock, sent = Clock(), []
    coalescer = Coalescer(lambda keys: sent.append(keys), max_rate_hz=30, clock=clock)
    coalescer.request({"energy"})
    assert sent == [{"energy"}]
    for _ in range(50):  # a burst inside the 33 ms window
        coalescer.request({"energy", "tyres"})
    assert len(sent) == 1
    qtbot.waitUntil(lambda: len(sent) == 2, timeout=1_000)
    assert sent[1] == {"energy", "tyres"}


def test_at_most_max_rate_notifications_per_window(qapp, qtbot):
    clock, sent = Clock(), []
    coalescer = Coalescer(lambda keys: sent.append(keys), max_rate_hz=30, clock=clock)
    coalescer.request({"a"})
    clock.t += 0.010  # 10 ms later: inside the window, so it waits
    coalescer.request({"a"})
    assert len(sent) == 1
    clock.t += 0.030  # past the window
    coalescer.flush()
    assert len(sent) == 2
    clock.t += 0.050
    coalescer.request({"b"})  # after a quiet spell: at once
    assert sent[-1] == {"b"} and len(sent) == 3


def test_flush_with_nothing_pending_sends_nothing(qapp):
    sent = []
    Coalescer(lambda keys: sent.append(keys)).flush()
    assert sent == []
