"""`headunit record`: frames from a virtual bus into a log python-can and the replay read back."""

from __future__ import annotations

import io
import math
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import can
import pytest

from headunit.core.config import Config, VehicleConfig
from headunit.core.signals import SignalState
from headunit.services.vehicle.can_codec import CanCodec
from headunit.services.vehicle.recorder import record
from headunit.services.vehicle.replay_source import ReplaySource
from headunit.services.vehicle.source import SourceState


@pytest.fixture
def channel() -> str:
    return f"test-recorder-{uuid.uuid4()}"


@pytest.fixture
def config(channel: str) -> Config:
    return Config(vehicle=VehicleConfig(source="can", can_interface="virtual", can_channel=channel))


@pytest.fixture
def bus(channel: str) -> Iterator[can.BusABC]:
    """The recorder's bus, opened before the traffic so no frame is missed."""
    bus = can.Bus(interface="virtual", channel=channel)
    yield bus
    bus.shutdown()


@pytest.fixture
def peer(channel: str) -> Iterator[can.BusABC]:
    bus = can.Bus(interface="virtual", channel=channel)
    yield bus
    bus.shutdown()


def traffic() -> list[can.Message]:
    codec, frames = CanCodec(), []
    for i in range(20):
        frames += codec.frames_for({
            "Vehicle.Speed": i * 2.5, "Vehicle.Powertrain.FuelSystem.RelativeLevel": 60 - i,
            "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen": i % 7 == 0,
            "Vehicle.CurrentLocation.Latitude": 48.137 + i * 1e-4, "Vehicle.CurrentLocation.Longitude": 11.575,
        })
    frames.append(can.Message(arbitration_id=0x18DAF110, is_extended_id=True, data=b"\x02\x3e\x00"))
    return frames


def run(config: Config, file: Path, duration: float | None = None, **kwargs) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = record(config, file, duration, out=out, err=err, **kwargs)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("suffix", [".log", ".asc", ".blf", ".trc", ".csv"])
def test_frames_are_written_and_read_back(config, bus, peer, tmp_path, suffix):
    sent = traffic()
    for msg in sent:
        peer.send(msg)
    file = tmp_path / f"drive{suffix}"
    status, out, err = run(config, file, max_frames=len(sent), bus_factory=lambda: bus)
    assert (status, err) == (0, "")
    assert out == f"recorded {len(sent)} frames from virtual:{config.vehicle.can_channel} to {file}\n"
    back = list(can.LogReader(file))
    assert [(m.arbitration_id, m.is_extended_id, bytes(m.data)) for m in back] == \
           [(m.arbitration_id, m.is_extended_id, bytes(m.data)) for m in sent]


def test_a_blf_recording_survives_a_channel_number_blf_cannot_store(tmp_path):
    channel = "test-recorder-700000"  # python-can reads channel 700000: over BLF's 16 bits
    config = Config(vehicle=VehicleConfig(source="can", can_interface="virtual", can_channel=channel))
    recorder_bus = can.Bus(interface="virtual", channel=channel)
    peer = can.Bus(interface="virtual", channel=channel)
    try:
        sent = traffic()
        for msg in sent:
            peer.send(msg)
        file = tmp_path / "drive.blf"
        status, _, err = run(config, file, max_frames=len(sent), bus_factory=lambda: recorder_bus)
    finally:
        peer.shutdown()
        recorder_bus.shutdown()
    assert (status, err) == (0, "")
    assert [bytes(m.data) for m in can.LogReader(file)] == [bytes(m.data) for m in sent]


def test_a_recording_replays_to_the_same_samples(config, bus, peer, tmp_path):
    sent = traffic()
    for msg in sent:
        peer.send(msg)
    file = tmp_path / "drive.log"
    assert run(config, file, max_frames=len(sent), bus_factory=lambda: bus)[0] == 0
    codec, expected = CanCodec(), SignalState()
    for msg in sent:
        expected.apply_all(codec.decode(msg, 0.0))
    replayed, ended = SignalState(), threading.Event()
    source = ReplaySource(CanCodec(), file, speed=math.inf)
    source.start(replayed.apply_all, lambda status: status.state is SourceState.ENDED and ended.set())
    assert ended.wait(5)
    source.stop()
    assert {p: (s.value, s.quality) for p, s in replayed.samples.items()} == \
           {p: (s.value, s.quality) for p, s in expected.samples.items()}


def test_the_configured_bus_is_recorded_for_the_duration(config, tmp_path):
    file = tmp_path / "quiet.asc"
    status, out, err = run(config, file, duration=0.05)
    assert (status, err) == (0, "")
    assert out.startswith("recorded 0 frames from virtual:")
    assert list(can.LogReader(file)) == []


def test_ctrl_c_ends_the_recording_and_keeps_the_frames(config, bus, peer, tmp_path):
    for msg in traffic()[:3]:
        peer.send(msg)

    class InterruptedBus:  # the real bus, until the user presses Ctrl-C
        def recv(self, timeout: float) -> can.Message | None:
            msg = bus.recv(timeout=0)
            if msg is None:
                raise KeyboardInterrupt
            return msg

        def shutdown(self) -> None:
            bus.shutdown()

    file = tmp_path / "cut.log"
    status, out, _ = run(config, file, bus_factory=InterruptedBus)
    assert status == 0 and out.startswith("recorded 3 frames")
    assert len(list(can.LogReader(file))) == 3


def test_a_bad_extension_is_a_usage_error(config, tmp_path):
    status, out, err = run(config, tmp_path / "drive.mp4", duration=1)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and "drive.mp4" in err and ".log, .asc, .blf" in err
    assert not (tmp_path / "drive.mp4").exists()


def test_a_bad_duration_is_a_usage_error(config, tmp_path):
    assert run(config, tmp_path / "x.log", duration=0)[0] == 2


def test_a_bus_that_cannot_open_is_one_line_and_exit_1(tmp_path):
    config = Config(vehicle=VehicleConfig(can_interface="no_such_interface", can_channel="can7"))
    status, out, err = run(config, tmp_path / "x.log", duration=1)
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and err.startswith("headunit record: cannot open CAN bus no_such_interface:can7: ")
    assert not (tmp_path / "x.log").exists()


def test_an_unwritable_file_is_one_line_and_exit_1(config, tmp_path):
    file = tmp_path / "no" / "such" / "dir" / "x.log"
    status, out, err = run(config, file, duration=1)
    assert (status, out) == (1, "")
    assert err == f"headunit record: cannot write {file}: No such file or directory\n"
