"""`headunit bench media`, the UI part: opening the launcher, switching apps, starting a track.

A fresh process (``python -m headunit.bench.media_ui``, Qt's offscreen platform, 1280x720)
builds and starts the whole head unit as the app does, on a parked car, with its bundled
music library, and drives it by taps at the items' centres (bench/ui_taps.py):

- launcher_open: the rail's Apps button, from Home, to the first swapped frame showing the
  launcher grid with its tiles (the first open includes loading the view, as a driver meets it);
- app_switch: a launcher tile to the first frame showing that app running, alternating
  between the Music and Trip apps, so each launch replaces the other app;
- track_start: a song row in the Music app to playing: the store shows the new track playing
  and no longer loading, which it does once the player is playing with its media buffered
  (decoded audio is being handed on) or its position has moved past 0.

Floors, in the same process: tap to frame on a bare QQuickView (ui_taps.floor_taps) for the
two screen figures, and for track_start a bare QMediaPlayer started on the same files
(setSource + play until it is playing with its media buffered, the same condition).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .map_frames import _percentile
from .ui_taps import Taps, floor_taps, head_unit_app, named, running_head_unit

SIZE = "1280x720"
APPS = ("headunit.music", "headunit.trip")
APP_ROOTS = {"headunit.music": "musicLibraryPanel", "headunit.trip": "odometerValue"}
PARKED = """\
name: parked-for-media-bench
description: parked, engine on
duration: 60:00
powertrain: combustion
0:00  speed          0
0:00  gear           P
0:00  parking-brake  true
0:00  fuel           40
"""


def _ms(values: list[float]) -> dict[str, float]:
    return {"p50": round(_percentile(values, 50), 2), "p95": round(_percentile(values, 95), 2),
            "max": round(max(values, default=0.0), 2)}


class _Driver:
    def __init__(self, ui: Any, taps: Taps) -> None:
        self.ui = ui
        self.taps = taps
        self.root = ui.window.contentItem()
        self.media = ui.startup.media_apps.media
        self.apps = ui.startup.media_apps.apps

    def _item(self, name: str) -> Any:
        return named(self.root, name)

    def launcher_open(self) -> float:
        self.ui.shell.openArea("home")
        self.taps.wait_until(lambda: self._item("tile_media") is not None, "Home")
        button = self.taps.press(lambda: self._item("rail_apps"), "the rail's Apps button")
        self.apps.showLauncher()
        return self.taps.timed(button, self._grid_shown, "Apps -> launcher")

    def _grid_shown(self) -> bool:
        grid = self._item("launcherGrid")
        return grid is not None and self.ui.shell.currentArea == "apps" and any(
            self._item(f"launcherTile_{app}") is not None for app in APPS)

    def app_switch(self, app_id: str) -> float:
        if self.ui.shell.currentArea != "apps" or not self._grid_shown():
            self.ui.shell.openArea("apps")
            self.apps.showLauncher()
            self.taps.wait_until(self._grid_shown, "the launcher grid")
        tile = self.taps.press(lambda: self._item(f"launcherTile_{app_id}"), f"the {app_id} tile")
        return self.taps.timed(tile, lambda: self._running(app_id), f"tile -> {app_id}")

    def _running(self, app_id: str) -> bool:
        return self.apps.currentAppId == app_id and self._item(APP_ROOTS[app_id]) is not None

    def track_start(self, row: int) -> float:
        if not self._running("headunit.music"):
            self.ui.shell.openArea("apps")
            self.apps.launch("headunit.music")
        self.taps.wait_until(lambda: self._running("headunit.music"), "the Music app")
        songs_tab = self.taps.press(lambda: self._item("libraryTab_songs"), "the Songs tab")
        self.taps.tap(songs_tab)
        self.taps.wait_until(lambda: self._item(f"songRow_{row}") is not None, f"song row {row}")
        self.media.pause()
        self.taps.wait_until(lambda: not self.media.playing, "the player to pause")
        song = self.taps.press(lambda: self._item(f"songRow_{row}"), f"song row {row}")
        expected = self.ui.startup.media_apps.library.songs.data(
            self.ui.startup.media_apps.library.songs.index(row, 0), _title_role(self.ui.startup.media_apps.library.songs))
        start = time.perf_counter()
        self.taps.tap(song)
        self.taps.wait_until(lambda: self.media.playing and not self.media.loading and self.media.title == expected,
                             f"song {row} to play")
        return (time.perf_counter() - start) * 1000


def _title_role(model: Any) -> int:
    return next(role for role, name in model.roleNames().items() if bytes(name) == b"title")


def _head_unit(root: Path, rounds: int) -> dict[str, list[float]]:
    from PySide6.QtGui import QGuiApplication

    from headunit.core.config import Config, with_overrides
    from headunit.qt.tasks import TaskRunner, install_event_loop

    scenario = root / "parked.scenario"
    scenario.write_text(PARKED)
    config = with_overrides(Config(), {
        "paths.data_dir": str(root / "unit"), "display.size": SIZE, "vehicle.scenario": str(scenario),
        "features.map": False, "features.payments": False,
        "backend.url": "http://127.0.0.1:9",  # nothing listens: the bench measures the unit, offline
    })
    tasks = TaskRunner(install_event_loop(QGuiApplication.instance()))
    try:
        with running_head_unit(config, tasks, "home") as (ui, taps):
            return _drive(ui, taps, rounds)
    finally:
        tasks.shutdown()


def _drive(ui: Any, taps: Taps, rounds: int) -> dict[str, list[float]]:
    """Time `rounds` launcher opens, app switches and track starts."""
    media_apps = ui.startup.media_apps
    taps.wait_until(lambda: media_apps.apps.property("ready") and media_apps.library.trackCount > 0,
                    "the apps and the music library")
    driver = _Driver(ui, taps)
    samples: dict[str, list[float]] = {"launcher_open": [], "app_switch": [], "track_start": []}
    for _ in range(rounds):
        samples["launcher_open"].append(driver.launcher_open())
    for number in range(rounds):
        samples["app_switch"].append(driver.app_switch(APPS[number % len(APPS)]))
    songs = media_apps.library.trackCount
    for number in range(rounds):
        samples["track_start"].append(driver.track_start(number % min(songs, 4)))
    media_apps.media.pause()
    return samples


def _player_floor(files: list[Path], count: int) -> list[float]:
    """A bare QMediaPlayer: setSource + play until playing with its media buffered, `count` times."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer

    from headunit.qt.native_player import native_player

    holder = QEventLoop()  # a parent for the player
    player = native_player(holder)
    ms = []
    for number in range(count):
        loop = QEventLoop()
        started: list[float] = []

        def check(*_args: object, started: list[float] = started, loop: QEventLoop = loop) -> None:
            if not started and player.playbackState() == QMediaPlayer.PlaybackState.PlayingState and (
                    player.mediaStatus() == QMediaPlayer.MediaStatus.BufferedMedia or player.position() > 0):
                started.append(time.perf_counter())
                loop.quit()

        player.mediaStatusChanged.connect(check)
        player.positionChanged.connect(check)
        QTimer.singleShot(10_000, loop.quit)
        start = time.perf_counter()
        player.setSource(QUrl.fromLocalFile(str(files[number % len(files)])))
        player.play()
        if not started:
            loop.exec()
        player.mediaStatusChanged.disconnect(check)
        player.positionChanged.disconnect(check)
        player.stop()
        if not started:
            raise RuntimeError("the bare player did not start within 10 s")
        ms.append((started[0] - start) * 1000)
    return ms


def figures(samples: dict[str, list[float]], tap_floor: list[float], player_floor: list[float]) -> dict[str, Any]:
    tap_p95, player_p95 = _percentile(tap_floor, 95), _percentile(player_floor, 95)

    def ratio(values: list[float], floor: float) -> float | None:
        return round(_percentile(values, 95) / floor, 2) if floor > 0 else None

    return {
        "size": SIZE,
        "launcher_open_ms_p95": round(_percentile(samples["launcher_open"], 95), 2),
        "app_switch_ms_p95": round(_percentile(samples["app_switch"], 95), 2),
        "track_start_ms_p95": round(_percentile(samples["track_start"], 95), 2),
        "targets_ms": {"launcher_open": 100, "app_switch": 100, "track_start": 150},
        "launcher_open_ms": _ms(samples["launcher_open"]),
        "app_switch_ms": _ms(samples["app_switch"]),
        "track_start_ms": _ms(samples["track_start"]),
        "rounds": len(samples["launcher_open"]),
        "floor_tap_ms_p95": round(tap_p95, 2),
        "floor_player_start_ms_p95": round(player_p95, 2),
        "ratio_launcher_open": ratio(samples["launcher_open"], tap_p95),
        "ratio_app_switch": ratio(samples["app_switch"], tap_p95),
        "ratio_track_start": ratio(samples["track_start"], player_p95),
    }


def child_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m headunit.bench.media_ui")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtQuick import QQuickWindow  # noqa: F401 - root objects come back as QQuickWindow

    from headunit.services.media.library import AUDIO_EXTENSIONS, bundled_music_dir

    app = head_unit_app()  # noqa: F841 - kept alive for the run
    try:
        with tempfile.TemporaryDirectory(prefix="headunit-bench-media-ui-") as tmp:
            samples = _head_unit(Path(tmp), args.rounds)
            taps = floor_taps(Path(tmp), 2 * args.rounds, SIZE)
            files = sorted(p for p in bundled_music_dir().rglob("*") if p.suffix.lower() in AUDIO_EXTENSIONS)
            players = _player_floor(files[:4], args.rounds)
    except Exception as error:  # noqa: BLE001 - the parent reports it
        print(f"headunit: bench media UI: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(json.dumps(figures(samples, taps, players)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(child_main())
