"""headunit.bench.media_scan: a small run reports its figures and counts (speed is not asserted)."""

from __future__ import annotations

import mutagen

from headunit.bench.media_scan import TARGET_TRACKS_PER_S, build_library, measure_scan


def test_a_small_run_reports_rates_floor_and_counts(tmp_path):
    figures = measure_scan(tmp_path, files=60)
    assert set(figures) == {"scan_tracks_per_s", "scan_target_per_s", "files", "added", "skipped", "seconds",
                            "floor_files_per_s", "ratio", "rescan_unchanged_files_per_s", "rescan_unchanged",
                            "rescan_seconds"}
    assert (figures["files"], figures["added"], figures["skipped"], figures["rescan_unchanged"]) == (60, 59, 1, 59)
    assert figures["scan_target_per_s"] == TARGET_TRACKS_PER_S
    assert figures["seconds"] > 0 and figures["rescan_seconds"] > 0
    assert figures["scan_tracks_per_s"] > 0 and figures["floor_files_per_s"] > 0
    assert abs(figures["ratio"] - figures["scan_tracks_per_s"] / figures["floor_files_per_s"]) < 0.01


def test_the_generated_library_is_tagged_per_song_with_one_broken_file_in_a_hundred(tmp_path):
    broken = build_library(tmp_path, 200)
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert (len(files), broken) == (200, 2)
    titles = set()
    for path in files:
        try:
            audio = mutagen.File(path, easy=True)
        except mutagen.MutagenError:
            continue
        if audio is not None:
            titles.add(audio["title"][0])
    assert len(titles) == 198
    assert len({p.parent for p in files}) == 10  # 20 songs to an album folder
