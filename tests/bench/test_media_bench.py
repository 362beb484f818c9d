"""`headunit bench media`: a small run gives every figure with the floor it is compared against."""

from __future__ import annotations

import json

from headunit.bench.media import run
from headunit.cli import main


def test_a_short_run_reports_scan_launcher_switch_and_track_start_with_their_floors():
    report = run(files=60, rounds=3)
    assert report["scan"]["files"] == 60 and report["scan"]["skipped"] >= 1
    assert report["scan"]["added"] + report["scan"]["skipped"] == 60
    assert report["scan_tracks_per_s"] > 0 and report["scan"]["floor_files_per_s"] > 0
    ui = report["ui"]
    assert ui["rounds"] == 3
    for name in ("launcher_open", "app_switch", "track_start"):
        assert report[f"{name}_ms_p95"] == ui[f"{name}_ms"]["p95"] > 0
        assert ui[f"ratio_{name}"] > 0
    assert ui["floor_tap_ms_p95"] > 0 and ui["floor_player_start_ms_p95"] > 0
    assert ui["targets_ms"] == {"launcher_open": 100, "app_switch": 100, "track_start": 150}


def test_the_command_prints_one_json_object(capsys):
    assert main(["bench", "media", "--files", "40", "--rounds", "1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {"scan_tracks_per_s", "launcher_open_ms_p95", "app_switch_ms_p95", "track_start_ms_p95"} <= set(report)
