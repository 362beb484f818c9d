"""The two demo partner apps the reference backend packages (TuneCloud, ClipTV), loaded
offscreen as the launcher loads an app: the entry QML with a `host` that has only the
stores their permissions grant (stand-ins with the stores' QML API), or none of them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtQuick import QQuickView

from headunit.backend.app_store import SOURCE_DIR
from headunit.services.apps.registry import load_app
from tests.qml.quick import find, is_shown, tap, walk

GRANTED = ("network", "media.audio", "media.video")

FAKE_RADIO = """QtObject {
        property string message: ""
        property string shownSection: ""
        property var played: []
        property ListModel items: ListModel {
            ListElement { title: "Helsinki Jazz"; subtitle: "Jazz" }
            ListElement { title: "Neon Highway"; subtitle: "Electronic" }
        }
        function showSection(name) { shownSection = name }
        function play(row) { played = played.concat([row]) }
    }"""
FAKE_VIDEO = """QtObject {
        property string title: ""
        property bool hasVideo: false
        property bool playing: false
        property int positionMs: 0
        property int durationMs: 0
        property bool seekable: true
        property bool pictureAllowed: true
        property bool pausedForDriving: false
        property string message: ""
        property string error: ""
        property bool loading: false
        property var opened: []
        property QtObject output: null
        property int paused: 0
        property ListModel videos: ListModel {
            ListElement { title: "Fjord timelapse"; durationText: "0:12"; current: false }
        }
        function open(row) { opened = opened.concat([row]) }
        function play() {}
        function pause() { paused += 1 }
        function seek(ms) {}
        function close() {}
        function setVideoOutput(item) { output = item }
    }"""

WRAPPER = """import QtQuick
import HeadUnit

Rectangle {{
    id: root
    width: 800
    height: 480
    color: Theme.background
    property QtObject fake: {fake}
    QtObject {{
        id: host
        property QtObject restrictions: null
        property QtObject radio: {radio}
        property QtObject video: {video}
    }}
    Loader {{
        objectName: "app"
        anchors.fill: parent
        source: "{entry}"
        onLoaded: item.host = host
    }}
}}
"""


@pytest.fixture
def show(views):
    players: list[QMediaPlayer] = []

    def make(folder: str, entry: str, store: str | None):
        fake = {"radio": FAKE_RADIO, "video": FAKE_VIDEO}.get(store or "", "null")
        if folder == "cliptv" and not players:
            # Qt Multimedia's first start logs from a worker thread; inside setSource, which
            # holds the GIL, pytest-qt's Python log handler would then wait forever. The app
            # makes its player before any QML is loaded: do the same.
            players.append(QMediaPlayer())
        return views.open(WRAPPER.format(fake=fake, radio="root.fake" if store == "radio" else "null",
                                         video="root.fake" if store == "video" else "null",
                                         entry=QUrl.fromLocalFile(str(SOURCE_DIR / folder / entry)).toString()),
                          "wrapper")

    return make


def texts(view: QQuickView) -> list[str]:
    return [item.property("text") for item in walk(view.contentItem())
            if item.metaObject().className().startswith("QQuickText") and item.isVisible()]


@pytest.mark.parametrize("folder", ["tunecloud", "cliptv"])
def test_each_source_passes_the_head_units_own_app_checks(folder):
    app = load_app(SOURCE_DIR / folder, GRANTED)
    assert app.id == f"com.example.{folder}"


def test_tunecloud_lists_the_hosts_stations_and_plays_the_one_tapped(qtbot, show):
    view = show("tunecloud", "TuneCloudApp.qml", "radio")
    radio = view.rootObject().property("fake")
    assert radio.property("shownSection") == "stations"
    qtbot.waitUntil(lambda: "Neon Highway" in texts(view))
    assert not is_shown(find(view, "tuneCloudNoRadio"))
    row = next(item for item in walk(view.contentItem()) if item.property("title") == "Neon Highway")
    tap(view, row)
    qtbot.waitUntil(lambda: radio.property("played").toVariant() == [1])


def test_tunecloud_without_radio_says_so(show):
    view = show("tunecloud", "TuneCloudApp.qml", None)
    assert is_shown(find(view, "tuneCloudNoRadio"))
    assert not is_shown(find(view, "tuneCloudStations"))
    assert "No radio here" in texts(view)


def test_cliptv_shows_the_hosts_videos_in_the_video_panel_and_opens_the_one_tapped(qtbot, show):
    view = show("cliptv", "ClipTvApp.qml", "video")
    video = view.rootObject().property("fake")
    panel = find(view, "clipTvPanel")
    assert video.property("output") is not None  # the panel's picture item went to the store
    qtbot.waitUntil(lambda: "Fjord timelapse" in texts(view))
    assert is_shown(panel) and not is_shown(find(view, "clipTvEmpty"))
    tap(view, find(view, "video_0"))
    qtbot.waitUntil(lambda: video.property("opened").toVariant() == [0])
    find(view, "app").setProperty("visible", False)  # the driver switched to another app
    assert video.property("paused") == 1


def test_cliptv_without_video_says_so(show):
    view = show("cliptv", "ClipTvApp.qml", None)
    assert is_shown(find(view, "clipTvEmpty"))
    assert not is_shown(find(view, "clipTvPanel"))
    assert "This head unit does not offer videos to apps." in texts(view)
