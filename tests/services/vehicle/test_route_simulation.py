"""`simulate --route`: a scenario file driving to a POI of the installed map."""

from __future__ import annotations

import json
import sqlite3
import stat

import pytest

from headunit.cli import main
from headunit.core.config import Config, MapConfig, PathsConfig
from headunit.services.vehicle.route_simulation import prepare_route_drive
from headunit.services.vehicle.scenario import load_scenario
from headunit.services.vehicle.scenario_model import LATITUDE, LONGITUDE
from headunit.services.vehicle.source import SourceError


def poi_named(map_path, name: str) -> tuple[int, float, float]:
    with sqlite3.connect(map_path) as conn:
        return conn.execute("SELECT id, lat, lon FROM pois WHERE name = ?", (name,)).fetchone()


@pytest.fixture
def config(helsinki_map, tmp_path) -> Config:
    return Config(paths=PathsConfig(data_dir=str(tmp_path)), map=MapConfig(database=str(helsinki_map)))


def test_the_drive_ends_parked_at_the_poi_and_its_file_is_private(config, helsinki_map, tmp_path):
    poi, lat, lon = poi_named(helsinki_map, "Stockmann Q-Park")
    result = prepare_route_drive(config, poi, None)
    path = tmp_path / "scenarios" / f"route-to-poi-{poi}.scenario"
    assert result.vehicle.source == "simulator" and result.vehicle.scenario == str(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    scenario = load_scenario(str(path))
    end = scenario.values_at(scenario.duration)
    assert end["Vehicle.Speed"] == 0
    assert abs(end[LATITUDE] - lat) < 0.002 and abs(end[LONGITUDE] - lon) < 0.004
    start = scenario.values_at(0.0)
    assert abs(start[LATITUDE] - config.map.start_lat) < 0.002


def test_an_unknown_poi_is_a_clear_error(config):
    with pytest.raises(SourceError, match="no POI with id 999999"):
        prepare_route_drive(config, 999999, None)


def test_the_cli_drives_the_route_headless(config, helsinki_map, tmp_path, capsys):
    poi, _, _ = poi_named(helsinki_map, "Stockmann Q-Park")
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'[map]\ndatabase = "{helsinki_map}"\n')
    code = main(["simulate", "--route", str(poi), "--headless", "--until", "20", "--dump",
                 "--config", str(config_file), "--data-dir", str(tmp_path)])
    assert code == 0
    dump = json.loads(capsys.readouterr().out)
    assert dump["signals"]["Vehicle.Speed"]["value"] > 0
    assert main(["simulate", "--route", "999999", "--headless", "--config", str(config_file),
                 "--data-dir", str(tmp_path)]) == 1
    assert "no POI with id 999999" in capsys.readouterr().err


def test_a_start_time_after_the_drive_ends_is_refused_with_its_length(helsinki_map, tmp_path, capsys):
    poi, _, _ = poi_named(helsinki_map, "Stockmann Q-Park")
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'[map]\ndatabase = "{helsinki_map}"\n')
    code = main(["simulate", "--route", str(poi), "--at", "9999", "--platform", "offscreen",
                 "--config", str(config_file), "--data-dir", str(tmp_path)])
    assert code == 2
    assert "9999 s is after the end of" in capsys.readouterr().err
