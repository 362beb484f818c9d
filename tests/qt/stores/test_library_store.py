"""LibraryStore: a real store and the bundled sample songs in a temporary folder, scanned on the
real TaskRunner; browsing, playing through a recording player, rescans when a watched folder
changes, and lists cut while the car moves (a RestrictionsStore fed real vehicle samples)."""

from __future__ import annotations

import logging
import random
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from headunit.core.config import RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, SignalState, make_sample
from headunit.qt.stores.library_store import LibraryStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.services.media.library import bundled_music_dir

TITLES = ["Kettle Song", "Lighthouse Keeper", "Overpass", "Salt Wind", "Sodium Lamps", "Tidewater"]
COAST = Path("harbour-lights/northern-coast")


class Recorder:
    """A player that notes what it was asked to play."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[dict], int]] = []

    def playTracks(self, items: list[dict], start: int) -> None:  # noqa: N802 - the MediaStore slot's name
        self.calls.append((items, start))


class Vehicle:
    """Real VSS samples into a RestrictionsStore, as the vehicle feed delivers them."""

    def __init__(self, max_list_items: int = 21) -> None:
        self.signals = SignalState()
        self.restrictions = RestrictionsStore(RestrictionLimits(max_list_items=max_list_items), self.signals)
        self.t = 1.0

    def feed(self, speed: float, gear: int, brake: bool) -> None:
        self.t += 1.0
        changed = self.signals.apply_all([
            make_sample("Vehicle.Speed", speed, self.t),
            make_sample("Vehicle.Powertrain.Transmission.SelectedGear", gear, self.t),
            make_sample("Vehicle.Chassis.ParkingBrake.IsEngaged", brake, self.t)])
        self.restrictions.on_signals_changed(changed)

    def park(self) -> None:
        self.feed(0.0, GEAR_PARK, True)

    def drive(self) -> None:
        self.feed(50.0, GEAR_DRIVE, False)


@pytest.fixture
def music(tmp_path: Path) -> Path:
    folder = tmp_path / "music"
    shutil.copytree(bundled_music_dir(), folder)
    return folder


@pytest.fixture
def make(qtbot, tasks, store, tmp_path: Path):
    """make(music_dirs, max_list_items=21, parked=True) -> (library, player, vehicle), scanned once."""
    made: list[LibraryStore] = []

    def build(music_dirs: list[Path], max_list_items: int = 21, parked: bool = True):
        vehicle = Vehicle(max_list_items)
        if parked:
            vehicle.park()
        player = Recorder()
        library = LibraryStore(tasks, vehicle.restrictions, player, rng=random.Random(3))
        made.append(library)
        library.attach(store, music_dirs, [], tmp_path / "covers")
        qtbot.waitUntil(lambda: library.lastScanText != "" and not library.scanning, timeout=10_000)
        return library, player, vehicle

    yield build
    for library in made:
        library.detach()
    settle(qtbot, tasks)


def names(model, role: str = "title") -> list[str]:
    return [row[role] for row in model.rows]


def settle(qtbot, tasks) -> None:
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)


def test_attach_scans_in_the_background_and_lists_the_artists(qtbot, tasks, make, music):
    library, _player, _vehicle = make([music])
    settle(qtbot, tasks)
    assert (library.trackCount, library.skippedCount, library.lastScanText) == (6, 0, "6 songs")
    assert (library.view, library.tab, library.title, library.canGoBack) == ("artists", "artists", "Artists", False)
    assert library.artists.rows == [
        {"name": "Harbour Lights", "detail": "1 album · 3 songs"},
        {"name": "Mira Sol", "detail": "1 album · 1 song"},
        {"name": "The Quiet Gears", "detail": "1 album · 2 songs"},
    ]
    assert library.albums.rows == [] and library.songs.rows == []


def test_browse_an_artist_then_an_album_and_back(qtbot, tasks, make, music):
    library, _player, _vehicle = make([music])
    library.openArtist("Harbour Lights")
    assert (library.view, library.title, library.canGoBack) == ("albums", "Harbour Lights", True)
    qtbot.waitUntil(lambda: names(library.albums) == ["Northern Coast"], timeout=5_000)
    cover = library.albums.rows[0]["coverUrl"]
    assert cover.startswith("file://") and Path(QUrl(cover).toLocalFile()).is_file()
    library.openAlbum("Northern Coast", "Harbour Lights")
    assert (library.view, library.tab, library.title) == ("songs", "artists", "Northern Coast")
    qtbot.waitUntil(lambda: len(library.songs.rows) == 3, timeout=5_000)
    assert names(library.songs) == ["Tidewater", "Lighthouse Keeper", "Salt Wind"]  # album order
    assert [row["durationText"] for row in library.songs.rows] == ["0:09", "0:08", "0:07"]
    library.back()
    assert (library.view, library.title) == ("albums", "Harbour Lights")
    qtbot.waitUntil(lambda: names(library.albums) == ["Northern Coast"], timeout=5_000)
    library.back()
    library.back()  # nothing further back: stays
    assert (library.view, library.canGoBack) == ("artists", False)


def test_tabs_show_every_album_and_every_song_by_title(qtbot, tasks, make, music):
    library, _player, _vehicle = make([music])
    library.showAlbums()
    qtbot.waitUntil(lambda: len(library.albums.rows) == 3, timeout=5_000)
    assert [(r["title"], r["artist"], r["coverUrl"] != "") for r in library.albums.rows] == [
        ("Night Drive", "The Quiet Gears", True), ("Northern Coast", "Harbour Lights", True),
        ("Small Hours", "Mira Sol", False)]
    library.showSongs()
    assert (library.view, library.tab, library.title) == ("songs", "songs", "Songs")
    qtbot.waitUntil(lambda: len(library.songs.rows) == 6, timeout=5_000)
    assert names(library.songs) == TITLES
    assert library.albums.rows == []


def test_playing_a_song_queues_the_list_on_screen_from_that_row(qtbot, tasks, make, music):
    library, player, _vehicle = make([music])
    library.openAlbum("Northern Coast", "Harbour Lights")
    qtbot.waitUntil(lambda: len(library.songs.rows) == 3, timeout=5_000)
    library.playSong(1)
    ((items, start),) = player.calls
    assert start == 1
    assert [i["title"] for i in items] == ["Tidewater", "Lighthouse Keeper", "Salt Wind"]
    first = items[0]
    assert QUrl(first["uri"]).toLocalFile() == str(music / COAST / "01-tidewater.ogg")
    assert (first["artist"], first["album"], first["kind"]) == ("Harbour Lights", "Northern Coast", "library")
    assert first["durationMs"] == 8660 and Path(QUrl(first["cover"]).toLocalFile()).is_file()
    library.playSong(3)  # no such row
    assert len(player.calls) == 1


def test_play_all_and_shuffle_queue_every_song_under_the_current_place(qtbot, tasks, make, music):
    library, player, _vehicle = make([music])
    library.playAll()
    qtbot.waitUntil(lambda: len(player.calls) == 1, timeout=5_000)
    assert [i["title"] for i in player.calls[0][0]] == TITLES and player.calls[0][1] == 0
    library.openArtist("The Quiet Gears")
    library.shuffleAll()
    qtbot.waitUntil(lambda: len(player.calls) == 2, timeout=5_000)
    assert sorted(i["title"] for i in player.calls[1][0]) == ["Overpass", "Sodium Lamps"]
    library.showArtists()
    for _ in range(3):
        library.shuffleAll()
    qtbot.waitUntil(lambda: len(player.calls) == 5, timeout=5_000)
    orders = [[i["title"] for i in items] for items, _start in player.calls[2:]]
    assert all(sorted(order) == TITLES for order in orders)
    assert any(order != TITLES for order in orders)  # three shuffles of six songs are not all in order


def test_a_corrupt_file_is_counted_and_the_rest_listed(qtbot, tasks, make, music):
    (music / "broken.mp3").write_bytes(b"not audio at all" * 100)
    library, _player, _vehicle = make([music])
    assert (library.trackCount, library.skippedCount) == (6, 1)
    assert library.lastScanText == "6 songs · 1 file skipped"


def test_a_file_dropped_into_a_watched_subfolder_is_found(qtbot, tasks, make, music):
    library, _player, _vehicle = make([music])
    library.showSongs()
    shutil.copyfile(music / COAST / "03-salt-wind.flac", music / COAST / "04-salt-wind-again.flac")
    qtbot.waitUntil(lambda: library.trackCount == 7, timeout=10_000)
    qtbot.waitUntil(lambda: len(library.songs.rows) == 7, timeout=5_000)
    # a new subfolder is watched after the rescan that found it
    (music / "new-artist").mkdir()
    qtbot.waitUntil(lambda: str(music / "new-artist") in library.watched_folders, timeout=10_000)
    shutil.copyfile(music / COAST / "01-tidewater.ogg", music / "new-artist" / "song.ogg")
    qtbot.waitUntil(lambda: library.trackCount == 8, timeout=10_000)
    (music / COAST / "04-salt-wind-again.flac").unlink()
    qtbot.waitUntil(lambda: library.trackCount == 7, timeout=10_000)
    assert library.lastScanText == "7 songs"


def test_a_file_still_being_copied_is_read_again_once_it_is_whole(qtbot, tasks, make, tmp_path, music):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    library, _player, _vehicle = make([incoming])
    whole = (music / COAST / "02-lighthouse-keeper.mp3").read_bytes()
    song = incoming / "song.mp3"
    with song.open("wb") as copy:
        copy.write(whole[:4000])  # the folder watch hears the file appear; the copy goes on
        copy.flush()
        qtbot.waitUntil(lambda: library.skippedCount == 1, timeout=10_000)  # read while incomplete
        copy.write(whole[4000:])  # a write to a file: no folder change, only its modification time
    qtbot.waitUntil(lambda: library.trackCount == 1, timeout=10_000)
    assert (library.skippedCount, library.lastScanText) == (0, "1 song")


def test_a_missing_folder_is_no_crash_and_is_found_once_it_appears(qtbot, tasks, make, tmp_path, music):
    later = tmp_path / "usb"
    library, _player, _vehicle = make([later])
    assert (library.trackCount, library.lastScanText, library.scanning) == (0, "0 songs", False)
    staging = tmp_path / "staging"
    staging.mkdir()
    shutil.copyfile(music / COAST / "02-lighthouse-keeper.mp3", staging / "song.mp3")
    staging.rename(later)  # appears at once, as a mounted stick does
    qtbot.waitUntil(lambda: library.trackCount == 1, timeout=10_000)


def test_rescans_never_overlap_and_at_most_one_waits(qtbot, tasks, store, tmp_path, music, caplog):
    caplog.set_level(logging.INFO, logger="headunit.media")
    library = LibraryStore(tasks, None, Recorder())
    library.attach(store, [music], [], tmp_path / "covers")
    assert library.scanning
    for _ in range(4):
        library.rescan()  # the first scan's result can only arrive through the event loop: still scanning
    qtbot.waitUntil(lambda: not library.scanning and tasks.pending == 0, timeout=10_000)
    library.detach()
    scans = [r.getMessage() for r in caplog.records if r.getMessage().startswith("media scan: ")
             and " added, " in r.getMessage()]
    assert len(scans) == 2
    assert "(6 added," in scans[0] and "(0 added, 0 updated, 6 unchanged" in scans[1]


def test_lists_are_cut_while_moving_and_whole_when_parked(qtbot, tasks, make, music):
    library, player, vehicle = make([music], max_list_items=2, parked=False)  # no data yet: moving
    library.showSongs()
    qtbot.waitUntil(lambda: len(library.songs.rows) == 2, timeout=5_000)
    assert names(library.songs) == TITLES[:2]
    assert library.limitedText == "Showing 2 of 6 — more when parked"
    library.playSong(4)  # not on screen
    assert player.calls == []
    with qtbot.waitSignal(library.changed, timeout=1_000):
        vehicle.park()
    assert names(library.songs) == TITLES and library.limitedText == ""
    library.playSong(4)
    assert player.calls[0][1] == 4 and len(player.calls[0][0]) == 6
    with qtbot.waitSignal(library.changed, timeout=1_000):
        vehicle.drive()
    assert len(library.songs.rows) == 2 and library.limitedText == "Showing 2 of 6 — more when parked"
    library.showArtists()
    qtbot.waitUntil(lambda: len(library.artists.rows) == 2, timeout=5_000)
    assert library.limitedText == "Showing 2 of 3 — more when parked"
