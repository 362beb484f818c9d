"""headunit.services.map.extra_pois: the demo fuel stations and chargers, and `map import --extra-pois`."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from headunit.cli import main
from headunit.core.backend.fields import POI_ID
from headunit.core.config import Config, MapConfig, PathsConfig
from headunit.core.map.features import osm_ref
from headunit.services.map.commands import import_command
from headunit.services.map.extra_pois import ID_MIN
from headunit.services.map.info import map_info
from headunit.services.map.service import DEFAULT_EXTRACT, DEMO_POIS, MapService, ensure_map

from .extracts import LAT, LON, write_town

CATEGORY_OF = {"fuel": "fuel", "charging_station": "charging"}


def _demo_nodes() -> dict[int, dict]:
    """The overlay file's nodes as the test reads them itself: id -> lat, lon, category, name."""
    nodes = {}
    for node in ET.parse(DEMO_POIS).getroot().iter("node"):
        tags = {t.get("k"): t.get("v") for t in node.iter("tag")}
        nodes[int(node.get("id"))] = {"lat": float(node.get("lat")), "lon": float(node.get("lon")),
                                      "category": CATEGORY_OF[tags["amenity"]], "name": tags["name"]}
    return nodes


def _extra_rows(db: Path) -> dict[int, tuple]:
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT osm_type, osm_id, category, name, lat, lon FROM pois WHERE osm_id >= ?",
                            (ID_MIN,)).fetchall()
    return {row[1]: row for row in rows}


@pytest.fixture(scope="module")
def default_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first-start import with the default configuration (map.default_extract empty)."""
    config = Config(paths=PathsConfig(data_dir=str(tmp_path_factory.mktemp("first-start"))))
    return ensure_map(config)


def test_the_demo_file_has_four_fuel_stations_and_four_chargers_marked_as_demo_data():
    root = ET.parse(DEMO_POIS).getroot()
    amenities = [tag.get("v") for tag in root.iter("tag") if tag.get("k") == "amenity"]
    assert sorted(amenities) == ["charging_station"] * 4 + ["fuel"] * 4
    for node in root.iter("node"):
        tags = {t.get("k"): t.get("v") for t in node.iter("tag")}
        assert tags["brand"] == "Demo" and tags["name"].startswith(("Demo Fuel ", "Demo Charge "))
        assert tags["note"] == "demo data for the simulator, not a real station"


def test_the_default_import_has_the_demo_pois_where_the_file_puts_them(default_map):
    expected = _demo_nodes()
    rows = _extra_rows(default_map)
    assert set(rows) == set(expected)
    for osm_id, want in expected.items():
        osm_type, _, category, name, lat, lon = rows[osm_id]
        assert (osm_type, category, name) == ("node", want["category"], want["name"])
        assert (lat, lon) == pytest.approx((want["lat"], want["lon"]), abs=1e-7)


def test_nearest_fuel_on_the_default_map_finds_the_demo_stations(default_map):
    expected = {n["name"]: n for n in _demo_nodes().values() if n["category"] == "fuel"}
    service = MapService(default_map)
    try:
        for name, node in expected.items():
            nearest = service.nearest("fuel", node["lat"], node["lon"], limit=1)
            assert [p.name for p in nearest] == [name] and nearest[0].distance_m < 1.0
        start = MapConfig()
        around_the_start = service.nearest("fuel", start.start_lat, start.start_lon, limit=10)
        assert sorted(p.name for p in around_the_start) == sorted(expected)
    finally:
        service.close()


def test_the_demo_pois_have_osm_refs_the_backend_accepts_as_poi_ids(default_map):
    for osm_type, osm_id, *_ in _extra_rows(default_map).values():
        assert POI_ID.fullmatch(osm_ref(osm_type, osm_id))


def test_map_info_names_the_demo_file_and_its_count(default_map):
    info = map_info(default_map)
    assert [(e["source_name"], e["pois"]) for e in info["extra_pois"]] == [("demo-pois.osm", len(_demo_nodes()))]
    assert info["extra_pois"][0]["source_sha256"] == hashlib.sha256(DEMO_POIS.read_bytes()).hexdigest()
    assert info["source_name"] == DEFAULT_EXTRACT.name


def test_a_configured_default_extract_gets_no_demo_pois(tmp_path):
    config = Config(paths=PathsConfig(data_dir=str(tmp_path)), map=MapConfig(default_extract=str(DEFAULT_EXTRACT)))
    db = ensure_map(config)
    assert _extra_rows(db) == {}
    assert map_info(db)["extra_pois"] == []


def test_a_user_import_without_extra_pois_has_none(tmp_path, capsys):
    dest = tmp_path / "map.db"
    assert import_command(DEFAULT_EXTRACT, dest) == 0
    assert "Extra POIs" not in capsys.readouterr().out
    assert _extra_rows(dest) == {}
    service = MapService(dest)
    try:
        assert service.nearest("fuel", 60.17, 24.94, limit=5) == []  # the extract itself has no fuel stations
    finally:
        service.close()


def test_a_user_import_with_extra_pois_has_them(tmp_path, capsys):
    dest = tmp_path / "map.db"
    assert import_command(DEFAULT_EXTRACT, dest, [DEMO_POIS]) == 0
    assert "Extra POIs   8 from demo-pois.osm" in capsys.readouterr().out
    assert set(_extra_rows(dest)) == set(_demo_nodes())


def _refusal(err: str, path: Path) -> str:
    """The one line of stderr that refuses `path` (progress lines may come before it, never after)."""
    lines = err.splitlines()
    assert [line for line in lines if str(path) in line] == lines[-1:]
    return lines[-1]


def _overlay(path: Path, body: str) -> Path:
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6">\n{body}\n</osm>\n', encoding="utf-8")
    return path


def _fuel(osm_id: int | str, lat: float = LAT, lon: float = LON + 0.001, name: str = "Test Fuel") -> str:
    return (f'<node id="{osm_id}" lat="{lat}" lon="{lon}"><tag k="amenity" v="fuel"/>'
            f'<tag k="name" v="{name}"/></node>')


def test_extra_pois_is_repeatable_on_the_command_line(tmp_path, capsys):
    config = tmp_path / "config.toml"
    config.write_text("")
    charger = _overlay(tmp_path / "mine.osm", f'<node id="{ID_MIN + 500}" lat="60.17" lon="24.945">'
                                              '<tag k="amenity" v="charging_station"/><tag k="name" v="Mine"/></node>')
    args = ["map", "import", str(DEFAULT_EXTRACT), "--config", str(config), "--data-dir", str(tmp_path / "data"),
            "--extra-pois", str(DEMO_POIS), "--extra-pois", str(charger)]
    assert main(args) == 0
    rows = _extra_rows(tmp_path / "data" / "maps" / "map.db")
    assert set(rows) == set(_demo_nodes()) | {ID_MIN + 500}
    assert rows[ID_MIN + 500][2:4] == ("charging", "Mine")
    out = capsys.readouterr().out
    assert "from demo-pois.osm" in out and "from mine.osm" in out


BAD_OVERLAYS = {
    "not XML": ("\x00\x01 binary junk", "not a well-formed OSM XML file"),
    "another root": ('<?xml version="1.0"?><gpx><wpt lat="1" lon="2"/></gpx>', "its root element is <gpx>, not <osm>"),
    "a way": (None, "holds a <way>; an extra-POI file holds only POI nodes"),
    "an OSM id": (_fuel(12345), "extra POI ids must be from 9000000000000000"),
    "a negative id": (_fuel(-1), "node -1: extra POI ids must be from"),
    "no id": (_fuel("x1"), "a node has no valid id (id='x1')"),
    "bad latitude": (_fuel(ID_MIN, lat=91), "node 9000000000000000: lat '91' is not a coordinate"),
    "not a POI": (f'<node id="{ID_MIN}" lat="{LAT}" lon="{LON}"><tag k="amenity" v="bench"/></node>',
                  "its tags make no POI the map shows"),
    "a blank name": (_fuel(ID_MIN, name=" "), "node 9000000000000000: name is blank"),
    "a repeated id": (_fuel(ID_MIN) + _fuel(ID_MIN), "node 9000000000000000 appears twice"),
    "no nodes": ("", "the file holds no POI nodes"),
    "outside the extract": (_fuel(ID_MIN, lat=10.0, lon=10.0), "lies outside the extract town.osm.pbf"),
}


@pytest.mark.parametrize("case", BAD_OVERLAYS)
def test_a_bad_overlay_is_refused_in_one_line_and_the_old_map_is_unchanged(case, tmp_path, capsys):
    town = write_town(tmp_path / "town.osm.pbf")
    dest = tmp_path / "maps" / "map.db"
    assert import_command(town, dest) == 0
    before = hashlib.sha256(dest.read_bytes()).hexdigest()
    capsys.readouterr()
    body, message = BAD_OVERLAYS[case]
    bad = tmp_path / "bad.osm"
    if case == "a way":
        _overlay(bad, _fuel(ID_MIN) + f'<way id="{ID_MIN + 1}"><nd ref="{ID_MIN}"/><tag k="highway" v="primary"/></way>')
    elif body.startswith(("<?xml", "\x00")):
        bad.write_text(body)
    else:
        _overlay(bad, body)
    assert import_command(town, dest, [bad]) == 1
    out, err = capsys.readouterr()
    refusal = _refusal(err, bad)
    assert out == "" and refusal.startswith(f"headunit: map import: {bad}: ") and message in refusal
    assert hashlib.sha256(dest.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in dest.parent.iterdir()) == ["map.db"]


@pytest.mark.parametrize("overlay, message", [
    (DEMO_POIS, "lies outside the extract town.osm.pbf"),  # the Helsinki demo data on another region
    (Path("missing.osm"), "missing.osm: no such file"),
    (None, "not a well-formed OSM XML file"),  # an .osm.pbf given as the overlay
])
def test_an_unusable_overlay_file_is_refused_with_the_old_map_unchanged(overlay, message, tmp_path, capsys):
    town = write_town(tmp_path / "town.osm.pbf")
    dest = tmp_path / "map.db"
    assert import_command(town, dest) == 0
    before = dest.read_bytes()
    capsys.readouterr()
    overlay = town if overlay is None else overlay if overlay.is_absolute() else tmp_path / overlay
    assert import_command(town, dest, [overlay]) == 1
    assert message in _refusal(capsys.readouterr().err, overlay)
    assert dest.read_bytes() == before


def test_an_id_used_by_two_overlays_names_both_files(tmp_path, capsys):
    first = _overlay(tmp_path / "first.osm", _fuel(ID_MIN))
    second = _overlay(tmp_path / "second.osm", _fuel(ID_MIN, name="Other"))
    assert import_command(write_town(tmp_path / "town.osm.pbf"), tmp_path / "map.db", [first, second]) == 1
    assert f"{second}: node {ID_MIN} is also in {first}" in _refusal(capsys.readouterr().err, second)
    assert not (tmp_path / "map.db").exists()


def test_the_import_report_counts_extra_pois_within_the_pois(tmp_path):
    from headunit.services.map.importer import import_extract

    overlay = _overlay(tmp_path / "extra.osm", _fuel(ID_MIN) + _fuel(ID_MIN + 1, name="Second"))
    plain = import_extract(write_town(tmp_path / "town.osm.pbf"), tmp_path / "plain.db")
    report = import_extract(write_town(tmp_path / "town.osm.pbf"), tmp_path / "map.db", extra=[overlay])
    assert (report.extra_pois, report.pois) == (2, plain.pois + 2)
    with closing(sqlite3.connect(tmp_path / "map.db")) as conn:
        counts = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()[0])
    assert counts["pois"] == plain.pois + 2
