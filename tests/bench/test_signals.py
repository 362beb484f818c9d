"""`headunit bench signals` runs end to end and reports its figures with the floor."""

from __future__ import annotations

import json
import subprocess
import sys


def test_bench_signals_reports_latency_load_and_drops_against_a_floor():
    result = subprocess.run([sys.executable, "-m", "headunit", "bench", "signals", "--seconds", "1", "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["frames_sent"] == 1000
    assert figures["dropped"] == figures["frames_sent"] - figures["frames_received"]
    assert figures["qml_updates_measured"] > 0
    assert figures["latency_p99_ms"] >= figures["latency_p50_ms"] > 0
    assert figures["floor_latency_p99_ms"] >= figures["floor_latency_p50_ms"] > 0
    assert 0 < figures["gui_busy_pct"] <= 100
    assert figures["meets_targets"] == (figures["latency_p99_ms"] <= 50 and figures["gui_busy_pct"] <= 25
                                        and figures["dropped"] == 0)
