"""`headunit bench map`: every part runs and the merged figures keep each part's own numbers."""

from __future__ import annotations

import json

from headunit.bench.map import main, run


def test_the_merged_figures_have_every_target_and_no_part_overwrites_another(qapp):
    result = run(pairs=5, big_nodes=400, pois=2_000, seconds=0.5)
    for key in ("import_s", "import_s_per_mb", "frame_p95_ms", "frame_max_ms", "gui_python_ms_per_frame",
                "route_ms_p50", "route_ms_p95", "networkx_ms_p50", "route_big_ms_p50", "networkx_big_ms_p50",
                "graph_load_s", "route_rss_mb", "poi_nearest_ms_p95", "poi_search_ms_p95"):
        assert isinstance(result[key], (int, float)), key
    assert result["import_pois"] == 625 and result["poi_store_pois"] == 2_000
    assert result["lengths_agree"] and result["lengths_big_agree"]
    assert result["frame_p95_target_ms"] == 16.7 and result["route_target_ratio"] == 0.5
    assert isinstance(result["meets_targets"], bool)


def test_main_prints_one_json_object(qapp, capsys, monkeypatch):
    monkeypatch.setattr("headunit.bench.map.run", lambda *a, **k: {"benchmark": "map", "import_s": 0.3})
    assert main() == 0
    assert json.loads(capsys.readouterr().out) == {"benchmark": "map", "import_s": 0.3}
