"""ReplaySource: a recorded log through the codec, its timing, its end, and bad logs."""

from __future__ import annotations

import math
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import can
import pytest

from headunit.core.signals import SignalError, SignalState
from headunit.services.vehicle.can_codec import CanCodec
from headunit.services.vehicle.replay_source import ReplaySource, read_log
from headunit.services.vehicle.source import SourceError, SourceState, SourceStatus

DATA = Path(__file__).parent / "data"
DRIVE = DATA / "short_drive.log"  # 2 s pulling away from a parking space, candump -L format
TIMEOUT = 5.0


class FakeTime:
    """The replay's clock and wait: waiting advances time at once, nothing sleeps."""

    def __init__(self, stop_after: float = math.inf) -> None:
        self.now, self.stop_after = 1000.0, stop_after
        self.waited = 0.0

    def clock(self) -> float:
        return self.now

    def wall(self) -> float:
        return 1_800_000_000.0

    def wait(self, seconds: float) -> bool:
        self.now += seconds
        self.waited += seconds
        return self.waited >= self.stop_after


class Player:
    def __init__(self, source: ReplaySource) -> None:
        self.source = source
        self.state = SignalState()
        self.statuses: queue.Queue[SourceStatus] = queue.Queue()
        self._lock = threading.Lock()
        source.start(self._samples, self.statuses.put)

    def _samples(self, samples) -> None:
        with self._lock:
            self.state.apply_all(samples)

    def until(self, *states: SourceState) -> SourceStatus:
        while True:
            status = self.statuses.get(timeout=TIMEOUT)
            if status.state in states:
                return status


@pytest.fixture
def play() -> Iterator:
    players: list[Player] = []

    def start(file: Path, **options) -> Player:
        player = Player(ReplaySource(CanCodec(), file, **options))
        players.append(player)
        return player

    yield start
    for player in players:
        player.source.stop()


def decoded_directly(file: Path) -> dict:
    codec, state = CanCodec(), SignalState()
    for msg in read_log(file):
        state.apply_all(codec.decode(msg, 0.0))
    return {path: (s.value, s.quality) for path, s in state.samples.items()}


def test_a_log_plays_through_the_codec_to_its_end(play):
    player = play(DRIVE, speed=math.inf)
    assert "115 frames" in player.until(SourceState.LIVE).detail
    assert "after 115 frames" in player.until(SourceState.ENDED).detail
    got = {path: (s.value, s.quality) for path, s in player.state.samples.items()}
    assert got == decoded_directly(DRIVE)
    assert got["Vehicle.Speed"][0] == pytest.approx(28.5) and got["Vehicle.IsMoving"][0] is True
    assert player.source.codec.stats.unknown_ids == 1  # the OBD request in the log


def test_the_recorded_timing_is_kept_at_the_chosen_speed(play):
    fake = FakeTime()
    player = play(DRIVE, speed=2.0, clock=fake.clock, wall=fake.wall, wait=fake.wait)
    player.until(SourceState.ENDED)
    assert fake.waited == pytest.approx(1.0)  # 2 s of traffic at 2x
    last = player.state.get("Vehicle.Speed")
    assert last.timestamp == pytest.approx(fake.wall() + 1.0)
    first_door = player.state.get("Vehicle.Cabin.Door.Row1.PassengerSide.IsOpen")
    assert first_door.timestamp == pytest.approx(fake.wall())


def test_long_pauses_in_a_log_are_cut_short(play, tmp_path):
    log = tmp_path / "overnight.log"
    log.write_text("(1000.0) vcan0 320#50000000\n(44200.0) vcan0 320#49000000\n", encoding="utf-8")
    fake = FakeTime()
    player = play(log, max_gap=5.0, clock=fake.clock, wall=fake.wall, wait=fake.wait)
    player.until(SourceState.ENDED)
    assert fake.waited == pytest.approx(5.0)
    assert player.state.value("Vehicle.Powertrain.FuelSystem.RelativeLevel") == 0x49


def test_loop_plays_again_instead_of_ending(play):
    fake = FakeTime(stop_after=5.0)  # the wait tells the source to stop after 5 s of playback
    player = play(DRIVE, loop=True, clock=fake.clock, wall=fake.wall, wait=fake.wait)
    assert player.until(SourceState.STOPPED, SourceState.ENDED).state is SourceState.STOPPED
    assert player.source.frames_played > 2 * player.source.frames


def test_stop_midway_stops_promptly_without_ending(play):
    player = play(DRIVE, speed=0.001)  # 2 s of traffic over half an hour
    player.until(SourceState.LIVE)
    player.source.stop()
    assert player.until(SourceState.STOPPED, SourceState.ENDED).state is SourceState.STOPPED
    assert player.source.frames_played < player.source.frames


def test_write_checks_the_request_and_drops_it(play):
    player = play(DRIVE, speed=math.inf)
    player.source.write("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 20.0)
    with pytest.raises(SignalError):
        player.source.write("Vehicle.Speed", 20.0)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("missing.log", None, r"missing\.log: cannot read"),
    ("drive.txt", "(0.0) vcan0 0A0#00\n", r"drive\.txt: cannot replay \.txt files \(supported: \.log"),
    ("noext", "(0.0) vcan0 0A0#00\n", r"noext: cannot replay a file without extension"),
    ("empty.log", "", r"empty\.log: no CAN frames"),
    ("garbage.log", "(0.0) vcan0 0A0#0000000000000000\n\n(0.1) vcan0 0A0#00ZZ\n", r"garbage\.log:3: cannot parse"),
    ("short.log", "(0.0) vcan0 0A0#0000000000000000\nhello\n", r"short\.log:2: cannot parse"),
    ("junk.blf", b"\x00" * 200, r"junk\.blf: not a \.blf CAN log"),
    ("junk.asc", "this is not\nan asc file\n", r"junk\.asc: no CAN frames"),
])
def test_bad_logs_are_refused_naming_the_file_and_line(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SourceError, match=message) as caught:
        ReplaySource(CanCodec(), path)
    assert str(caught.value).startswith(str(path))


def test_a_truncated_blf_is_refused(tmp_path):
    blf = tmp_path / "cut.blf"
    with can.Logger(blf) as writer:
        for msg in read_log(DRIVE):
            writer.on_message_received(msg)
    whole = blf.read_bytes()
    blf.write_bytes(whole[:300])  # python-can alone would replay the first 3 frames silently
    with pytest.raises(SourceError, match=rf"cut\.blf: truncated BLF: 300 of {len(whole)} bytes"):
        ReplaySource(CanCodec(), blf)
    blf.write_bytes(whole[:150])  # the header itself is cut
    with pytest.raises(SourceError, match=r"cut\.blf"):
        ReplaySource(CanCodec(), blf)


def test_speed_must_be_positive():
    with pytest.raises(ValueError, match="speed"):
        ReplaySource(CanCodec(), DRIVE, speed=0)


def test_a_log_that_breaks_after_the_check_ends_lost_with_the_line(tmp_path):
    log = tmp_path / "changing.log"
    log.write_text(DRIVE.read_text(encoding="utf-8"), encoding="utf-8")
    source = ReplaySource(CanCodec(), log, speed=math.inf)
    log.write_text("(0.0) vcan0 320#50000000\n(0.1) vcan0 320#5\x00ZZ\n", encoding="utf-8")
    player = Player(source)
    try:
        lost = player.until(SourceState.LOST, SourceState.ENDED)
    finally:
        source.stop()
    assert lost.state is SourceState.LOST and lost.detail.startswith(f"{log}:2: cannot parse")
    assert player.state.value("Vehicle.Powertrain.FuelSystem.RelativeLevel") == 0x50
