"""`headunit simulate --route POI_ID`: turn a route on the installed map into a scenario file.

The drive starts where the given scenario (default: vehicle.scenario) starts, or at
map.start_lat/start_lon when it has no position; the scenario's other signals (fuel,
temperatures, ...) carry over. The generated file goes to <data_dir>/scenarios/ so
QA can read, edit and replay exactly what was driven.
"""

from __future__ import annotations

import os
from pathlib import Path

from headunit.core.config import Config, with_overrides
from headunit.services.vehicle.route_drive import build_route_drive, scenario_text
from headunit.services.vehicle.scenario import load_scenario
from headunit.services.vehicle.scenario_model import LATITUDE, LONGITUDE

FILE_MODE = 0o600


def prepare_route_drive(config: Config, poi_id: int, scenario: str | None) -> Config:
    """The config whose simulator drives to `poi_id`; raises SourceError/ValueError/OSError with a clear message."""
    from headunit.services.map.importer import MapImportError
    from headunit.services.map.service import ensure_map

    base = load_scenario(scenario or config.vehicle.scenario)
    start = (config.map.start_lat, config.map.start_lon)
    first = base.values_at(0.0)
    if LATITUDE in first and LONGITUDE in first:
        start = (float(first[LATITUDE]), float(first[LONGITUDE]))
    try:
        map_path = ensure_map(config)
    except MapImportError as exc:
        raise ValueError(f"no map to drive on: {exc}") from None
    drive = build_route_drive(map_path, poi_id, start, base)
    folder = Path(config.paths.data_dir) / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"route-to-poi-{poi_id}.scenario"
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(scenario_text(drive))
    os.replace(tmp, path)
    return with_overrides(config, {"vehicle.source": "simulator", "vehicle.scenario": str(path)})
