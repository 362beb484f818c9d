"""VideoStore with the real generated clip, a real store and a real RestrictionsStore fed
vehicle samples through VehicleStore, as the app wires them (vehicle_feed.link_status)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtMultimedia import QVideoFrame, QVideoSink
from PySide6.QtQml import QQmlComponent, QQmlEngine

from headunit.core.config import MediaConfig, RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, make_sample
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.vehicle_store import VehicleStore
from headunit.qt.stores.video_store import VideoStore, duration_text
from headunit.services.media.library import bundled_video_dir, scan_library

CLIP = bundled_video_dir() / "sample-clip.mp4"
SPEED = "Vehicle.Speed"
GEAR = "Vehicle.Powertrain.Transmission.SelectedGear"
BRAKE = "Vehicle.Chassis.ParkingBrake.IsEngaged"


class RecordingMusic:
    """Stands in for MediaStore: records what the video tells the music player."""

    def __init__(self) -> None:
        self.calls: list[bool] = []

    def set_video_active(self, active: bool) -> None:
        self.calls.append(active)


class FrameCounter(QObject):
    """A QML VideoOutput as the picture's output (what VideoPanel hands over), counting the
    real frames its QVideoSink is given. A QObject with a slot: frames come from the
    decoder's thread, queued, and must find a receiver."""

    def __init__(self) -> None:
        super().__init__()
        self._engine = QQmlEngine(self)
        component = QQmlComponent(self._engine)
        component.setData(b"import QtMultimedia\nVideoOutput { width: 320; height: 180 }", QUrl())
        self.output = component.create()
        assert self.output is not None, component.errorString()
        self.output.setParent(self)
        self.sink = self.output.property("videoSink")
        assert isinstance(self.sink, QVideoSink)
        self.frames = 0
        self.sink.videoFrameChanged.connect(self._frame)

    @Slot(QVideoFrame)
    def _frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self.frames += 1


class Car:
    def __init__(self) -> None:
        self.vehicle = VehicleStore()
        self.restrictions = RestrictionsStore(RestrictionLimits(), self.vehicle.state)
        self.vehicle.on_change(self.restrictions.on_signals_changed)
        self.t = 1.0

    def _feed(self, **values: object) -> None:
        self.t += 1.0
        self.vehicle.apply_samples(make_sample(path, value, self.t) for path, value in values.items())

    def park(self) -> None:
        self._feed(**{SPEED: 0.0, GEAR: GEAR_PARK, BRAKE: True})

    def drive(self) -> None:
        self._feed(**{SPEED: 50.0, GEAR: GEAR_DRIVE, BRAKE: False})


@pytest.fixture
def player(qtbot, tasks, store, tmp_path):
    """(car, video store, music recorder, frame counter) with the bundled clip open and playing, parked."""
    made = []

    def make(audio_while_moving: str = "pause", video_dirs: tuple[Path, ...] = ()):
        car = Car()
        car.park()
        music = RecordingMusic()
        video = VideoStore(tasks, car.restrictions, replace(MediaConfig(), video_audio_while_moving=audio_while_moving),
                           music=music)
        counter = FrameCounter()
        made.append((video, counter))
        video.setVideoOutput(counter.output)
        video.attach(store, video_dirs)
        qtbot.waitUntil(lambda: video.videos.rowCount() > 0, timeout=5_000)
        return car, video, music, counter

    yield make
    for video, _counter in made:
        video.close()


def start(qtbot, video: VideoStore, counter: FrameCounter, row: int = 0) -> None:
    video.open(row)
    qtbot.waitUntil(lambda: video.playing and counter.frames >= 3 and video.positionMs > 300, timeout=5_000)


def test_lists_the_bundled_clip_before_any_scan_and_the_library_once_scanned(qtbot, player, store, tmp_path):
    _car, video, _music, _counter = player()
    rows = video.videos.rows
    assert [(r["title"], r["durationText"]) for r in rows] == [("Sample clip", "0:08")]
    assert video.paths == [str(CLIP)]
    with store.atomic() as db:  # listing read the folder; it stored nothing (the scan does that)
        assert db.execute("SELECT COUNT(*) FROM media_files").fetchone()[0] == 0

    other = tmp_path / "videos"
    other.mkdir()
    shutil.copy(CLIP, other / "drive-in.mp4")
    scan_library(store, [], [other], tmp_path / "covers")
    video.refresh()
    qtbot.waitUntil(lambda: video.paths == [str(other / "drive-in.mp4")], timeout=5_000)
    assert video.videos.rows[0]["title"] == "Sample clip"  # the tag, read by the scan


def test_parked_it_plays_and_frames_arrive(qtbot, player):
    _car, video, music, counter = player()
    assert video.pictureAllowed and not video.pausedForDriving and video.message == ""
    start(qtbot, video, counter)
    assert video.title == "Sample clip" and video.durationMs == 8000 and video.hasVideo
    assert video.videoSink is counter.sink
    assert music.calls == [True]
    video.pause()
    qtbot.waitUntil(lambda: not video.playing, timeout=2_000)
    assert music.calls == [True, False]


def test_moving_stops_the_picture_at_once_pauses_the_sound_and_parking_plays_on(qtbot, player):
    car, video, music, counter = player("pause")
    start(qtbot, video, counter)

    car.drive()  # in this turn of the event loop, before anything else runs
    assert not video.pictureAllowed and video.pausedForDriving and video.videoSink is None
    assert not counter.sink.videoFrame().isValid()  # what the screen held is blanked too
    assert video.message == "Video is paused while driving. It continues when you park."
    qtbot.waitUntil(lambda: not video.playing, timeout=2_000)
    assert music.calls[-1] is False
    frames, held = counter.frames, video.positionMs
    qtbot.wait(600)  # a stretch of driving: nothing may move meanwhile
    assert counter.frames == frames and video.positionMs == held and not video.playing

    car.park()
    assert video.pictureAllowed and not video.pausedForDriving and video.message == ""
    qtbot.waitUntil(lambda: video.playing and counter.frames > frames, timeout=5_000)
    assert music.calls[-1] is True


def test_parking_resumes_from_the_same_position(qtbot, player):
    car, video, _music, counter = player("pause")
    start(qtbot, video, counter)
    car.drive()
    qtbot.waitUntil(lambda: not video.playing, timeout=2_000)
    held = video.positionMs
    positions: list[int] = []
    video.positionChanged.connect(lambda: positions.append(video.positionMs))
    car.park()
    qtbot.waitUntil(lambda: video.playing and len(positions) >= 1, timeout=5_000)
    assert abs(positions[0] - held) <= 200, (held, positions[:3])


def test_with_sound_continuing_the_position_runs_on_without_a_picture(qtbot, player):
    car, video, music, counter = player("continue")
    start(qtbot, video, counter)
    car.drive()
    assert not video.pictureAllowed and video.pausedForDriving and video.videoSink is None
    assert "sound goes on" in video.message
    frames, moving_from = counter.frames, video.positionMs
    qtbot.waitUntil(lambda: video.positionMs > moving_from + 800, timeout=5_000)
    assert video.playing and counter.frames == frames
    assert music.calls == [True]  # the video's sound still holds the speakers

    car.park()
    assert video.pictureAllowed and not video.pausedForDriving
    qtbot.waitUntil(lambda: counter.frames > frames, timeout=5_000)
    assert video.positionMs >= moving_from + 800


def test_play_while_moving_is_refused_with_a_message(qtbot, player):
    car, video, music, counter = player("continue")
    car.drive()
    video.open(0)
    assert video.hasVideo and not video.pausedForDriving
    assert video.message == "Video can only be played when the car is parked."
    video.play()
    qtbot.wait(300)
    assert not video.playing and counter.frames == 0 and music.calls == []
    car.park()
    assert video.message == ""
    video.play()
    qtbot.waitUntil(lambda: video.playing and counter.frames > 0, timeout=5_000)


def test_a_clip_paused_by_the_driver_stays_paused_after_parking(qtbot, player):
    car, video, _music, counter = player("pause")
    start(qtbot, video, counter)
    video.pause()
    qtbot.waitUntil(lambda: not video.playing, timeout=2_000)
    car.drive()
    assert not video.pausedForDriving and video.message == "Video can only be played when the car is parked."
    frames, held = counter.frames, video.positionMs
    car.park()
    qtbot.waitUntil(lambda: counter.frames > frames, timeout=3_000)  # its still picture comes back
    qtbot.wait(300)
    assert not video.playing and abs(video.positionMs - held) <= 100


def test_seek_and_close(qtbot, player):
    _car, video, music, counter = player()
    start(qtbot, video, counter)
    video.seek(6_000)
    qtbot.waitUntil(lambda: video.positionMs >= 6_000, timeout=3_000)
    video.close()
    assert not video.hasVideo and video.title == "" and not video.playing
    assert music.calls[-1] is False


@pytest.mark.qt_log_ignore("^Could not open media")  # Qt Multimedia's own words for what the test feeds it
def test_a_corrupt_clip_gives_a_clear_error_not_a_hang(qtbot, player, tmp_path):
    folder = tmp_path / "videos"
    folder.mkdir()
    (folder / "broken.mp4").write_bytes(CLIP.read_bytes()[:4096] + b"\x00garbage" * 500)
    (folder / "noise.mkv").write_bytes(b"\x1aE\xdf\xa3 not really a matroska file" * 100)
    _car, video, music, counter = player(video_dirs=(folder,))
    titles = [r["title"] for r in video.videos.rows]
    assert "noise" in titles
    video.open(titles.index("noise"))
    qtbot.waitUntil(lambda: video.error != "", timeout=5_000)
    assert video.error.startswith("“noise” cannot be played: ")
    assert not video.playing and counter.frames == 0 and music.calls in ([], [True, False])
    video.play()  # nothing happens until another clip is chosen
    assert not video.playing
    video.close()
    assert video.error == ""


def test_duration_text():
    assert [duration_text(ms) for ms in (0, 8_000, 65_400, 3_723_000)] == ["", "0:08", "1:05", "1:02:03"]
