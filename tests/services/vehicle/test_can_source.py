"""CanSource on python-can's virtual bus: real frames both ways, bad frames, bus loss."""

from __future__ import annotations

import queue
import random
import threading
import uuid
from collections.abc import Callable, Iterator

import can
import cantools
import pytest

from headunit.core.signals import Quality, Sample
from headunit.services.vehicle.can_codec import DEFAULT_DBC, CanCodec
from headunit.services.vehicle.can_source import CanSource, SampleBatcher
from headunit.services.vehicle.source import SourceState, SourceStatus

TIMEOUT = 5.0  # generous: only reached when something is broken


class Collector:
    """The source's callbacks, readable from the test thread without sleeping."""

    def __init__(self) -> None:
        self.batches: queue.Queue[list[Sample]] = queue.Queue()
        self.statuses: queue.Queue[SourceStatus] = queue.Queue()
        self.latest: dict[str, Sample] = {}
        self.deliveries: list[Sample] = []

    def wait_for(self, path: str, value: object) -> Sample:
        while True:
            sample = self.latest.get(path)
            if sample is not None and sample.value == value:
                return sample
            for s in self.batches.get(timeout=TIMEOUT):
                self.latest[s.path] = s
                self.deliveries.append(s)

    def wait_status(self, state: SourceState) -> SourceStatus:
        while True:
            status = self.statuses.get(timeout=TIMEOUT)
            if status.state is state:
                return status


@pytest.fixture
def channel() -> str:
    return f"test-can-source-{uuid.uuid4()}"


@pytest.fixture
def peer(channel: str) -> Iterator[can.BusABC]:
    """The rest of the car: another node on the same virtual bus."""
    bus = can.Bus(interface="virtual", channel=channel)
    yield bus
    bus.shutdown()


@pytest.fixture
def db() -> cantools.database.can.Database:
    return cantools.database.load_file(DEFAULT_DBC, database_format="dbc")


@pytest.fixture
def make_source(channel: str) -> Iterator[Callable[..., tuple[CanSource, Collector]]]:
    sources: list[CanSource] = []

    def make(**options) -> tuple[CanSource, Collector]:
        options.setdefault("silence_timeout", None)
        source = CanSource(CanCodec(), "virtual", channel, **options)
        collector = Collector()
        source.start(collector.batches.put, collector.statuses.put)
        sources.append(source)
        return source, collector

    yield make
    for source in sources:
        source.stop()


def send(bus: can.BusABC, db, name: str, **signals) -> None:
    """A real frame, encoded by cantools from the DBC."""
    message = db.get_message_by_name(name)
    data = {s.name: s.initial or 0 for s in message.signals} | signals
    bus.send(can.Message(arbitration_id=message.frame_id, is_extended_id=False, data=message.encode(data)))


def test_frames_from_the_bus_become_samples(make_source, peer, db):
    _, got = make_source()
    assert got.wait_status(SourceState.LIVE).detail.endswith("open")
    send(peer, db, "ESC_Speed", VehicleSpeed=88.5, VehicleStandstill=0)
    send(peer, db, "TCU_Gear", GearSelected=1)
    send(peer, db, "BCM_Doors", DoorRearRightOpen=1)
    send(peer, db, "TBOX_GnssPosition", Latitude=31.2304567, Longitude=121.4737012)
    assert got.wait_for("Vehicle.Cabin.Door.Row2.PassengerSide.IsOpen", True).quality is Quality.VALID
    assert got.wait_for("Vehicle.Speed", 88.5)
    assert got.wait_for("Vehicle.IsMoving", True)
    assert got.wait_for("Vehicle.Powertrain.Transmission.SelectedGear", -1)
    assert got.wait_for("Vehicle.CurrentLocation.Latitude", 31.2304567)


def test_actuator_write_arrives_as_a_real_frame(make_source, peer, db):
    source, got = make_source()
    got.wait_status(SourceState.LIVE)
    source.write("Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature", 23.5)
    source.write("Vehicle.Cabin.HVAC.Preconditioning.IsActive", True)
    first, second = peer.recv(timeout=TIMEOUT), peer.recv(timeout=TIMEOUT)
    climate = db.decode_message(first.arbitration_id, bytes(first.data))
    assert first.arbitration_id == db.get_message_by_name("HU_ClimateRequest").frame_id
    assert climate["PassengerSetpointReq"] == 23.5 and str(climate["DriverSetpointReq"]) == "NoRequest"
    assert str(db.decode_message(second.arbitration_id, bytes(second.data))["PreconditionReq"]) == "Start"


def test_unknown_and_malformed_frames_are_counted_and_reading_goes_on(make_source, peer, db):
    source, got = make_source()
    got.wait_status(SourceState.LIVE)
    peer.send(can.Message(arbitration_id=0x7DF, is_extended_id=False, data=b"\x02\x01\x0d"))
    peer.send(can.Message(arbitration_id=0x0A0, is_extended_id=False, data=b"\x01\x02"))  # ESC_Speed, 2 bytes
    peer.send(can.Message(arbitration_id=0x3E0, is_extended_id=False, data=b"\x01\x00\x00"))  # doors, 3 bytes
    send(peer, db, "TCU_Gear", GearSelected=15)  # Invalid: no VSS gear
    send(peer, db, "ECM_Fuel", FuelLevel=55)
    got.wait_for("Vehicle.Powertrain.FuelSystem.RelativeLevel", 55)
    stats = source.codec.stats
    assert (stats.unknown_ids, stats.bad_frames, stats.bad_signals) == (1, 2, 1)
    assert source.status.state is SourceState.LIVE and source.frames_received == 5


def test_unchanged_values_are_not_delivered_again(make_source, peer, db):
    _, got = make_source()
    got.wait_status(SourceState.LIVE)
    for _ in range(5):
        send(peer, db, "ESC_Speed", VehicleSpeed=50)
    send(peer, db, "ECM_Fuel", FuelLevel=20)  # a marker after the repeats
    got.wait_for("Vehicle.Powertrain.FuelSystem.RelativeLevel", 20)
    assert [s.value for s in got.deliveries if s.path == "Vehicle.Speed"] == [50.0]


def test_a_burst_is_delivered_in_few_batches_ending_with_the_last_value(make_source, peer, db):
    _, got = make_source(batch_interval=0.05)
    got.wait_status(SourceState.LIVE)
    for i in range(300):
        send(peer, db, "ESC_Speed", VehicleSpeed=i / 2)
    got.wait_for("Vehicle.Speed", 149.5)
    speeds = [s.value for s in got.deliveries if s.path == "Vehicle.Speed"]
    assert speeds == sorted(speeds) and len(speeds) < 300


def test_batcher_delivers_the_latest_value_per_path_once_per_interval():
    delivered: list[list[Sample]] = []
    batcher = SampleBatcher(delivered.append, interval=0.01)
    assert batcher.due_in(0.0) is None
    batcher.add([Sample("Vehicle.Speed", 1.0, 0.0), Sample("Vehicle.IsMoving", True, 0.0)], now=10.0)
    batcher.add([Sample("Vehicle.Speed", 2.0, 0.0)], now=10.005)
    assert batcher.due_in(10.005) == pytest.approx(0.005)
    batcher.flush()
    batcher.add([Sample("Vehicle.Speed", 2.0, 1.0), Sample("Vehicle.IsMoving", False, 1.0)], now=11.0)
    batcher.flush()
    assert [[(s.path, s.value) for s in batch] for batch in delivered] == [
        [("Vehicle.Speed", 2.0), ("Vehicle.IsMoving", True)], [("Vehicle.IsMoving", False)]]
    batcher.forget()  # after LOST: everything again
    batcher.add([Sample("Vehicle.Speed", 2.0, 2.0)], now=12.0)
    batcher.flush()
    assert [(s.path, s.value) for s in delivered[-1]] == [("Vehicle.Speed", 2.0)]


class FlakyFactory:
    """Opens the virtual bus, but fails the first `failures` times, as a missing adapter does."""

    def __init__(self, channel: str, failures: int) -> None:
        self.channel, self.failures = channel, failures
        self.calls = 0
        self.opened: list[can.BusABC] = []

    def __call__(self) -> can.BusABC:
        self.calls += 1
        if self.calls <= self.failures:
            raise can.CanInterfaceNotImplementedError("no CAN adapter found")
        bus = can.Bus(interface="virtual", channel=self.channel)
        self.opened.append(bus)
        return bus


class MidJitter(random.Random):
    def random(self) -> float:
        return 0.5  # jitter factor exactly 1.0: the back-off sequence is visible


def test_a_bus_that_cannot_open_is_lost_and_retried_with_back_off(make_source, channel):
    factory = FlakyFactory(channel, failures=4)
    _, got = make_source(bus_factory=factory, backoff_initial=0.01, backoff_max=0.04, rng=MidJitter())
    assert got.statuses.get(timeout=TIMEOUT).state is SourceState.CONNECTING
    lost = [got.statuses.get(timeout=TIMEOUT) for _ in range(4)]
    assert all(s.state is SourceState.LOST and "no CAN adapter found" in s.detail for s in lost)
    assert [s.detail.rsplit("retrying in ", 1)[1] for s in lost] == ["0.01 s", "0.02 s", "0.04 s", "0.04 s"]
    assert got.statuses.get(timeout=TIMEOUT).state is SourceState.LIVE
    assert factory.calls == 5


def test_a_bus_that_dies_is_reopened_and_values_are_delivered_again(make_source, channel, peer, db):
    factory = FlakyFactory(channel, failures=0)
    source, got = make_source(bus_factory=factory, backoff_initial=0.01)
    got.wait_status(SourceState.LIVE)
    send(peer, db, "ECM_Fuel", FuelLevel=30)
    got.wait_for("Vehicle.Powertrain.FuelSystem.RelativeLevel", 30)
    factory.opened[0].shutdown()  # the adapter is unplugged
    lost = got.wait_status(SourceState.LOST)
    assert "virtual:" in lost.detail and "failed" in lost.detail and "retrying in" in lost.detail
    got.wait_status(SourceState.LIVE)
    assert source.reconnects == 1 and len(factory.opened) == 2
    got.latest.clear()
    send(peer, db, "ECM_Fuel", FuelLevel=30)  # the same value: the store has it as stale now
    assert got.wait_for("Vehicle.Powertrain.FuelSystem.RelativeLevel", 30).quality is Quality.VALID


def test_a_silent_bus_is_lost_until_frames_come_back(make_source, peer, db):
    _, got = make_source(silence_timeout=0.05)
    got.wait_status(SourceState.LIVE)
    assert "no frames on virtual:" in got.wait_status(SourceState.LOST).detail
    send(peer, db, "ECM_Fuel", FuelLevel=10)
    assert "again" in got.wait_status(SourceState.LIVE).detail
    got.wait_for("Vehicle.Powertrain.FuelSystem.RelativeLevel", 10)


def test_stop_is_clean_and_releases_the_bus(make_source, channel):
    factory = FlakyFactory(channel, failures=0)
    source, got = make_source(bus_factory=factory)
    got.wait_status(SourceState.LIVE)
    source.stop()
    source.stop()
    assert got.wait_status(SourceState.STOPPED)
    with pytest.raises(can.CanOperationError):  # shut down: the channel is released
        factory.opened[0].recv(timeout=0)
    assert not any(t.name == "can-source" and t.is_alive() for t in threading.enumerate())


def test_stop_while_retrying_does_not_wait_for_the_back_off(make_source, channel):
    source, got = make_source(bus_factory=FlakyFactory(channel, failures=1000), backoff_initial=60)
    got.wait_status(SourceState.LOST)
    source.stop()
    assert source.status.state is SourceState.STOPPED


def test_writes_while_the_bus_is_down_are_dropped_not_queued(make_source, channel):
    source, got = make_source(bus_factory=FlakyFactory(channel, failures=1000), backoff_initial=60)
    got.wait_status(SourceState.LOST)
    source.write("Vehicle.Cabin.HVAC.Preconditioning.IsActive", True)
    assert source.writes_dropped == 1
    with pytest.raises(ValueError, match="not an actuator"):
        source.write("Vehicle.Speed", 10.0)
