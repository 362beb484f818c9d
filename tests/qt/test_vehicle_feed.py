"""VehicleFeed with a real scenario source and a real store: samples reach the
stores on the GUI thread, writes reach the source, and what must survive a
restart (last-known values, the pre-heat schedule) does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from headunit.core.config import RestrictionLimits
from headunit.qt.stores import StatusStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.vehicle_store import VehicleStore
from headunit.qt.vehicle_feed import VehicleFeed, link_status
from headunit.services.store import Store
from headunit.services.vehicle.persistence import load_preheat, load_signals, save_preheat
from headunit.services.vehicle.scenario import parse_scenario
from headunit.services.vehicle.simulator import ScenarioSource
from headunit.services.vehicle.source import SourceError

PARKED_COLD = """\
name: parked-cold
description: parked in the cold, for feed tests
duration: 10:00
powertrain: combustion
0:00  speed          0
0:00  gear           P
0:00  parking-brake  true
0:00  outside-temp   -15
0:00  preheat        false
0:00  fuel           40
0:00  Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature  21
"""


class Harness:
    def __init__(self, tasks, qtbot, store: Store | None, now: datetime) -> None:
        self.vehicle = VehicleStore()
        self.restrictions = RestrictionsStore(RestrictionLimits(), self.vehicle.state)
        self.status = StatusStore()
        link_status(self.vehicle, self.restrictions, self.status)
        self.now = now
        self.feed = VehicleFeed(self.vehicle, tasks, now=lambda: self.now)
        self.problems: list[str] = []
        self.feed.problem.connect(self.problems.append)
        self.store = store
        self.qtbot = qtbot

    def start(self, build=lambda: ScenarioSource(parse_scenario(PARKED_COLD))) -> None:
        with self.qtbot.waitSignal(self.feed.ready, timeout=5_000):
            self.feed.start(build, self.store)


@pytest.fixture
def harness(tasks, qtbot, tmp_path):
    made: list[Harness] = []

    def make(store: Store | None = None, now: datetime = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)) -> Harness:
        made.append(Harness(tasks, qtbot, store, now))
        return made[-1]

    yield make
    for h in made:
        h.feed.stop()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5_000)


def test_samples_reach_the_stores_and_the_restrictions(harness, qtbot):
    h = harness()
    h.start()
    qtbot.waitUntil(lambda: h.vehicle.outsideTemperature == -15.0, timeout=5_000)
    assert h.vehicle.dataState == "live"
    assert h.restrictions.drivingState == "parked"
    assert h.status.drivingState == "parked" and h.status.outsideTemperature == -15.0


def test_a_climate_command_is_written_to_the_source_and_comes_back(harness, qtbot):
    h = harness()
    h.start()
    qtbot.waitUntil(lambda: h.vehicle.driverSetpoint == 21.0, timeout=5_000)
    h.vehicle.setDriverSetpoint(23.0)
    qtbot.waitUntil(lambda: h.vehicle.driverSetpoint == 23.0, timeout=5_000)


def test_a_source_that_cannot_be_built_is_a_problem_not_a_crash(harness, qtbot):
    h = harness()

    def broken():
        raise SourceError("city.scenario:3: speed: expected a float value, got 'fast'")

    h.start(broken)
    assert h.problems and "city.scenario:3: speed" in h.problems[0]
    assert h.vehicle.dataState == "none"


def test_last_known_values_are_restored_after_a_restart(harness, qtbot, tmp_path):
    with Store.open(tmp_path) as store:
        first = harness(store)
        first.start()
        qtbot.waitUntil(lambda: first.vehicle.outsideTemperature == -15.0, timeout=5_000)
        first.feed.stop()  # saves the last-known values
        assert {s.path for s in load_signals(store)} >= {"Vehicle.Exterior.AirTemperature"}

        second = harness(store)
        with qtbot.waitSignal(second.vehicle.dataStateChanged, timeout=5_000):
            second.feed.start(lambda: (_ for _ in ()).throw(SourceError("bus down")), store)
        qtbot.waitUntil(lambda: second.vehicle.dataState == "lastKnown", timeout=5_000)
        assert second.vehicle.outsideTemperature == -15.0
        assert second.vehicle.asOfText != ""
        second.feed.stop()


def test_a_scheduled_preheat_is_persisted_and_runs_when_due_even_after_a_restart(harness, qtbot, tmp_path):
    now = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)
    with Store.open(tmp_path) as store:
        first = harness(store, now)
        first.start()
        first.vehicle.schedulePreheat(now.astimezone().hour, (now.astimezone().minute + 30) % 60)
        assert first.vehicle.preheatDueText != ""
        qtbot.waitUntil(lambda: load_preheat(store) is not None, timeout=5_000)
        due = load_preheat(store)
        first.feed.stop()

        # The unit was off; it starts again 10 minutes after the pre-heat was due.
        second = harness(store, due + timedelta(minutes=10))
        second.start()
        qtbot.waitUntil(lambda: second.vehicle.preconditioning, timeout=5_000)
        qtbot.waitUntil(lambda: load_preheat(store) is None, timeout=5_000)
        assert second.vehicle.preheatDueText == ""
        second.feed.stop()


def test_a_preheat_missed_by_more_than_the_grace_is_dropped(harness, qtbot, tmp_path):
    due = datetime(2026, 11, 21, 5, 0, tzinfo=UTC)
    with Store.open(tmp_path) as store:
        save_preheat(store, due, due - timedelta(hours=8))
        h = harness(store, due + timedelta(hours=3))
        h.start()
        qtbot.waitUntil(lambda: load_preheat(store) is None, timeout=5_000)
        assert not h.vehicle.preconditioning
        h.feed.stop()


def test_a_bus_that_goes_quiet_marks_every_value_stale_then_live_again(harness, qtbot):
    import can

    from headunit.services.vehicle.can_codec import CanCodec
    from headunit.services.vehicle.can_source import CanSource

    codec = CanCodec()
    channel = f"feed-test-{id(codec)}"
    peer = can.Bus(interface="virtual", channel=channel)
    try:
        h = harness()
        h.start(lambda: CanSource(codec, "virtual", channel, silence_timeout=0.3))
        for frame in codec.frames_for({"Vehicle.Speed": 30.0, "Vehicle.Exterior.AirTemperature": -5.0}):
            peer.send(frame)
        qtbot.waitUntil(lambda: h.vehicle.dataState == "live" and h.vehicle.speedKmh == 30.0, timeout=5_000)
        assert h.restrictions.drivingState == "moving"
        qtbot.waitUntil(lambda: h.vehicle.dataState == "stale", timeout=5_000)  # silence: LOST
        assert h.vehicle.speedKmh == 30.0  # kept, shown as not current
        warnings = h.vehicle.warnings
        codes = [warnings.data(warnings.index(r), warnings.CodeRole) for r in range(warnings.rowCount())]
        assert "stale_data" in codes
        for frame in codec.frames_for({"Vehicle.Speed": 0.0}):
            peer.send(frame)
        qtbot.waitUntil(lambda: h.vehicle.dataState == "live" and h.vehicle.speedKmh == 0.0, timeout=5_000)
    finally:
        peer.shutdown()
