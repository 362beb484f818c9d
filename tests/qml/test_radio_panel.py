"""RadioPanel offscreen at the smallest and the widest screen, day and night, online and
offline; its taps come out as signals. And the Radio app's QML on a real RadioStore fed by the
real reference backend: a tap on a row hands the row's signed stream URL to the player."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Property, QObject, QRectF, QUrl, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem, QQuickView

from headunit.qt.apps.app_context import AppContext
from headunit.qt.stores.radio_store import RadioStore
from headunit.services.store import Store
from tests.backend_fixture import START
from tests.qml.quick import QML_DIR, app_area_qml, find, find_all, is_shown, scene_rect, shown_named, tap, walk

ROOT = Path(__file__).resolve().parents[2]
RADIO_APP = ROOT / "headunit" / "apps" / "radio" / "RadioApp.qml"
SHOTS = Path("/tmp/media_shots")

STATIONS = """ListModel {
    id: rowsModel
    ListElement { itemId: "st-1"; title: "Helsinki Jazz"; subtitle: "Jazz"; kind: "station"; available: %(a)s; group: "" }
    ListElement { itemId: "st-2"; title: "Klassik am Morgen"; subtitle: "Classical"; kind: "station"; available: %(a)s; group: "" }
    ListElement { itemId: "st-3"; title: "Neon Highway"; subtitle: "Electronic"; kind: "station"; available: %(a)s; group: "" }
    ListElement { itemId: "st-4"; title: "山水古韵"; subtitle: "Traditional"; kind: "station"; available: %(a)s; group: "" }
    ListElement { itemId: "st-5"; title: "Nordlicht Ambient"; subtitle: "Ambient"; kind: "station"; available: %(a)s; group: "" }
    ListElement { itemId: "st-6"; title: "Landstraße Rock"; subtitle: "Rock"; kind: "station"; available: %(a)s; group: "" }
}"""
TRACKS = """ListModel {
    id: rowsModel
    ListElement { itemId: "tr-1"; title: "First Light on Ring III"; subtitle: "The Coastal Commuters · 0:16"; kind: "track"; available: true; group: "Morning drive" }
    ListElement { itemId: "tr-2"; title: "Coffee at Kamppi"; subtitle: "Aino Virta · 0:15"; kind: "track"; available: true; group: "Morning drive" }
    ListElement { itemId: "tr-4"; title: "Über die Brücke"; subtitle: "Die Fahrradkette · 0:15"; kind: "track"; available: true; group: "Sonntagsausflug" }
}"""
EMPTY = "ListModel { id: rowsModel }"


def wrapper_qml(models: str, body: str, size: str, night: bool) -> str:
    return app_area_qml(size, night, f"""    property string lastSection
    property int lastRow: -1
    property int refreshes: 0
{models}
    RadioPanel {{
        objectName: "panel"
        anchors.fill: parent
        items: rowsModel
{body}
        onSectionChosen: (name) => root.lastSection = name
        onItemChosen: (row) => root.lastRow = row
        onRefreshRequested: root.refreshes += 1
    }}""")


@pytest.fixture
def show(views):
    def make(models: str, size: str = "800x480", night: bool = False, **props: str) -> tuple[QQuickView, QQuickItem]:
        body = "\n".join(f"        {key}: {value}" for key, value in props.items())
        view = views.open(wrapper_qml(models, body, size, night), "radio", first_frame=True)
        return view, find(view, "panel")

    return make


def save(view: QQuickView, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert view.grabWindow().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
@pytest.mark.parametrize("online", [True, False], ids=["online", "offline"])
def test_the_list_fits_the_screen_in_big_rows_with_its_message_line(show, size: str, night: bool,
                                                                   online: bool) -> None:
    props = {"offline": "false"} if online else {
        "offline": "true",
        "message": '"Offline – showing saved stations. Playing needs a connection."',
        "asOfText": '"as of 09:30"'}
    view, panel = show(STATIONS % {"a": str(online).lower()}, size, night, **props)
    save(view, f"radio_{size}_{'night' if night else 'day'}_{'online' if online else 'offline'}")
    window = QRectF(0, 0, view.width(), view.height())
    chips = [shown_named(view, f"radioSection_{name}") for name in ("stations", "playlists", "podcasts")]
    touch = view.rootObject().property("height") / 6.5  # the smallest acceptable row on this screen
    for chip in chips:
        assert window.contains(scene_rect(chip)) and chip.height() >= 48
    assert [c.property("checked") for c in chips] == [True, False, False]
    assert all(chip.property("textFits") for chip in chips)  # the labels show, not just icons
    rows = [r for r in find_all(view, "radioRow_") if is_shown(r)]
    assert len(rows) >= 4
    columns = 2 if size == "1920x720" else 1  # rows as long as a wide screen would be hard to read
    assert len({round(scene_rect(r).left()) for r in rows}) == columns
    for row in rows:
        assert row.height() >= min(touch, 56) and row.width() >= panel.width() / columns * 0.9
        assert window.contains(scene_rect(row)) or scene_rect(row).bottom() > window.bottom()  # only cut below
    line = find(view, "radioMessage")
    assert line.isVisible() == (not online)
    if not online:
        assert line.property("visible") and scene_rect(line).top() >= scene_rect(chips[0]).bottom()
        assert scene_rect(rows[0]).top() >= scene_rect(line).bottom()
        assert shown_named(view, "radioAsOf").property("text") == "as of 09:30"
        assert not find(view, "radioRefresh").isVisible()  # offline: nothing to update from
    assert not find(view, "radioEmpty").isVisible()


def test_taps_on_chips_rows_and_update_come_out_as_signals(show) -> None:
    view, _panel = show(TRACKS, "800x480", section='"playlists"', asOfText='"as of 09:30"')
    save(view, "radio_800x480_day_playlists")
    root = view.rootObject()
    tap(view, shown_named(view, "radioSection_podcasts"))
    assert root.property("lastSection") == "podcasts"
    tap(view, shown_named(view, "radioRow_2"))
    assert root.property("lastRow") == 2
    tap(view, shown_named(view, "radioRefresh"))
    assert root.property("refreshes") == 1
    row = shown_named(view, "radioRow_2")
    labels = [i.property("text") for i in walk(row) if is_shown(i) and i.property("text")]
    assert labels == ["Über die Brücke", "Sonntagsausflug", "Die Fahrradkette · 0:15"]  # with its playlist


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
def test_nothing_saved_offline_is_an_empty_state_with_the_message(show, size: str) -> None:
    message = "No stations saved yet. Connect to the internet to load them."
    view, _panel = show(EMPTY, size, True, offline="true", message=f'"{message}"')
    save(view, f"radio_{size}_night_empty")
    empty = shown_named(view, "radioEmpty")
    assert empty.property("message") == message and empty.property("title") == "No stations"
    assert not find(view, "radioMessage").isVisible()


def test_a_stream_error_is_shown_on_the_message_line(show) -> None:
    error = "The stream could not be played: the server refused it."
    view, _panel = show(STATIONS % {"a": "true"}, "800x480", streamError=f'"{error}"', message='"ignored"')
    save(view, "radio_800x480_day_stream_error")
    line = shown_named(view, "radioMessage")
    assert [i.property("text") for i in line.childItems() if i.property("text") is not None] == [error]


class Player(QObject):
    """The player end of the Radio app: what MediaStore offers the app, recording playStream."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict] = []

    @Slot("QVariantMap")
    def playStream(self, item: dict) -> None:  # noqa: N802
        self.items.append(dict(item))

    error = Property(str, lambda self: "", notify=changed)
    loading = Property(bool, lambda self: False, notify=changed)
    sourceKind = Property(str, lambda self: "stream" if self.items else "", notify=changed)


def test_the_radio_app_plays_a_tapped_station_from_the_real_backend(qtbot, tasks, tmp_path, backend) -> None:
    player = Player()
    radio = RadioStore(tasks, player, None, 300, clock=lambda: START)
    with Store.open(tmp_path / "unit") as store:
        client = backend.client(tmp_path)
        radio.attach(store, client)
        host = AppContext("headunit.radio", "en", {"radio": radio, "media": player})
        view = QQuickView()
        view.engine().addImportPath(str(QML_DIR))
        view.setInitialProperties({"host": host})
        view.setColor(QColor("#E9EDF1"))  # the app area's background (Theme.background by day)
        view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        view.resize(1164, 644)
        view.setSource(QUrl.fromLocalFile(str(RADIO_APP)))
        assert not view.errors(), view.errors()
        try:
            with qtbot.waitExposed(view):
                view.show()
            qtbot.waitUntil(lambda: len([r for r in find_all(view, "radioRow_") if is_shown(r)]) == 6,
                            timeout=10_000)
            qtbot.waitUntil(lambda: tasks.pending == 0 and not radio.loading, timeout=10_000)
            tap(view, shown_named(view, "radioSection_podcasts"))
            assert radio.section == "podcasts"
            with qtbot.waitSignal(view.frameSwapped, timeout=5_000):
                view.update()
            save(view, "radio_app_podcasts")
            tap(view, shown_named(view, "radioRow_1"))
            [item] = player.items
            assert item["uri"] == radio.catalogue.podcasts[0].episodes[1].stream_url
            assert item["title"] == "Charging etiquette at busy stations"
        finally:
            view.close()
            shiboken6.delete(view)
            client.close()
