"""VideoPanel offscreen: on its own (properties in, signals out), and inside the video app
(VideoApp.qml) over a real VideoStore playing the bundled clip, parked and then moving.
Screenshots go to /tmp/media_shots/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

from headunit.core.config import MediaConfig, RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, make_sample
from headunit.qt.apps.app_context import AppContext
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.vehicle_store import VehicleStore
from headunit.qt.stores.video_store import VideoStore
from headunit.services.store import Store
from tests.qml.quick import find, is_shown, tap

ROOT = Path(__file__).resolve().parents[2]
VIDEO_APP = ROOT / "headunit" / "apps" / "video" / "VideoApp.qml"
SHOTS = Path("/tmp/media_shots")

CLIPS = """ListModel {
    id: clips
    ListElement { title: "Sample clip"; durationText: "0:08"; current: false }
    ListElement { title: "Harbour at dusk"; durationText: "12:05"; current: false }
}"""


def wrapper(size: str, night: bool, body: str) -> str:
    width, height = (int(v) for v in size.split("x"))
    return f"""import QtQuick
import HeadUnit

Rectangle {{
    id: root
    property QtObject host: null
    width: {width}
    height: {height}
    color: Theme.background
    Binding {{ target: Theme; property: "night"; value: {str(night).lower()} }}
    Binding {{ target: Sizes; property: "windowWidth"; value: {width} }}
    Binding {{ target: Sizes; property: "windowHeight"; value: {height} }}
{body}
}}
"""


@pytest.fixture
def show(views):
    def make(body: str, size: str = "800x480", night: bool = False, host: AppContext | None = None) -> QQuickView:
        return views.open(wrapper(size, night, body), "video", {"host": host} if host is not None else None)

    return make


def panel_with(show, **properties: str) -> tuple[QQuickView, QQuickItem]:
    lines = "\n".join(f"        {key}: {value}" for key, value in properties.items())
    view = show(f"""{CLIPS}
    VideoPanel {{
        objectName: "panel"
        anchors.fill: parent
        videos: clips
{lines}
    }}""")
    return view, find(view, "panel")


# -- the panel on its own -------------------------------------------------------------------

def test_the_list_shows_each_clip_and_a_tap_asks_to_open_it(show, qtbot):
    view, panel = panel_with(show)
    assert is_shown(find(view, "videoList")) and not is_shown(find(view, "videoStage"))
    with qtbot.waitSignal(panel.openRequested, timeout=1_000) as opened:
        tap(view, find(view, "video_1"))
    assert opened.args == [1]


def test_the_list_says_why_a_clip_will_not_play_while_driving(show):
    view, _panel = panel_with(show, message='"Video can only be played when the car is parked."')
    assert is_shown(find(view, "listMessage"))
    assert find(view, "listMessage").property("text") == "Video can only be played when the car is parked."


def test_parked_the_picture_shows_and_the_controls_send_play_pause_seek_and_close(show, qtbot):
    view, panel = panel_with(show, hasVideo="true", title='"Sample clip"', durationMs="8000", positionMs="2000")
    assert is_shown(find(view, "videoOutput")) and not is_shown(find(view, "drivingCard"))
    assert find(view, "positionText").property("text") == "0:02"
    with qtbot.waitSignal(panel.playRequested, timeout=1_000):
        tap(view, find(view, "playPause"))
    panel.setProperty("playing", True)
    with qtbot.waitSignal(panel.pauseRequested, timeout=1_000):
        tap(view, find(view, "playPause"))

    bar = find(view, "seekBar")
    at = bar.mapToScene(QPointF(bar.width() * 0.75, bar.height() / 2))
    with qtbot.waitSignal(panel.seekRequested, timeout=1_000) as sought:
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(round(at.x()), round(at.y())))
    assert abs(sought.args[0] - 6_000) <= 8_000 / bar.width() * 2

    with qtbot.waitSignal(panel.closeRequested, timeout=1_000):
        tap(view, find(view, "closeVideo"))


def test_a_tap_on_the_picture_hides_and_shows_the_controls(show, qtbot):
    view, panel = panel_with(show, hasVideo="true", durationMs="8000")
    controls = find(view, "controls")
    assert is_shown(controls)
    tap(view, find(view, "videoStage"))
    qtbot.waitUntil(lambda: not controls.isVisible(), timeout=1_000)
    tap(view, find(view, "videoStage"))
    qtbot.waitUntil(lambda: controls.isVisible(), timeout=1_000)
    assert panel.property("controlsShown")


def test_while_driving_there_is_no_picture_but_a_card_with_the_message(show, qtbot):
    message = "Video is paused while driving. It continues when you park."
    view, panel = panel_with(show, hasVideo="true", durationMs="8000", pictureAllowed="false",
                             pausedForDriving="true", message=f'"{message}"')
    assert not find(view, "videoOutput").isVisible() and not find(view, "controls").isVisible()
    assert is_shown(find(view, "drivingCard"))
    assert find(view, "drivingMessage").property("text") == message
    with qtbot.waitSignal(panel.closeRequested, timeout=1_000):  # close still works
        tap(view, find(view, "closeVideo"))


def test_an_error_replaces_the_picture(show):
    view, _panel = panel_with(show, hasVideo="true", error='"“noise” cannot be played: Invalid data"')
    assert is_shown(find(view, "errorCard")) and not find(view, "videoOutput").isVisible()
    assert not find(view, "controls").isVisible()


def shown(view: QQuickView, name: str) -> bool:
    try:
        return is_shown(find(view, name))
    except LookupError:
        return False


# -- inside the video app, over a real store ------------------------------------------------------

class Car:
    def __init__(self) -> None:
        self.vehicle = VehicleStore()
        self.restrictions = RestrictionsStore(RestrictionLimits(), self.vehicle.state)
        self.vehicle.on_change(self.restrictions.on_signals_changed)
        self.t = 1.0

    def feed(self, speed: float, gear: int, brake: bool) -> None:
        self.t += 1.0
        self.vehicle.apply_samples([make_sample("Vehicle.Speed", speed, self.t),
                                    make_sample("Vehicle.Powertrain.Transmission.SelectedGear", gear, self.t),
                                    make_sample("Vehicle.Chassis.ParkingBrake.IsEngaged", brake, self.t)])


@pytest.fixture
def video_app(show, tasks, tmp_path, qtbot):
    stores = []

    def make(size: str, night: bool):
        car = Car()
        car.feed(0.0, GEAR_PARK, True)
        video = VideoStore(tasks, car.restrictions, replace(MediaConfig(), video_audio_while_moving="pause"))
        store = Store.open(tmp_path / f"unit_{len(stores)}")
        video.attach(store)
        host = AppContext("headunit.video", "en", {"video": video, "restrictions": car.restrictions})
        stores.append((store, video, host))  # QML holds no reference: they live as long as the test
        view = show(f"""    Loader {{
        anchors.fill: parent
        Component.onCompleted: setSource("{QUrl.fromLocalFile(str(VIDEO_APP)).toString()}", {{"host": root.host}})
    }}""", size, night, host)
        qtbot.waitUntil(lambda: video.videos.rowCount() == 1 and shown(view, "video_0"), timeout=5_000)
        return car, video, view

    yield make
    for store, video, _host in stores:
        video.close()
        store.close()


@pytest.mark.qt_log_ignore("ensureRhi.*No RHI backend")  # QVideoFrame.toImage without a GPU: converted on the CPU
@pytest.mark.parametrize("size", ["800x480", "1920x720"])
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
def test_the_video_app_parked_playing_and_moving_paused(video_app, qtbot, size, night):
    car, video, view = video_app(size, night)
    shade = "night" if night else "day"
    SHOTS.mkdir(parents=True, exist_ok=True)
    view.grabWindow().save(str(SHOTS / f"video_list_{size}_{shade}.png"))

    tap(view, find(view, "video_0"))
    qtbot.waitUntil(lambda: video.playing and video.positionMs > 1_500, timeout=5_000)
    output = find(view, "videoOutput")
    assert video.videoSink is output.property("videoSink")
    assert is_shown(output) and not find(view, "drivingCard").isVisible()
    frame = video.videoSink.videoFrame().toImage()  # the picture the output holds now
    assert frame.size().toTuple() == (320, 180) and len({frame.pixel(x, 90) for x in range(0, 320, 40)}) > 3
    # Qt's software scene graph (these offscreen tests) cannot draw a VideoOutput: its area is
    # black in the window grab, so the frame it was given is saved beside it
    view.grabWindow().save(str(SHOTS / f"video_parked_{size}_{shade}.png"))
    frame.save(str(SHOTS / f"video_parked_{size}_{shade}_frame.png"))

    car.feed(50.0, GEAR_DRIVE, False)
    assert not find(view, "videoOutput").isVisible() and is_shown(find(view, "drivingCard"))
    qtbot.waitUntil(lambda: not video.playing, timeout=2_000)
    assert find(view, "drivingMessage").property("text") == video.message != ""
    view.grabWindow().save(str(SHOTS / f"video_moving_{size}_{shade}.png"))
