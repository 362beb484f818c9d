"""ScenarioSource: a real thread, an injected clock; synchronised by queues, never by sleeping."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import pytest

from headunit.core.signals import Quality, Sample, SignalError
from headunit.services.vehicle.scenario import load_scenario, parse_scenario
from headunit.services.vehicle.simulator import ACTUATORS, ScenarioSource
from headunit.services.vehicle.source import SourceState, SourceStatus

TIMEOUT = 5.0
DRIVER_TEMP = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature"
TEXT = """name: short
duration: 1:00
powertrain: combustion
0  speed 0
10 speed 0
20 speed 36 ramp
0  gear P
10 gear D
0  parking-brake true
5  parking-brake false
0  fuel 130           # a faulty sensor
30 fuel 50
0  Vehicle.Cabin.Door.Row1.DriverSide.IsOpen false
0  Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature 21
"""


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Listener:
    """Collects what the source delivers, from its thread, for the test thread."""

    def __init__(self) -> None:
        self.batches: queue.Queue[list[Sample]] = queue.Queue()
        self.statuses: queue.Queue[SourceStatus] = queue.Queue()

    def on_samples(self, samples: list[Sample]) -> None:
        self.batches.put(samples)

    def on_status(self, status: SourceStatus) -> None:
        self.statuses.put(status)

    def batch(self) -> dict[str, Sample]:
        return {s.path: s for s in self.batches.get(timeout=TIMEOUT)}

    def batch_with(self, path: str) -> dict[str, Sample]:
        """The next batch that carries `path` (ticks in between may carry other changes)."""
        while True:
            batch = self.batch()
            if path in batch:
                return batch

    def status(self) -> SourceStatus:
        return self.statuses.get(timeout=TIMEOUT)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def listener() -> Listener:
    return Listener()


@pytest.fixture
def make_source(clock: FakeClock, listener: Listener) -> Iterator:
    sources: list[ScenarioSource] = []

    def make(text: str = TEXT, start: bool = True, **options) -> ScenarioSource:
        source = ScenarioSource(parse_scenario(text, "short.scenario"), clock=clock,
                                rate_hz=options.pop("rate_hz", 200.0), **options)
        sources.append(source)
        if start:
            source.start(listener.on_samples, listener.on_status)
        return source

    yield make
    for source in sources:
        source.stop()


def test_first_tick_delivers_every_value_then_only_changes(make_source, clock, listener):
    make_source()
    assert listener.status().state is SourceState.LIVE
    first = listener.batch()
    assert first["Vehicle.Speed"].value == 0.0 and first["Vehicle.IsMoving"].value is False
    assert "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen" in first
    assert first["Vehicle.Speed"].timestamp > 1_600_000_000  # wall-clock time, not the scenario clock
    clock.now += 15
    changed = listener.batch()
    assert changed["Vehicle.Speed"].value == 18.0
    assert changed["Vehicle.Powertrain.Transmission.SelectedGear"].value == 127
    assert "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen" not in changed
    assert "Vehicle.Powertrain.Type" not in changed


def test_out_of_range_values_are_delivered_flagged(make_source, clock, listener):
    make_source()
    assert listener.batch()["Vehicle.Powertrain.FuelSystem.RelativeLevel"].quality is Quality.OUT_OF_RANGE
    clock.now += 30
    fuel = listener.batch_with("Vehicle.Powertrain.FuelSystem.RelativeLevel")
    assert fuel["Vehicle.Powertrain.FuelSystem.RelativeLevel"].quality is Quality.VALID


def test_actuator_writes_override_the_scenario(make_source, clock, listener):
    source = make_source()
    listener.batch()
    source.write(DRIVER_TEMP, 23.5)
    assert listener.batch_with(DRIVER_TEMP)[DRIVER_TEMP].value == 23.5
    source.write("Vehicle.Cabin.HVAC.Preconditioning.IsActive", True)
    assert listener.batch_with("Vehicle.Cabin.HVAC.Preconditioning.IsActive")[
        "Vehicle.Cabin.HVAC.Preconditioning.IsActive"].value is True
    clock.now += 20
    later = listener.batch_with("Vehicle.Speed")
    assert DRIVER_TEMP not in later  # still 23.5, so not delivered again


def test_writes_are_checked(make_source):
    source = make_source(start=False)
    with pytest.raises(SignalError, match="Vehicle.Speed is not an actuator the head unit may set"):
        source.write("Vehicle.Speed", 10.0)
    with pytest.raises(SignalError, match="unknown signal"):
        source.write("Vehicle.Cabin.HVAC.Station.Row1.Driver.Tempreature", 21.0)
    with pytest.raises(SignalError, match="expected a float value"):
        source.write(DRIVER_TEMP, "warm")
    with pytest.raises(SignalError, match="out of range"):
        source.write(DRIVER_TEMP, 45.0)
    assert "Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling" in ACTUATORS
    source.write("Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling", 60)


def test_the_end_is_reported_once_and_writes_still_arrive(make_source, clock, listener):
    source = make_source()
    assert listener.status().state is SourceState.LIVE
    listener.batch()
    clock.now += 500
    ended = listener.status()
    assert ended.state is SourceState.ENDED and "1:00" in ended.detail
    assert source.now() >= 60
    source.write(DRIVER_TEMP, 19.0)
    assert listener.batch_with(DRIVER_TEMP)[DRIVER_TEMP].value == 19.0
    source.stop()
    assert listener.status().state is SourceState.STOPPED


def test_loop_starts_over_instead_of_ending(make_source, clock, listener):
    make_source(loop=True)
    listener.status()
    listener.batch()
    clock.now += 30
    assert listener.batch_with("Vehicle.Speed")["Vehicle.Speed"].value == 36.0
    clock.now += 35  # 65 s: five seconds into the second run
    assert listener.batch_with("Vehicle.Speed")["Vehicle.Speed"].value == 0.0
    assert listener.statuses.empty()


def test_speed_factor_and_seek(make_source, clock, listener):
    source = make_source(speed=10.0)
    listener.batch()
    clock.now += 1.5  # 15 s of scenario time
    assert listener.batch_with("Vehicle.Speed")["Vehicle.Speed"].value == 18.0
    source.seek(0)
    assert listener.batch_with("Vehicle.Speed")["Vehicle.Speed"].value == 0.0
    with pytest.raises(ValueError):
        source.seek(61)


def test_stop_is_prompt_even_with_a_long_tick(make_source, listener):
    source = make_source(rate_hz=0.001)  # one tick every 1000 s
    listener.batch()
    source.stop()
    assert not source.running
    assert [listener.status().state, listener.status().state] == [SourceState.LIVE, SourceState.STOPPED]
    source.stop()  # twice is fine


def test_start_twice_is_refused(make_source, listener):
    source = make_source()
    with pytest.raises(RuntimeError):
        source.start(listener.on_samples, listener.on_status)


def test_a_shipped_scenario_plays(clock, listener):
    source = ScenarioSource(load_scenario("city-drive"), clock=clock, rate_hz=200.0)
    source.start(listener.on_samples, listener.on_status)
    try:
        assert source.name == "scenario:city-drive"
        assert listener.batch()["Vehicle.IsMoving"].value is False
        clock.now += 60
        assert listener.batch_with("Vehicle.Speed")["Vehicle.IsMoving"].value is True
    finally:
        source.stop()
