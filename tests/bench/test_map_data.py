"""headunit.bench.map_data: the import and POI benchmarks run (tiny) and report their figures."""

from __future__ import annotations

from headunit.bench.map_data import EXTRACT, bench_import, bench_pois, build_poi_store
from headunit.services.map.schema import open_map


def test_bench_import_reports_time_per_megabyte_and_counts():
    figures = bench_import(runs=1)
    assert figures["source_mb"] == round(EXTRACT.stat().st_size / 1e6, 3)
    assert figures["import_s"] > 0
    assert abs(figures["import_s_per_mb"] * figures["source_mb"] - figures["import_s"]) < 0.01
    assert figures["roads"] > 0 and figures["graph_edges"] > 0


def test_bench_pois_reports_percentiles_and_targets():
    figures = bench_pois(count=2_000, queries=20)
    assert figures["pois"] == 2_000
    assert figures["poi_nearest_target_ms"] == 5 and figures["poi_search_target_ms"] == 10
    assert figures["poi_nearest_ms_p95"] >= figures["poi_nearest_ms_median"] > 0
    assert figures["poi_search_ms_p95"] >= figures["poi_search_ms_median"] > 0
    assert figures["poi_build_s"] > 0


def test_synthetic_store_spreads_categories_and_has_chinese_names(tmp_path):
    names = build_poi_store(tmp_path / "pois.db", 3_000)
    conn = open_map(tmp_path / "pois.db")
    shares = {c: n / 3_000 for c, n in conn.execute("SELECT category, count(*) FROM pois GROUP BY category")}
    conn.close()
    for bookable in ("parking", "fuel", "charging"):
        assert 0.01 < shares[bookable] < 0.1
    assert any(not n.isascii() for n in names)
