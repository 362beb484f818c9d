"""The map frame benchmark runs end to end on the Helsinki map and reports every figure."""

from __future__ import annotations

import pytest

from headunit.bench.map_frames import bench_frames


def test_bench_frames_reports_frame_timings_python_time_and_tiles(qapp, helsinki_map):
    figures = bench_frames(helsinki_map, seconds=0.5, size=(800, 480))
    assert figures["size"] == "800x480"
    assert figures["frames"] > 5
    assert 0 < figures["frame_p50_ms"] <= figures["frame_p95_ms"] <= figures["frame_max_ms"]
    assert figures["floor_frame_p95_ms"] > 0
    assert figures["gui_python_ms_per_frame"] >= 0 and figures["gui_python_calls"] >= 1
    assert figures["tiles_requested"] >= figures["tiles_rendered"] > 0  # a cold cache: some were drawn
    assert 0 < figures["tile_render_ms_p50"] <= figures["tile_render_ms_p95"]
    assert 0 <= figures["cache_hit_ratio"] <= 1
    assert (figures["frame_p95_target_ms"], figures["frame_max_target_ms"], figures["gui_python_target_ms"]) == (
        16.7, 100.0, 4.0)
    assert figures["meets_targets"] == (figures["frame_p95_ms"] <= 16.7 and figures["frame_max_ms"] <= 100
                                        and figures["gui_python_ms_per_frame"] <= 4)


def test_bench_frames_refuses_a_run_without_time(qapp, helsinki_map):
    with pytest.raises(ValueError, match="seconds must be positive"):
        bench_frames(helsinki_map, seconds=0)
