"""headunit.services.map.commands: `map import` and `map info` exit codes and output."""

from __future__ import annotations

import hashlib
import json

from headunit.services.map.commands import import_command, info_command

from .extracts import TOWN, write_town


def test_import_prints_progress_and_the_map(tmp_path, capsys):
    dest = tmp_path / "maps" / "map.db"
    assert import_command(write_town(tmp_path / "town.osm.pbf"), dest) == 0
    out, err = capsys.readouterr()
    assert "Source       town.osm.pbf" in out
    assert f"{TOWN['roads']} roads" in out and f"{TOWN['broken_pois']} broken pois" in out
    assert "(c) OpenStreetMap contributors, ODbL" in out
    assert err.splitlines()[0].startswith("headunit: map import: reading town.osm.pbf")
    assert dest.is_file()


def test_import_of_a_bad_file_is_one_line_and_exit_1(tmp_path, capsys):
    dest = tmp_path / "map.db"
    import_command(write_town(tmp_path / "town.osm.pbf"), dest)
    before = hashlib.sha256(dest.read_bytes()).hexdigest()
    capsys.readouterr()
    bad = tmp_path / "bad.osm.pbf"
    bad.write_text("<html>not a map</html>")
    assert import_command(bad, dest) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"headunit: map import: {bad}: not an OpenStreetMap PBF extract")
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == before


def test_info_as_text_and_json(town_map, capsys):
    assert info_command(town_map, as_json=False) == 0
    text = capsys.readouterr().out
    assert "OSM data of  2024-05-01T12:00:00Z" in text
    assert info_command(town_map, as_json=True) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["counts"]["graph_edges"] == TOWN["graph_edges"]
    assert info["skipped"]["clipped_ways"] == TOWN["clipped_ways"]
    assert info["source_name"] == "town.osm.pbf" and info["file_bytes"] == town_map.stat().st_size
    assert len(info["map_id"]) == 32 and info["extent"]["min_lon"] < info["extent"]["max_lon"]


def test_info_without_a_map_is_one_line_and_exit_1(tmp_path, capsys):
    assert info_command(tmp_path / "map.db", as_json=False) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("headunit: map info: ") and "no map database" in err


def test_info_on_a_file_that_is_not_a_map(tmp_path, capsys):
    junk = tmp_path / "map.db"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(200))
    assert info_command(junk, as_json=True) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"headunit: map info: {junk}: not a map database") and err.count("\n") == 1
