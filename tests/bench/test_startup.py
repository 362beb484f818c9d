"""`headunit bench startup` runs both programs and reports its figures as JSON.
No figure is asserted against a time: benchmarks measure, tests check behaviour."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def test_bench_startup_prints_figures_and_their_floor_from_the_same_run():
    result = subprocess.run([sys.executable, "-m", "headunit", "bench", "startup", "--runs", "1", "--json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("first_frame_s", "floor_first_frame_s", "rss_mb", "floor_rss_mb"):
        assert figures[key] > 0, key
    # The ratios come from unrounded figures; the printed figures are rounded.
    assert figures["first_frame_ratio"] == pytest.approx(figures["first_frame_s"] / figures["floor_first_frame_s"], abs=0.01)
    assert figures["rss_ratio"] == pytest.approx(figures["rss_mb"] / figures["floor_rss_mb"], abs=0.01)
    assert figures["first_frame_ratio_target"] == 1.5 and figures["rss_ratio_target"] == 1.5
    assert figures["meets_targets"] == (figures["first_frame_ratio"] <= 1.5 and figures["rss_ratio"] <= 1.5)
