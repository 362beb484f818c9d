"""Build the configured vehicle signal source (blocking: reads its files; run on a worker)."""

from __future__ import annotations

from pathlib import Path

from headunit.core.config import Config
from headunit.services.vehicle.source import SignalSource


def build_source(config: Config, start_at: float = 0.0) -> SignalSource:
    """The source `config.vehicle.source` names. Raises SourceError naming the file,
    line and field when a scenario, DBC or mapping file is wrong."""
    vehicle = config.vehicle
    if vehicle.source == "simulator":
        from headunit.services.vehicle.scenario import load_scenario
        from headunit.services.vehicle.simulator import ScenarioSource

        source = ScenarioSource(load_scenario(vehicle.scenario), loop=start_at == 0.0)
        if start_at:
            source.seek(start_at)
        return source

    from headunit.services.vehicle.can_codec import DEFAULT_DBC, DEFAULT_MAPPING, CanCodec

    codec = CanCodec(Path(vehicle.can_dbc) if vehicle.can_dbc else DEFAULT_DBC,
                     Path(vehicle.can_mapping) if vehicle.can_mapping else DEFAULT_MAPPING)
    if vehicle.source == "can":
        from headunit.services.vehicle.can_source import CanSource

        return CanSource(codec, vehicle.can_interface, vehicle.can_channel)
    from headunit.services.vehicle.replay_source import ReplaySource

    return ReplaySource(codec, Path(vehicle.replay_file))
