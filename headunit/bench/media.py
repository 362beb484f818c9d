"""`headunit bench media`: the library scan, the launcher and apps, and starting a track.

Prints one JSON object: `scan_tracks_per_s` over a generated library (bench/media_scan.py)
with its floor (listing, stat and a 4 KB read of every file), and from a fresh offscreen
head unit `launcher_open_ms_p95`, `app_switch_ms_p95` and `track_start_ms_p95`
(bench/media_ui.py) with their floors, each measured in the same run.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .ui_taps import run_child

CHILD_TIMEOUT_S = 300.0


def measure_ui(rounds: int = 20) -> dict[str, Any]:
    """Run the UI part in a fresh process and return its figures (RuntimeError if it fails)."""
    if rounds < 1:
        raise ValueError(f"rounds must be at least 1, got {rounds}")
    return run_child("headunit.bench.media_ui", ["--rounds", str(rounds)], CHILD_TIMEOUT_S, "media UI")


def run(files: int = 2000, rounds: int = 20) -> dict[str, Any]:
    from headunit.bench.media_scan import measure_scan

    quiet, logger = logging.NullHandler(), logging.getLogger("headunit")
    logger.addHandler(quiet)  # the generated library's broken files are counted, not printed
    start = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory(prefix="headunit-bench-media-") as tmp:
            scan = measure_scan(Path(tmp), files)
    finally:
        logger.removeHandler(quiet)
    ui = measure_ui(rounds)
    return {"scan_tracks_per_s": scan["scan_tracks_per_s"], "launcher_open_ms_p95": ui["launcher_open_ms_p95"],
            "app_switch_ms_p95": ui["app_switch_ms_p95"], "track_start_ms_p95": ui["track_start_ms_p95"],
            "scan": scan, "ui": ui, "elapsed_s": round(time.perf_counter() - start, 1)}


def main(files: int = 2000, rounds: int = 20) -> int:
    try:
        report = run(files, rounds)
    except (RuntimeError, OSError) as error:
        print(f"headunit: bench media: {error}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=2))
    return 0
