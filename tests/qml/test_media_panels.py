"""The now-playing bar (in a real status bar), the full player and the Media area, offscreen at
800x480, 1280x720 and 1920x720, day and night; their taps come out as signals (or store calls).
Screenshots go to /tmp/media_shots/."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QAccessible, QColor, QImage, QLinearGradient, QPainter
from PySide6.QtQuick import QQuickItem, QQuickView
from PySide6.QtTest import QTest

from headunit.core.config import MediaConfig
from tests.qml.quick import app_area_qml, find, find_all, is_shown, scene_rect, tap, walk

ROOT = Path(__file__).resolve().parents[2]
APPS_DIR = ROOT / "headunit" / "apps"
SHOTS = Path("/tmp/media_shots")
SIZES = ("800x480", "1280x720", "1920x720")
THEMES = (False, True)


def dims(size: str) -> tuple[int, int]:
    width, height = (int(v) for v in size.split("x"))
    return width, height


def header(size: str, night: bool) -> str:
    width, height = dims(size)
    return f"""    Binding {{ target: Theme; property: "night"; value: {str(night).lower()} }}
    Binding {{ target: Sizes; property: "windowWidth"; value: {width} }}
    Binding {{ target: Sizes; property: "windowHeight"; value: {height} }}
    readonly property int statusBarHeight: Sizes.statusBarHeight
    readonly property color criticalColour: Theme.critical
"""


def now_playing_qml(size: str, night: bool, body: str) -> str:
    """The bar where Main.qml puts it: in the middle of a real status bar."""
    width, _ = dims(size)
    return f"""import QtQuick
import HeadUnit

Rectangle {{
    id: root
    width: {width}
    height: Sizes.statusBarHeight
    color: Theme.background
{header(size, night)}
    StatusBarPanel {{
        id: bar
        objectName: "statusBar"
        anchors.fill: parent
        clockText: "09:41"
        drivingState: "moving"
        speedKmh: 87
        speedKnown: true
        outsideTemperature: 4
        outsideTemperatureKnown: true
        connectivity: "online"
        night: {str(night).lower()}
    }}
    NowPlayingPanel {{
        objectName: "panel"
        parent: bar.middle
        anchors.fill: parent
{body}
    }}
}}
"""


def area_qml(size: str, night: bool, content: str) -> str:
    """The media area's size at a screen size: beside the rail, under the status bar."""
    return app_area_qml(size, night, f"""    readonly property color criticalColour: Theme.critical
{content}""")


def player_qml(size: str, night: bool, body: str) -> str:
    return area_qml(size, night, f"""    ListModel {{
        id: queueModel
        ListElement {{ title: "First Light on Ring III"; artist: "The Coastal Commuters"; current: false }}
        ListElement {{ title: "Coffee at Kamppi"; artist: "Aino Virta"; current: true }}
        ListElement {{ title: "Über die Brücke"; artist: "Die Fahrradkette"; current: false }}
        ListElement {{ title: "山水古韵"; artist: "Traditional Ensemble"; current: false }}
    }}
    PlayerPanel {{
        objectName: "panel"
        anchors.fill: parent
        anchors.margins: Sizes.margin
        queueModel: queueModel
{body}
    }}""")


def write_cover(path: Path) -> Path:
    image = QImage(300, 300, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 300, 300)
    gradient.setColorAt(0, QColor("#f2994a"))
    gradient.setColorAt(1, QColor("#6a3093"))
    painter.fillRect(0, 0, 300, 300, gradient)
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(100, 100, 100, 100)
    painter.end()
    assert image.save(str(path))
    return path


@pytest.fixture
def cover(tmp_path: Path) -> str:
    return QUrl.fromLocalFile(str(write_cover(tmp_path / "cover.png"))).toString()


@pytest.fixture
def show(views):
    def make(source: str, properties: dict | None = None) -> QQuickView:
        return views.open(source, "scene", properties)

    return make


def inside(inner: QRectF, outer: QRectF, slack: float = 0.5) -> bool:
    return outer.adjusted(-slack, -slack, slack, slack).contains(inner)


def accessible_name(item: QQuickItem) -> str:
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def shot(view: QQuickView, qtbot, name: str) -> Path:
    """Grab once every image has loaded (covers and icons load off the GUI thread)."""
    def images_ready() -> bool:
        return all(i.property("progress") == 1.0 for i in walk(view.contentItem())
                   if i.metaObject().className().startswith("QQuickImage") and i.property("source").toString())

    qtbot.waitUntil(images_ready, timeout=5_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert view.grabWindow().save(str(path))
    return path


def theme_name(night: bool) -> str:
    return "night" if night else "day"


# -- the now-playing bar ----------------------------------------------------------------------------

BAR = """        title: "Coffee at Kamppi, the long version recorded live"
        artist: "Aino Virta"
        coverUrl: "%(cover)s"
        playing: true
        hasTrack: true
        canNext: true"""


@pytest.mark.parametrize("night", THEMES, ids=theme_name)
@pytest.mark.parametrize("size", SIZES)
def test_the_now_playing_bar_fits_the_status_bar(show, qtbot, cover, size, night) -> None:
    view = show(now_playing_qml(size, night, BAR % {"cover": cover}))
    bar_height = view.rootObject().property("statusBarHeight")
    panel, status_bar = find(view, "panel"), find(view, "statusBar")
    toggle, following = find(view, "nowPlayingToggle"), find(view, "nowPlayingNext")
    title = find(view, "nowPlayingTitle")
    assert panel.height() == bar_height
    for item in (toggle, following, title):
        assert is_shown(item)
        assert inside(scene_rect(item), scene_rect(panel)), item.objectName()
        assert inside(scene_rect(item), scene_rect(status_bar)), item.objectName()
    assert toggle.width() >= 40 and toggle.height() <= bar_height
    assert not scene_rect(title).intersects(scene_rect(following))
    clock = find(view, "statusClock")
    assert not scene_rect(panel).intersects(scene_rect(clock))
    assert accessible_name(toggle) == "Pause" and accessible_name(following) == "Next track"
    assert accessible_name(find(view, "nowPlayingOpen")).startswith("Now playing: Coffee at Kamppi")
    shot(view, qtbot, f"now_playing_{size}_{theme_name(night)}")


def test_the_now_playing_bar_sends_its_taps(show, qtbot, cover) -> None:
    view = show(now_playing_qml("1280x720", False, BAR % {"cover": cover}))
    panel = find(view, "panel")
    for name, signal in (("nowPlayingToggle", panel.togglePlayRequested), ("nowPlayingNext", panel.nextRequested),
                         ("nowPlayingOpen", panel.openRequested)):
        with qtbot.waitSignal(signal, timeout=1_000):
            tap(view, find(view, name))


def test_a_narrow_bar_drops_the_cover_then_the_artist(show, qtbot, cover) -> None:
    view = show(f"""import QtQuick
import HeadUnit

Rectangle {{
    width: 700
    height: Sizes.statusBarHeight
{header("1280x720", False)}
    NowPlayingPanel {{
        objectName: "panel"
        height: parent.height
{BAR % {"cover": cover}}
    }}
}}
""")
    panel = find(view, "panel")
    panel.setProperty("width", 600)
    assert is_shown(find(view, "nowPlayingCover")) and is_shown(find(view, "nowPlayingArtist"))
    panel.setProperty("width", 380)
    assert not is_shown(find(view, "nowPlayingCover")) and is_shown(find(view, "nowPlayingArtist"))
    panel.setProperty("width", 300)
    assert not is_shown(find(view, "nowPlayingArtist")) and is_shown(find(view, "nowPlayingTitle"))
    assert is_shown(find(view, "nowPlayingToggle"))


def test_next_is_disabled_when_there_is_no_next_track(show, qtbot, cover) -> None:
    view = show(now_playing_qml("1280x720", False, (BAR % {"cover": cover}).replace("canNext: true", "canNext: false")))
    panel = find(view, "panel")
    with qtbot.assertNotEmitted(panel.nextRequested):
        tap(view, find(view, "nowPlayingNext"))


# -- the full player --------------------------------------------------------------------------------

PLAYER = """        title: "Coffee at Kamppi"
        artist: "Aino Virta"
        album: "Morning drive"
        coverUrl: "%(cover)s"
        sourceKind: "library"
        playing: true
        positionMs: 83000
        durationMs: 215000
        seekable: true
        shuffle: true
        repeatMode: "all"
        canNext: true
        canPrevious: true"""
PLAYER_ITEMS = ("playerTitle", "playerArtist", "playerAlbum", "playerSeekBar", "playerElapsed", "playerRemaining",
                "playerShuffle", "playerPrevious", "playerToggle", "playerNext", "playerRepeat", "playerCover")


@pytest.mark.parametrize("night", THEMES, ids=theme_name)
@pytest.mark.parametrize("size", SIZES)
def test_the_player_fits_the_media_area(show, qtbot, cover, size, night) -> None:
    view = show(player_qml(size, night, PLAYER % {"cover": cover}))
    panel = find(view, "panel")
    for name in PLAYER_ITEMS:
        item = find(view, name)
        assert is_shown(item), name
        assert inside(scene_rect(item), scene_rect(panel)), (name, scene_rect(item), scene_rect(panel))
    assert find(view, "playerElapsed").property("text") == "1:23"
    assert find(view, "playerRemaining").property("text") == "-2:12"
    assert is_shown(find(view, "playerQueue")) == (size == "1920x720")
    buttons = [find(view, n) for n in ("playerShuffle", "playerPrevious", "playerToggle", "playerNext", "playerRepeat")]
    for left, right in zip(buttons, buttons[1:]):
        assert not scene_rect(left).intersects(scene_rect(right))
    assert min(b.width() for b in buttons) >= 48
    assert [accessible_name(b) for b in buttons] == ["Shuffle: on", "Previous track", "Pause", "Next track",
                                                     "Repeat all: on"]
    assert accessible_name(find(view, "playerSeekBar")) == "Position"
    shot(view, qtbot, f"player_{size}_{theme_name(night)}")


def test_the_player_sends_its_taps(show, qtbot, cover) -> None:
    view = show(player_qml("1920x720", False, PLAYER % {"cover": cover}))
    panel = find(view, "panel")
    for name, signal in (("playerToggle", panel.togglePlayRequested), ("playerNext", panel.nextRequested),
                         ("playerPrevious", panel.previousRequested), ("playerRepeat", panel.repeatRequested)):
        with qtbot.waitSignal(signal, timeout=1_000):
            tap(view, find(view, name))
    with qtbot.waitSignal(panel.shuffleRequested, timeout=1_000) as shuffled:
        tap(view, find(view, "playerShuffle"))
    assert shuffled.args == [False]  # shuffle is on: the tap asks for off
    rows = sorted(find_all(view, "queueRow_"), key=lambda r: r.objectName())
    assert len(rows) == 4
    with qtbot.waitSignal(panel.queueItemRequested, timeout=1_000) as chosen:
        tap(view, rows[2])
    assert chosen.args == [2]


def test_tapping_the_seek_bar_or_dragging_its_handle_seeks(show, qtbot, cover) -> None:
    view = show(player_qml("1280x720", False, PLAYER % {"cover": cover}))
    panel, bar, handle = find(view, "panel"), find(view, "playerSeekBar"), find(view, "seekHandle")
    with qtbot.waitSignal(panel.seekRequested, timeout=1_000) as sought:
        tap(view, bar)
    assert sought.args[0] == pytest.approx(215000 / 2, rel=0.03)

    start = scene_rect(handle).center()
    end = bar.mapToScene(QPointF(bar.width() * 0.8, bar.height() / 2))
    sent = []
    panel.seekRequested.connect(sent.append)
    with qtbot.waitSignal(panel.seekRequested, timeout=1_000) as dragged:
        QTest.mousePress(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint())
        for step in range(1, 11):
            point = start + (end - start) * (step / 10)
            QTest.mouseMove(view, QPoint(round(point.x()), round(point.y())))
        QTest.mouseRelease(view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint())
    handle_size = handle.width()
    expected = (bar.width() * 0.8 - handle_size / 2) / (bar.width() - handle_size) * 215000
    assert dragged.args[0] == pytest.approx(expected, rel=0.03)
    assert sent == dragged.args  # one seek for the drag, none for the tap that ended it


def test_a_live_stream_shows_live_and_its_error_and_cannot_be_sought(show, qtbot) -> None:
    body = """        title: "Helsinki Jazz"
        artist: "Jazz"
        sourceKind: "stream"
        durationMs: 0
        error: "The station could not be played: it did not start within 10 s\""""
    view = show(player_qml("800x480", True, body))
    panel = find(view, "panel")
    assert find(view, "playerRemaining").property("text") == "Live"
    status = find(view, "playerStatus")
    assert status.property("text") == "The station could not be played: it did not start within 10 s"
    assert QColor(status.property("color")) == QColor(view.rootObject().property("criticalColour"))
    assert not is_shown(find(view, "seekHandle"))
    assert not any(find(view, name).isEnabled() for name in ("playerShuffle", "playerNext", "playerRepeat"))
    with qtbot.assertNotEmitted(panel.seekRequested):
        tap(view, find(view, "playerSeekBar"))
    assert is_shown(find(view, "playerCover"))  # the note placeholder: no cover
    shot(view, qtbot, "player_stream_error_800x480_night")


def test_a_stream_connecting_says_so(show, qtbot) -> None:
    body = """        title: "Helsinki Jazz"
        sourceKind: "stream"
        loading: true"""
    view = show(player_qml("1280x720", False, body))
    assert find(view, "playerStatus").property("text") == "Connecting…"
    assert accessible_name(find(view, "playerToggle")) == "Pause"


# -- the Media area ---------------------------------------------------------------------------------


def view_qml(size: str, night: bool, has_track: bool, cover: str) -> str:
    icons = {app: QUrl.fromLocalFile(str(APPS_DIR / app / "icon.svg")).toString() for app in ("music", "radio", "video")}
    return area_qml(size, night, f"""    property string launched
    property string called
    ListModel {{
        id: queueModel
        ListElement {{ title: "Coffee at Kamppi"; artist: "Aino Virta"; current: true }}
        ListElement {{ title: "Über die Brücke"; artist: "Die Fahrradkette"; current: false }}
    }}
    ListModel {{
        id: appsModel
        ListElement {{ appId: "headunit.music"; name: "Music"; iconUrl: "{icons['music']}" }}
        ListElement {{ appId: "headunit.radio"; name: "Radio"; iconUrl: "{icons['radio']}" }}
        ListElement {{ appId: "headunit.video"; name: "Video"; iconUrl: "{icons['video']}" }}
        ListElement {{ appId: "com.tunecloud.player"; name: "TuneCloud"; iconUrl: "{icons['music']}" }}
    }}
    QtObject {{
        id: fakeApps
        property var mediaApps: appsModel
        function launch(appId) {{ root.launched = appId }}
    }}
    QtObject {{
        id: fakeMedia
        property bool hasTrack: {str(has_track).lower()}
        property string title: "Coffee at Kamppi"
        property string artist: "Aino Virta"
        property string album: "Morning drive"
        property string coverUrl: "{cover}"
        property string sourceKind: "library"
        property bool playing: false
        property bool loading: false
        property int positionMs: 15000
        property int durationMs: 180000
        property bool seekable: true
        property bool shuffle: false
        property string repeatMode: "off"
        property bool canNext: true
        property bool canPrevious: true
        property string error: ""
        property var queue: queueModel
        function togglePlay() {{ root.called = "togglePlay" }}
        function next() {{ root.called = "next" }}
        function previous() {{ root.called = "previous" }}
        function seek(ms) {{ root.called = "seek " + ms }}
        function setShuffle(on) {{ root.called = "setShuffle " + on }}
        function cycleRepeat() {{ root.called = "cycleRepeat" }}
        function playQueueIndex(i) {{ root.called = "playQueueIndex " + i }}
    }}
    MediaView {{
        objectName: "view"
        anchors.fill: parent
        media: fakeMedia
        apps: fakeApps
    }}""")


@pytest.mark.parametrize("night", THEMES, ids=theme_name)
@pytest.mark.parametrize("size", SIZES)
def test_the_media_area_shows_the_player_and_the_sources(show, qtbot, cover, size, night) -> None:
    view = show(view_qml(size, night, True, cover))
    area = scene_rect(find(view, "view"))
    assert is_shown(find(view, "player")) and not is_shown(find(view, "mediaEmpty"))
    tiles = find_all(view, "mediaSource_")
    assert len(tiles) == 4 and all(is_shown(t) for t in tiles)
    assert not scene_rect(find(view, "player")).intersects(scene_rect(find(view, "mediaSources")))
    for name in PLAYER_ITEMS:
        assert inside(scene_rect(find(view, name)), area), name
    shot(view, qtbot, f"media_view_{size}_{theme_name(night)}")
    root = view.rootObject()
    for name, call in (("playerToggle", "togglePlay"), ("playerNext", "next"), ("playerRepeat", "cycleRepeat"),
                       ("playerShuffle", "setShuffle true")):
        tap(view, find(view, name))
        assert root.property("called") == call


@pytest.mark.parametrize("size", ("800x480", "1920x720"))
def test_with_nothing_loaded_it_says_nothing_playing_above_the_sources(show, qtbot, cover, size) -> None:
    view = show(view_qml(size, False, False, cover))
    assert is_shown(find(view, "mediaEmpty")) and not is_shown(find(view, "player"))
    tiles = {t.objectName(): t for t in find_all(view, "mediaSource_")}
    assert accessible_name(tiles["mediaSource_headunit.radio"]) == "Radio"
    tap(view, tiles["mediaSource_headunit.radio"])
    assert view.rootObject().property("launched") == "headunit.radio"
    shot(view, qtbot, f"media_view_empty_{size}")


def test_without_an_apps_store_the_view_still_plays(show, qtbot, cover) -> None:
    source = view_qml("1280x720", False, True, cover).replace("apps: fakeApps", "apps: null")
    view = show(source)
    assert is_shown(find(view, "player")) and not is_shown(find(view, "mediaSources"))


def write_wav(path: Path, seconds: float = 2.0) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", int(5000 * math.sin(i / 5))) for i in range(int(8000 * seconds))))
    return path


@pytest.mark.qt_log_ignore(r"^Could not open media\. FFmpeg error description: Immediate exit requested")
def test_the_media_area_drives_a_real_player(show, qtbot, tasks, tmp_path, cover) -> None:
    from headunit.qt.stores.media_store import MediaStore

    player = MediaStore(tasks, MediaConfig())
    try:
        tracks = [{"uri": str(write_wav(tmp_path / f"{i}.wav")), "title": f"Track {i}", "artist": "Tester",
                   "album": "Generated", "cover": cover if i == 0 else "", "durationMs": 2000, "kind": "library"}
                  for i in range(2)]
        view = show(area_qml("1280x720", False, """    property QtObject media
    MediaView {
        objectName: "view"
        anchors.fill: parent
        media: root.media
    }"""), {"media": player})
        assert is_shown(find(view, "mediaEmpty"))
        player.playTracks(tracks, 0)
        qtbot.waitUntil(lambda: is_shown(find(view, "player")) and player.playing, timeout=10_000)
        assert find(view, "playerTitle").property("text") == "Track 0"
        tap(view, find(view, "playerNext"))
        assert player.title == "Track 1"
        qtbot.waitUntil(lambda: find(view, "playerTitle").property("text") == "Track 1", timeout=2_000)
        tap(view, find(view, "playerToggle"))
        qtbot.waitUntil(lambda: not player.playing, timeout=10_000)
        assert accessible_name(find(view, "playerToggle")) == "Play"
        shot(view, qtbot, "media_view_real_player_1280x720")
    finally:
        player.close()
        qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
        shiboken6.delete(player)
