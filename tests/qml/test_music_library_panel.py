"""MusicLibraryPanel offscreen at the smallest and the widest screen, day and night: tabs, big
rows with covers, "Unknown artist", the note while driving, empty states; taps come out as
signals. And the Music app's QML on a real LibraryStore that scanned the bundled songs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtQuick import QQuickItem, QQuickView

from headunit.qt.apps.app_context import AppContext
from headunit.qt.stores.library_store import LibraryStore
from headunit.services.media.library import bundled_music_dir
from headunit.services.store import Store
from tests.qml.quick import QML_DIR, app_area_qml, find, find_all, is_shown, scene_rect, shown_named, tap, walk

ROOT = Path(__file__).resolve().parents[2]
MUSIC_APP = ROOT / "headunit" / "apps" / "music" / "MusicApp.qml"
SHOTS = Path("/tmp/media_shots")
LIMITED = "Showing 8 of 30 — more when parked"
DEFAULTS = {"artists": "artistsModel", "albums": "albumsModel", "songs": "songsModel", "trackCount": "8",
            "lastScanText": '"8 songs · 1 file skipped"'}


@pytest.fixture
def cover_urls(tmp_path: Path) -> tuple[str, str]:
    urls = []
    for name, colour in (("warm", "#E8894A"), ("cool", "#3A6FB0")):
        image = QImage(64, 64, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        path = tmp_path / f"{name}.png"
        assert image.save(str(path))
        urls.append(QUrl.fromLocalFile(str(path)).toString())
    return urls[0], urls[1]


def models(warm: str, cool: str) -> str:
    songs = [("Tidewater", "Harbour Lights", "Northern Coast", "0:09", warm),
             ("Lighthouse Keeper", "Harbour Lights", "Northern Coast", "0:08", warm),
             ("Überland", "", "", "3:41", ""),
             ("Overpass", "The Quiet Gears", "Night Drive", "0:08", cool),
             ("夜行列车", "山下乐队", "", "4:05", ""),
             ("Sodium Lamps", "The Quiet Gears", "Night Drive", "0:09", cool),
             ("A song with a title far too long to fit on one row of any screen at all", "Mira Sol",
              "Small Hours", "12:07", ""),
             ("Kettle Song", "Mira Sol", "Small Hours", "0:08", "")]
    song_rows = "\n".join(
        f'        ListElement {{ title: "{t}"; artist: "{a}"; album: "{al}"; durationText: "{d}"; coverUrl: "{c}" }}'
        for t, a, al, d, c in songs)
    return f"""    ListModel {{
        id: artistsModel
        ListElement {{ name: "Harbour Lights"; detail: "1 album · 3 songs" }}
        ListElement {{ name: "Mira Sol"; detail: "1 album · 1 song" }}
        ListElement {{ name: ""; detail: "1 album · 2 songs" }}
    }}
    ListModel {{
        id: albumsModel
        ListElement {{ title: "Night Drive"; artist: "The Quiet Gears"; coverUrl: "{cool}" }}
        ListElement {{ title: "Northern Coast"; artist: "Harbour Lights"; coverUrl: "{warm}" }}
        ListElement {{ title: ""; artist: ""; coverUrl: "" }}
    }}
    ListModel {{
        id: songsModel
{song_rows}
    }}
    ListModel {{ id: noRows }}"""


def wrapper_qml(model_text: str, body: str, size: str, night: bool) -> str:
    return app_area_qml(size, night, f"""    property var calls: []
    function note(text) {{ root.calls = root.calls.concat([text]); }}
{model_text}
    MusicLibraryPanel {{
        objectName: "panel"
        anchors.fill: parent
{body}
        onTabChosen: (name) => root.note("tab " + name)
        onArtistChosen: (name) => root.note("artist '" + name + "'")
        onAlbumChosen: (title, artist) => root.note("album '" + title + "' '" + artist + "'")
        onSongChosen: (row) => root.note("song " + row)
        onBackRequested: root.note("back")
        onPlayAllRequested: root.note("play all")
        onShuffleRequested: root.note("shuffle")
    }}""")


@pytest.fixture
def show(views, cover_urls):
    def make(size: str = "800x480", night: bool = False, **props: str) -> tuple[QQuickView, QQuickItem]:
        props = {**DEFAULTS, **props}
        body = "\n".join(f"        {key}: {value}" for key, value in props.items())
        view = views.open(wrapper_qml(models(*cover_urls), body, size, night), "library", first_frame=True)
        return view, find(view, "panel")

    return make


def shown_rows(view: QQuickView, prefix: str) -> list[QQuickItem]:
    return sorted((r for r in find_all(view, prefix) if is_shown(r)), key=lambda r: int(r.objectName().split("_")[1]))


def texts(item: QQuickItem) -> list[str]:
    return [i.property("text") for i in walk(item) if is_shown(i) and i.property("text")]


def covers_ready(row: QQuickItem) -> list[bool]:
    """Per cover with an image source in the row: has it loaded."""
    return [i.property("ready") for i in walk(row) if i.objectName() == "cover" and i.property("source")]


def calls(view: QQuickView) -> list[str]:
    """The panel's signals so far, as the wrapper noted them."""
    return view.rootObject().property("calls").toVariant()


def save(qtbot, view: QQuickView, name: str) -> None:
    with qtbot.waitSignal(view.frameSwapped, timeout=5_000):
        view.update()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert view.grabWindow().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
@pytest.mark.parametrize("night", [False, True], ids=["day", "night"])
def test_songs_fill_the_screen_in_big_rows_with_covers_and_the_driving_note(qtbot, show, size: str,
                                                                           night: bool) -> None:
    view, panel = show(size, night, view='"songs"', tab='"songs"', title='"Songs"', limitedText=f'"{LIMITED}"')
    rows = shown_rows(view, "songRow_")
    qtbot.waitUntil(lambda: all(all(covers_ready(r)) for r in rows), timeout=5_000)
    save(qtbot, view, f"library_songs_{size}_{'night' if night else 'day'}")
    window = QRectF(0, 0, view.width(), view.height())
    chips = [shown_named(view, f"libraryTab_{name}") for name in ("artists", "albums", "songs")]
    assert [c.property("checked") for c in chips] == [False, False, True]
    assert all(chip.property("textFits") for chip in chips)  # the labels show, not just icons
    for item in (*chips, shown_named(view, "libraryPlayAll"), shown_named(view, "libraryShuffle")):
        assert window.contains(scene_rect(item)) and item.height() >= 48
    assert len(rows) >= 4
    columns = 2 if size == "1920x720" else 1
    assert len({round(scene_rect(r).left()) for r in rows}) == columns
    for row in rows:
        assert row.height() >= 56 and row.width() >= panel.width() / columns * 0.9
        assert window.contains(scene_rect(row)) or scene_rect(row).bottom() > window.bottom()  # only cut below
    assert texts(rows[0]) == ["Tidewater", "Harbour Lights · Northern Coast", "0:09"]
    assert texts(rows[2]) == ["Überland", "Unknown artist", "3:41"]
    assert covers_ready(rows[0]) == [True] and covers_ready(rows[2]) == []  # no cover: the note icon
    status = shown_named(view, "libraryStatus")
    assert status.property("text") == LIMITED and window.contains(scene_rect(status))
    assert not find(view, "libraryBack").isVisible() and not find(view, "libraryEmpty").isVisible()


@pytest.mark.parametrize("size", ["800x480", "1920x720"])
def test_an_album_opened_from_an_artist_has_a_back_button_and_its_title(qtbot, show, size: str) -> None:
    view, _panel = show(size, True, view='"albums"', tab='"artists"', title='"The Quiet Gears"',
                        canGoBack="true")
    rows = shown_rows(view, "albumRow_")
    qtbot.waitUntil(lambda: all(all(covers_ready(r)) for r in rows), timeout=5_000)
    save(qtbot, view, f"library_albums_{size}_night")
    back, title = shown_named(view, "libraryBack"), shown_named(view, "libraryTitle")
    assert back.height() >= 48 and scene_rect(title).left() >= scene_rect(back).right()
    assert title.property("text") == "The Quiet Gears"
    assert shown_named(view, "libraryStatus").property("text") == "8 songs · 1 file skipped"
    assert [texts(r) for r in rows] == [["Night Drive", "The Quiet Gears", "›"],
                                        ["Northern Coast", "Harbour Lights", "›"],
                                        ["Unknown album", "Unknown artist", "›"]]
    assert [c.property("checked") for c in (shown_named(view, f"libraryTab_{n}") for n in
                                            ("artists", "albums", "songs"))] == [True, False, False]


def test_taps_on_tabs_rows_back_and_play_come_out_as_signals(show) -> None:
    view, _panel = show(view='"artists"', canGoBack="true", title='"Artists"')
    rows = shown_rows(view, "artistRow_")
    assert [texts(r)[:2] for r in rows] == [["H", "Harbour Lights"], ["M", "Mira Sol"], ["?", "Unknown artist"]]
    for item in (rows[0], rows[2], shown_named(view, "libraryTab_albums"), shown_named(view, "libraryTab_songs"),
                 shown_named(view, "libraryBack"), shown_named(view, "libraryPlayAll"),
                 shown_named(view, "libraryShuffle")):
        tap(view, item)
    view2, _panel2 = show(view='"albums"')
    tap(view2, shown_rows(view2, "albumRow_")[1])
    tap(view2, shown_rows(view2, "albumRow_")[2])
    view3, _panel3 = show(view='"songs"')
    tap(view3, shown_rows(view3, "songRow_")[3])
    assert calls(view) == ["artist 'Harbour Lights'", "artist ''", "tab albums", "tab songs", "back", "play all",
                       "shuffle"]
    assert calls(view2) == ["album 'Northern Coast' 'Harbour Lights'", "album '' ''"]
    assert calls(view3) == ["song 3"]


@pytest.mark.parametrize("scanning", [True, False], ids=["scanning", "no_music"])
def test_an_empty_library_shows_why_and_cannot_be_played(qtbot, show, scanning: bool) -> None:
    view, _panel = show("800x480", False, artists="noRows", trackCount="0", lastScanText='""',
                        scanning=str(scanning).lower(), title='"Artists"')
    save(qtbot, view, f"library_empty_{'scanning' if scanning else 'none'}")
    empty = shown_named(view, "libraryEmpty")
    assert empty.property("title") == ("Looking for music…" if scanning else "No music found")
    play = shown_named(view, "libraryPlayAll")
    assert not play.isEnabled()
    tap(view, play)
    assert calls(view) == []
    assert find(view, "libraryStatus").property("text") == ""  # the empty state says it


class Player:
    def __init__(self) -> None:
        self.calls: list[tuple[list[dict], int]] = []

    def playTracks(self, items: list[dict], start: int) -> None:  # noqa: N802 - the MediaStore slot's name
        self.calls.append((items, start))


def test_the_music_app_browses_and_plays_the_scanned_library(qtbot, tasks, tmp_path) -> None:
    music = tmp_path / "music"
    shutil.copytree(bundled_music_dir(), music)
    player = Player()
    library = LibraryStore(tasks, None, player)
    with Store.open(tmp_path / "unit") as store:
        library.attach(store, [music], [], tmp_path / "covers")
        host = AppContext("headunit.music", "en", {"library": library})
        view = QQuickView()
        view.engine().addImportPath(str(QML_DIR))
        view.setInitialProperties({"host": host})
        view.setResizeMode(QQuickView.ResizeMode.SizeRootObjectToView)
        view.resize(1164, 644)
        view.setSource(QUrl.fromLocalFile(str(MUSIC_APP)))
        assert not view.errors(), view.errors()
        try:
            with qtbot.waitExposed(view):
                view.show()
            qtbot.waitUntil(lambda: len(shown_rows(view, "artistRow_")) == 3, timeout=10_000)
            assert shown_named(view, "libraryStatus").property("text") == "6 songs"
            tap(view, shown_rows(view, "artistRow_")[0])
            qtbot.waitUntil(lambda: len(shown_rows(view, "albumRow_")) == 1, timeout=5_000)
            tap(view, shown_rows(view, "albumRow_")[0])
            qtbot.waitUntil(lambda: len(shown_rows(view, "songRow_")) == 3, timeout=5_000)
            assert shown_named(view, "libraryTitle").property("text") == "Northern Coast"
            rows = shown_rows(view, "songRow_")
            qtbot.waitUntil(lambda: all(covers_ready(r) == [True] for r in rows), timeout=5_000)
            save(qtbot, view, "music_app_album")
            tap(view, rows[2])
            [(items, start)] = player.calls
            assert start == 2 and [i["title"] for i in items] == ["Tidewater", "Lighthouse Keeper", "Salt Wind"]
            tap(view, shown_named(view, "libraryBack"))
            assert library.view == "albums"
            tap(view, shown_named(view, "libraryTab_songs"))
            qtbot.waitUntil(lambda: len(shown_rows(view, "songRow_")) == 6, timeout=5_000)
            tap(view, shown_named(view, "libraryShuffle"))
            qtbot.waitUntil(lambda: len(player.calls) == 2, timeout=5_000)
            assert sorted(i["title"] for i in player.calls[1][0]) == sorted(
                ["Tidewater", "Lighthouse Keeper", "Salt Wind", "Overpass", "Sodium Lamps", "Kettle Song"])
        finally:
            library.detach()
            qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
            view.close()
            shiboken6.delete(view)
