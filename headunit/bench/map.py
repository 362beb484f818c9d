"""`headunit bench map`: import, frame times, routing and POI look-ups, as one JSON object.

Each part measures its own floor or peer in the same run (bench/map_data.py,
map_frames.py, map_routing.py); this module only runs them in order on one freshly
imported copy of the default extract and prints the merged figures.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def run(pairs: int = 200, big_nodes: int = 250_000, pois: int = 1_000_000, seconds: float = 5.0) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from headunit.bench.map_data import bench_import, bench_pois
    from headunit.bench.map_frames import bench_frames
    from headunit.bench.map_routing import bench_routing
    from headunit.services.map.importer import import_extract
    from headunit.services.map.service import DEFAULT_EXTRACT

    result: dict[str, Any] = {"benchmark": "map"}
    result.update(_prefixed("import", bench_import()))
    with tempfile.TemporaryDirectory(prefix="headunit-bench-map-") as tmp:
        map_path = Path(tmp) / "map.db"
        import_extract(DEFAULT_EXTRACT, map_path)
        frames = bench_frames(map_path, seconds=seconds)
        frames["frames_meets_targets"] = frames.pop("meets_targets")
        result.update(_prefixed("frames", frames))
        result.update(bench_routing(map_path, pairs=pairs, big_nodes=big_nodes))
    result.update(_prefixed("poi_store", bench_pois(count=pois)))
    result["meets_targets"] = bool(
        result["frames_meets_targets"] and result["routing_meets_targets"]
        and result["poi_nearest_ms_p95"] <= result["poi_nearest_target_ms"]
        and result["poi_search_ms_p95"] <= result["poi_search_target_ms"])
    return result


_SHARED = ("benchmark", "seconds", "size", "source", "runs", "pois", "roads", "areas", "places", "graph_nodes",
           "graph_edges", "queries")


def _prefixed(part: str, figures: dict[str, Any]) -> dict[str, Any]:
    """The part's figures, with names that other parts also use prefixed by the part (import_pois, ...)."""
    return {(f"{part}_{k}" if k in _SHARED else k): v for k, v in figures.items()}


def main(pairs: int = 200, big_nodes: int = 250_000, pois: int = 1_000_000, seconds: float = 5.0) -> int:
    from headunit.services.map.importer import MapImportError

    try:
        result = run(pairs, big_nodes, pois, seconds)
    except (MapImportError, RuntimeError, OSError) as exc:
        print(f"headunit: bench map failed: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(result, indent=2))
    return 0
