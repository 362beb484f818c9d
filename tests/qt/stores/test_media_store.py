"""MediaStore with a real QMediaPlayer: generated WAV files in tmp_path, streams from small
local servers (one that serves, one that answers 404, one that accepts and never answers),
and the playback state saved in a real store file."""

from __future__ import annotations

import math
import socket
import struct
import threading
import time
import wave
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication

from headunit.core.config import MediaConfig
from headunit.qt.stores.media_saver import SAVE_WHILE_PLAYING_MS
from headunit.qt.stores.media_store import MediaStore
from headunit.services.media.playback_state import load_playback
from headunit.services.store import Store

RATE = 8000
SECONDS = 2.5
WAIT_MS = 10_000
# Qt Multimedia warns when a source cannot be opened, and when a load is cut short because the
# driver moved on before it finished (a normal case, not a failure of the code under test).
INTERRUPTED = r"^Could not open media\. FFmpeg error description: Immediate exit requested"
COULD_NOT_OPEN = r"^Could not open media"
pytestmark = pytest.mark.qt_log_ignore(INTERRUPTED)


def write_wav(path: Path, seconds: float = SECONDS, pitch: float = 440.0) -> Path:
    frames = b"".join(struct.pack("<h", int(6000 * math.sin(2 * math.pi * pitch * i / RATE)))
                      for i in range(int(RATE * seconds)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    return path


def track(path: Path, title: str) -> dict:
    return {"uri": str(path), "title": title, "artist": "Test Artist", "album": "Test Album", "cover": "",
            "durationMs": int(SECONDS * 1000), "kind": "library"}


@pytest.fixture
def music(tmp_path: Path) -> list[dict]:
    folder = tmp_path / "music"
    folder.mkdir()
    return [track(write_wav(folder / f"{i}.wav", pitch=300 + 100 * i), f"Track {i}") for i in range(3)]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "unit") as opened:
        yield opened


@pytest.fixture
def make_player(qapp, tasks, qtbot):
    made = []

    def make(timeout_s: float = 10.0, duck_percent: int = 25) -> MediaStore:
        player = MediaStore(tasks, MediaConfig(stream_timeout_s=timeout_s, duck_percent=duck_percent))
        made.append(player)
        return player

    yield make
    for player in made:
        player.close()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=WAIT_MS)
    for player in made:
        shiboken6.delete(player)  # here, on the GUI thread: not whenever (and wherever) the GC gets to it


@pytest.fixture
def player(make_player) -> MediaStore:
    return make_player()


def started(player: MediaStore) -> bool:
    return player.playing and not player.loading and player.positionMs > 0


def queue_rows(player: MediaStore) -> list[tuple[str, bool]]:
    model = player.queue
    names = {bytes(v).decode(): k for k, v in model.roleNames().items()}
    return [(model.data(model.index(r, 0), names["title"]), model.data(model.index(r, 0), names["current"]))
            for r in range(model.rowCount())]


def test_play_reaches_playing_and_the_position_advances(player, music, qtbot) -> None:
    assert not player.hasTrack and player.title == ""
    player.playTracks(music, 1)
    assert (player.title, player.artist, player.album, player.sourceKind) == (
        "Track 1", "Test Artist", "Test Album", "library")
    assert player.hasTrack and player.loading and player.canNext and player.canPrevious
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    first = player.positionMs
    qtbot.waitUntil(lambda: player.positionMs >= first + 500, timeout=WAIT_MS)
    assert player.durationMs == int(SECONDS * 1000) and player.seekable
    assert queue_rows(player) == [("Track 0", False), ("Track 1", True), ("Track 2", False)]


def test_position_reaches_qml_at_most_about_four_times_a_second(player, music, qtbot) -> None:
    player.playTracks(music, 0)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    notes = []
    player.positionMsChanged.connect(lambda: notes.append(player.positionMs))
    begin = time.monotonic()
    qtbot.waitUntil(lambda: len(notes) >= 3 and notes[-1] >= notes[0] + 700, timeout=WAIT_MS)
    elapsed = time.monotonic() - begin
    assert len(notes) <= elapsed * 4 + 2, (len(notes), elapsed)
    assert notes == sorted(notes)


def test_next_previous_and_seek(player, music, qtbot) -> None:
    player.playTracks(music, 0)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    assert player.canNext and player.canPrevious  # previous restarts the first track
    player.next()
    assert player.title == "Track 1"
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.previous()  # within 3 s: the track before
    assert player.title == "Track 0"
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.next()
    player.next()
    assert player.title == "Track 2" and not player.canNext
    player.next()
    assert player.title == "Track 2"
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(1800)
    assert player.positionMs == 1800
    qtbot.waitUntil(lambda: player.positionMs > 1800, timeout=WAIT_MS)
    player.pause()
    qtbot.waitUntil(lambda: not player.playing, timeout=WAIT_MS)
    player.seek(3500)  # past 3 s of a 2.5 s track: clamped to its end
    assert player.positionMs == int(SECONDS * 1000)


def test_previous_after_three_seconds_restarts_the_track(make_player, tmp_path, qtbot) -> None:
    player = make_player()
    long_one = write_wav(tmp_path / "long.wav", seconds=5.0)
    player.playTracks([track(write_wav(tmp_path / "first.wav"), "First"), track(long_one, "Long")], 1)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(3600)
    qtbot.waitUntil(lambda: player.positionMs > 3600, timeout=WAIT_MS)
    player.previous()
    assert player.title == "Long" and player.positionMs == 0
    qtbot.waitUntil(lambda: player.playing and 0 < player.positionMs < 3000, timeout=WAIT_MS)


def test_shuffle_keeps_the_current_track_and_reorders_the_queue(player, tmp_path, qtbot) -> None:
    many = [track(write_wav(tmp_path / f"s{i}.wav", seconds=1.0), f"Song {i}") for i in range(8)]
    player.playTracks(many, 3)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.setShuffle(True)
    assert player.shuffle and player.title == "Song 3" and player.playing
    rows = queue_rows(player)
    assert rows[0] == ("Song 3", True) and sorted(t for t, _ in rows) == sorted(f"Song {i}" for i in range(8))
    following = [rows[1][0]]
    player.next()
    assert player.title == following[0] and queue_rows(player)[1] == (following[0], True)
    player.setShuffle(False)
    assert [t for t, _ in queue_rows(player)] == [f"Song {i}" for i in range(8)]
    assert player.title == following[0]
    player.setShuffle(True)
    player.playTracks(many, 5)  # a new queue keeps shuffle on, starting with the chosen track
    assert player.shuffle and queue_rows(player)[0] == ("Song 5", True)


def test_the_end_of_a_track_plays_the_next(player, music, qtbot) -> None:
    player.playTracks(music, 0)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(2200)
    qtbot.waitUntil(lambda: player.title == "Track 1" and started(player), timeout=WAIT_MS)


def test_the_queue_ends_rewound_and_paused_without_repeat(player, music, qtbot) -> None:
    player.playTracks(music, 2)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(2200)
    qtbot.waitUntil(lambda: player.title == "Track 0" and not player.playing, timeout=WAIT_MS)
    assert player.positionMs == 0 and not player.loading and player.error == ""


def test_repeat_cycles_and_repeat_one_plays_the_track_again(player, music, qtbot) -> None:
    player.playTracks(music, 2)
    assert player.repeatMode == "off"
    player.cycleRepeat()
    assert player.repeatMode == "all" and player.canNext
    player.cycleRepeat()
    assert player.repeatMode == "one"
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(2200)
    qtbot.waitUntil(lambda: player.positionMs > 2200, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: player.playing and 0 < player.positionMs < 1500, timeout=WAIT_MS)
    assert player.title == "Track 2"
    player.cycleRepeat()
    assert player.repeatMode == "off"


def test_repeat_all_starts_over_after_the_last_track(player, music, qtbot) -> None:
    player.playTracks(music, 2)
    player.cycleRepeat()
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(2200)
    qtbot.waitUntil(lambda: player.title == "Track 0" and started(player), timeout=WAIT_MS)


@pytest.mark.qt_log_ignore(COULD_NOT_OPEN)
def test_a_corrupt_file_in_the_middle_is_skipped_and_counted(player, music, tmp_path, qtbot) -> None:
    broken = tmp_path / "music" / "broken.wav"
    broken.write_bytes(b"RIFF\x10\x00\x00\x00WAVEjunk" + bytes(range(256)) * 8)
    tracks = [music[0], track(broken, "Broken"), music[2]]
    player.playTracks(tracks, 0)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.seek(2200)  # Track 0 ends, the broken one is next
    qtbot.waitUntil(lambda: player.title == "Track 2" and started(player), timeout=WAIT_MS)
    assert player.skippedCount == 1 and player.error == ""


@pytest.mark.qt_log_ignore(COULD_NOT_OPEN)
def test_a_queue_of_one_corrupt_file_stops_with_an_error(player, tmp_path, qtbot) -> None:
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(b"\x00not audio at all\x00" * 64)
    player.playTracks([track(broken, "Broken")], 0)
    qtbot.waitUntil(lambda: player.error != "", timeout=WAIT_MS)
    assert player.error.startswith("This track could not be played: ")
    assert (player.playing, player.loading, player.skippedCount, player.title) == (False, False, 1, "Broken")


@pytest.mark.qt_log_ignore(COULD_NOT_OPEN)
def test_a_queue_where_nothing_plays_stops_instead_of_looping(player, tmp_path, qtbot) -> None:
    broken = [tmp_path / f"broken{i}.ogg" for i in range(3)]
    for path in broken:
        path.write_bytes(b"OggS" + b"\x01" * 300)
    player.playTracks([track(path, path.stem) for path in broken], 0)
    player.cycleRepeat()  # repeat all: skipping could go round for ever
    qtbot.waitUntil(lambda: player.error != "", timeout=WAIT_MS)
    assert player.error.startswith("None of these tracks could be played: ")
    assert player.skippedCount == 3 and not player.playing and not player.loading


def test_bad_tracks_are_refused_with_a_clear_error_and_the_queue_is_kept(player, music, qtbot) -> None:
    player.playTracks(music, 0)
    player.playTracks([{"title": "No file"}], 0)
    assert player.error == "These tracks could not be queued: uri: expected a non-empty string, got None"
    player.playTracks(music, 7)
    assert "index" in player.error
    assert player.title == "Track 0" and player.queue.rowCount() == 3


def test_the_queue_index_and_position_come_back_paused_after_a_restart(make_player, music, tmp_path, qtbot) -> None:
    store = Store.open(tmp_path / "unit")
    first = make_player()
    first.attach(store)
    first.playTracks(music, 0)
    first.setShuffle(True)
    first.cycleRepeat()
    qtbot.waitUntil(lambda: started(first), timeout=WAIT_MS)
    first.next()
    expected_title = first.title
    qtbot.waitUntil(lambda: started(first), timeout=WAIT_MS)
    first.pause()
    first.seek(1234)

    def saved() -> dict | None:
        state = load_playback(store)
        return state if state and state["position_ms"] == 1234 else None

    qtbot.waitUntil(lambda: saved() is not None, timeout=WAIT_MS)
    assert saved()["queue"]["shuffle"] and saved()["queue"]["repeat"] == "all"
    first.close()
    qtbot.waitUntil(lambda: not first.saving, timeout=WAIT_MS)
    store.close()

    with Store.open(tmp_path / "unit") as reopened:
        second = make_player()
        second.attach(reopened)
        qtbot.waitUntil(lambda: second.hasTrack, timeout=WAIT_MS)
        assert (second.title, second.positionMs, second.playing, second.loading) == (expected_title, 1234, False, False)
        assert (second.shuffle, second.repeatMode, second.queue.rowCount()) == (True, "all", 3)
        assert [t for t, current in queue_rows(second) if current] == [expected_title]
        second.play()
        qtbot.waitUntil(lambda: second.playing and second.positionMs > 1234, timeout=WAIT_MS)
        second.close()
        qtbot.waitUntil(lambda: not second.saving, timeout=WAIT_MS)


def test_while_playing_the_position_is_saved_periodically(db, player, tmp_path, qtbot) -> None:
    player.attach(db)
    player.playTracks([track(write_wav(tmp_path / "long.wav", seconds=SAVE_WHILE_PLAYING_MS / 1000 + 1), "Long")], 0)
    # nothing but the periodic save writes a position this far into the track
    qtbot.waitUntil(lambda: (load_playback(db) or {}).get("position_ms", 0) >= SAVE_WHILE_PLAYING_MS * 0.6,
                    timeout=SAVE_WHILE_PLAYING_MS + WAIT_MS)


def test_nothing_saved_restores_nothing(db, player, tasks, qtbot) -> None:
    player.attach(db)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=WAIT_MS)
    assert not player.hasTrack and load_playback(db) is None


@pytest.mark.qt_log_ignore(INTERRUPTED, r"^ignored the saved playback state")
def test_a_corrupt_saved_state_starts_empty_and_is_replaced(db, player, music, tasks, qtbot) -> None:
    db.db.execute("INSERT INTO media_playback (id, state, updated_at) VALUES (1, ?, 1.0)",
                  ['{"queue": {"items": "not a list"}, "position_ms": 5}'])
    db.db.conn.commit()
    player.attach(db)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=WAIT_MS)
    assert not player.hasTrack
    player.playTracks(music, 2)
    qtbot.waitUntil(lambda: load_playback(db) is not None, timeout=WAIT_MS)
    assert load_playback(db)["queue"]["position"] == 2


# -- streams --------------------------------------------------------------------------------------


@pytest.fixture
def http_server(tmp_path: Path) -> Iterator[str]:
    """Serves tmp_path/www over HTTP on 127.0.0.1 (404 for what is not there)."""
    www = tmp_path / "www"
    www.mkdir()
    write_wav(www / "station.wav", seconds=3.0)
    handler = partial(SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/live.mp3"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def station(url: str) -> dict:
    return {"uri": url, "title": "Radio Test", "artist": "Jazz", "album": "", "cover": "", "durationMs": 0}


def test_a_stream_is_loading_until_it_plays(player, http_server, qtbot) -> None:
    player.playStream(station(f"{http_server}/station.wav"))
    assert (player.sourceKind, player.title, player.loading, player.playing) == ("stream", "Radio Test", True, False)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    assert player.error == "" and not player.canNext


def test_a_stream_that_never_answers_ends_in_a_clear_error(make_player, silent_server, qtbot) -> None:
    player = make_player(timeout_s=1.0)
    player.playStream(station(silent_server))
    assert player.loading
    qtbot.waitUntil(lambda: player.error != "", timeout=WAIT_MS)
    assert player.error == "The station could not be played: it did not start within 1 s"
    assert (player.loading, player.playing, player.hasTrack) == (False, False, True)


@pytest.mark.qt_log_ignore(COULD_NOT_OPEN)
def test_a_stream_answering_404_ends_in_a_clear_error(player, http_server, qtbot) -> None:
    player.playStream(station(f"{http_server}/gone.mp3"))
    qtbot.waitUntil(lambda: player.error != "", timeout=WAIT_MS)
    assert player.error == "The station could not be played: it could not be opened"
    assert not player.loading and not player.playing
    player.playStream(station(f"{http_server}/station.wav"))  # the next station clears the error
    assert player.error == ""
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)


# -- steering wheel, focus, video -----------------------------------------------------------------


def test_steering_wheel_media_actions(player, music, qtbot) -> None:
    player.playTracks(music, 0)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.mediaAction("PLAY")
    qtbot.waitUntil(lambda: not player.playing, timeout=WAIT_MS)
    player.mediaAction("PLAY")
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.mediaAction("SKIP_FORWARD")
    assert player.title == "Track 1"
    player.mediaAction("SKIP_BACKWARD")
    assert player.title == "Track 0"
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.mediaAction("UNKNOWN")
    player.mediaAction("EJECT")
    assert player.title == "Track 0" and player.playing
    player.mediaAction("STOP")
    qtbot.waitUntil(lambda: not player.playing, timeout=WAIT_MS)
    player.mediaAction("STOP")
    assert not player.playing and player.title == "Track 0"


def test_a_prompt_and_a_call_lower_the_music_until_both_are_over(make_player, music, qtbot) -> None:
    player = make_player(duck_percent=20)
    output = player.audio_output
    player.playTracks(music, 0)
    full = output.volume()
    assert full == pytest.approx(player.volume) and not player.ducked
    call = player.request_focus("call")
    assert output.volume() == pytest.approx(full * 0.2) and player.ducked
    prompt = player.request_focus("navigation")
    player.release_focus(prompt)
    assert output.volume() == pytest.approx(full * 0.2) and player.ducked
    player.release_focus(call)
    assert output.volume() == pytest.approx(full) and not player.ducked
    player.setVolume(0.5)
    player.request_focus("navigation")
    assert output.volume() == pytest.approx(0.1)


def test_a_video_pauses_the_music_and_it_does_not_resume_by_itself(player, music, qtbot) -> None:
    player.playTracks(music, 0)
    qtbot.waitUntil(lambda: started(player), timeout=WAIT_MS)
    player.set_video_active(True)
    qtbot.waitUntil(lambda: not player.playing, timeout=WAIT_MS)
    paused_at = player.positionMs
    player.set_video_active(False)
    QCoreApplication.processEvents()
    assert not player.playing and not player.loading and player.positionMs == paused_at
    player.play()
    qtbot.waitUntil(lambda: player.playing and player.positionMs > paused_at, timeout=WAIT_MS)
