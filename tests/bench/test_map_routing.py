"""The routing benchmark runs on tiny networks and reports consistent figures; both searches agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from headunit.bench.map_routing import ROUTE_TARGET_RATIO, bench_routing, build_synthetic_network, times_agree


def test_synthetic_network_has_the_nodes_asked_for_and_is_the_same_for_a_seed(tmp_path):
    first = build_synthetic_network(tmp_path / "a.map", 2_500, seed=3)
    again = build_synthetic_network(tmp_path / "b.map", 2_500, seed=3)
    other = build_synthetic_network(tmp_path / "c.map", 2_500, seed=4)

    def rows(path: Path) -> list[tuple]:
        with sqlite3.connect(path) as conn:
            return conn.execute("SELECT source, target, length_m, speed_kmh FROM graph_edges ORDER BY id").fetchall()

    with sqlite3.connect(first) as conn:
        assert conn.execute("SELECT count(*) FROM graph_nodes").fetchone()[0] == 2_500
        streets = conn.execute("SELECT count(*), sum(oneway) FROM roads WHERE class = 'residential'").fetchone()
        trunk = conn.execute("SELECT name, maxspeed_kmh FROM roads WHERE class = 'trunk'").fetchall()
    assert rows(first) == rows(again) and rows(first) != rows(other)
    assert 0.03 < streets[1] / streets[0] < 0.35  # about 15 % of residential streets are one-way
    assert trunk == [("Diagonal 0", 80.0)]


def test_a_network_needs_a_few_nodes(tmp_path):
    with pytest.raises(ValueError, match="at least 4 nodes"):
        build_synthetic_network(tmp_path / "x.map", 3, seed=1)


def test_times_agree_within_a_millionth_and_on_unreachable_pairs():
    assert times_agree([100.0, None], [100.0 + 1e-5, None])
    assert not times_agree([100.0], [100.001])
    assert not times_agree([None], [5.0])


def test_bench_routing_reports_figures_for_both_networks(tmp_path):
    default_map = build_synthetic_network(tmp_path / "default.map", 100, seed=2)
    figures = bench_routing(default_map, pairs=20, big_nodes=400, seed=1, big_pairs=12)
    assert figures["lengths_agree"] is True and figures["lengths_big_agree"] is True
    assert (figures["pairs"], figures["graph_nodes"], figures["big_nodes"], figures["big_pairs"]) == (20, 100, 400, 12)
    assert figures["graph_edges"] > 100 and figures["big_edges"] > 400
    for name in ("route", "networkx", "route_big", "networkx_big"):
        assert figures[f"{name}_ms_p95"] >= figures[f"{name}_ms_p50"] > 0
    assert figures["route_ratio"] == figures["route_ms_p50"] / figures["networkx_ms_p50"]
    assert figures["route_big_ratio"] == figures["route_big_ms_p50"] / figures["networkx_big_ms_p50"]
    assert figures["networkx_algorithm"] in ("dijkstra", "astar")
    assert set(figures["networkx_calibration_ms_p50"]) == {"dijkstra", "astar"}
    assert figures["route_full_ms_p50"] > 0
    assert figures["graph_load_s"] > 0 and figures["big_build_s"] > 0
    assert isinstance(figures["route_rss_mb"], float)
    assert figures["route_target_ratio"] == ROUTE_TARGET_RATIO == 0.5
    assert figures["routing_meets_targets"] == (figures["route_ratio"] <= 0.5 and figures["route_big_ratio"] <= 0.5)
