"""`headunit bench startup`: the head unit's first frame and peak memory against a
bare PySide6 QML window measured in the same run (the floor).

Each run is a fresh process with `--platform offscreen`. first_frame_s is the wall
time from just before the process is spawned to its first swapped frame (so it
includes the interpreter and imports); rss_mb is the process's own peak resident
set: the head unit reports its VmHWM as it exits, because wait4's figure would also
take in the local reference backend it starts as a child process (a separate
program, not the head unit's memory); the floor, which has no children, is taken
from wait4. The head unit runs until its start-up work is done (storage open,
vehicle connected), so its peak includes that; the floor exits at its first frame. One untimed warm-up
run of each fills the QML disk cache, as on a unit that has started before.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TARGET_FIRST_FRAME_RATIO = 1.5
TARGET_RSS_RATIO = 1.5


@dataclass(frozen=True)
class Sample:
    first_frame_s: float
    rss_mb: float


def _measure(argv: list[str], env: dict[str, str]) -> Sample:
    start = time.time()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err.decode(errors='replace').strip()[-500:]}")
    reports = [json.loads(line) for line in out.decode().splitlines() if line.startswith("{")]
    first_frame = next((r["first_frame_epoch"] for r in reports if "first_frame_epoch" in r), None)
    if first_frame is None:
        raise RuntimeError(f"{' '.join(argv)} reported no first frame")
    own_peak_kb = next((r["peak_rss_kb"] for r in reports if "peak_rss_kb" in r), usage.ru_maxrss)
    return Sample(first_frame - start, own_peak_kb / 1024)


def run(runs: int = 5) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="headunit-bench-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(Path(tmp) / "config"))
        app_argv = [sys.executable, "-m", "headunit", "run", "--platform", "offscreen",
                    "--data-dir", str(Path(tmp) / "data"), "--bench-report"]
        floor_argv = [sys.executable, "-m", "headunit.bench.floor", "-platform", "offscreen"]
        online = _measure(app_argv[:-1] + ["--bench-report=online"], env)
        _measure(app_argv, env)
        _measure(floor_argv, env)
        app: list[Sample] = []
        floor: list[Sample] = []
        for _ in range(runs):  # interleaved, so load on the machine hits both alike
            app.append(_measure(app_argv, env))
            floor.append(_measure(floor_argv, env))
    first_frame = statistics.median(s.first_frame_s for s in app)
    floor_first_frame = statistics.median(s.first_frame_s for s in floor)
    rss = max(s.rss_mb for s in app)
    floor_rss = max(s.rss_mb for s in floor)
    result: dict[str, object] = {
        "benchmark": "startup",
        "runs": runs,
        "first_frame_s": round(first_frame, 4),
        "floor_first_frame_s": round(floor_first_frame, 4),
        "first_frame_ratio": round(first_frame / floor_first_frame, 3),
        "first_frame_ratio_target": TARGET_FIRST_FRAME_RATIO,
        "rss_mb": round(rss, 1),
        "floor_rss_mb": round(floor_rss, 1),
        "rss_ratio": round(rss / floor_rss, 3),
        "rss_ratio_target": TARGET_RSS_RATIO,
        # Informational (no target): the head unit's own peak once the local backend's health
        # check has answered, i.e. with the HTTP stack and the backend client loaded.
        "rss_online_mb": round(online.rss_mb, 1),
        "rss_online_ratio": round(online.rss_mb / floor_rss, 3),
    }
    result["meets_targets"] = (result["first_frame_ratio"] <= TARGET_FIRST_FRAME_RATIO
                               and result["rss_ratio"] <= TARGET_RSS_RATIO)
    return result


def main(runs: int = 5) -> int:
    try:
        result = run(runs)
    except RuntimeError as exc:
        print(f"headunit: bench startup failed: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0
