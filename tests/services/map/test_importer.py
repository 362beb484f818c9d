"""headunit.services.map.importer: OSM extract -> map database; bad files leave the old map alone."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from headunit.core.map.coords import decode_coords, decode_rings
from headunit.core.map.geo import haversine_m
from headunit.services.map.importer import MapImportError, import_extract
from headunit.services.map.schema import open_map, read_meta

from .extracts import HELSINKI, LAT, LON, STEP, TIMESTAMP, TOWN, TOWN_POI_NAMES, write, write_pois_only, write_town


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rows(path: Path, sql: str, *args) -> list[tuple]:
    conn = open_map(path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def at(x: float, y: float) -> tuple[float, float]:
    return (round(LON + x * STEP, 7), round(LAT + y * STEP, 7))


# -- the shipped extract ----------------------------------------------------------------------


def test_helsinki_imports_with_sane_counts_and_extent(helsinki_map):
    conn = open_map(helsinki_map)
    meta = read_meta(conn)
    counts = json.loads(meta["counts"])
    for table, count in counts.items():
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == count
    conn.close()
    assert counts["roads"] > 1500  # ~1,100 footways and ~800 car roads, clipped ones in parts
    assert counts["pois"] > 300 and counts["areas"] > 200 and counts["places"] >= 1
    assert counts["graph_nodes"] > 500 and counts["graph_edges"] > counts["graph_nodes"]
    extent = [float(meta[k]) for k in ("min_lon", "min_lat", "max_lon", "max_lat")]
    assert 24.93 < extent[0] < extent[2] < 24.96 and 60.16 < extent[1] < extent[3] < 60.18
    assert meta["source_name"] == "helsinki.osm.pbf"
    assert meta["source_sha256"] == sha256(HELSINKI)
    assert int(meta["source_bytes"]) == HELSINKI.stat().st_size
    assert meta["attribution"] == "(c) OpenStreetMap contributors, ODbL"
    assert len(meta["map_id"]) == 32 and int(meta["map_id"], 16) >= 0
    assert json.loads(meta["skipped"])["clipped_ways"] > 0  # a city-centre cut-out clips its edges


def test_helsinki_graph_edges_run_between_their_nodes(helsinki_map):
    conn = open_map(helsinki_map)
    nodes = {i: (lon, lat) for i, lon, lat in conn.execute("SELECT id, lon, lat FROM graph_nodes")}
    for source, target, length, coords in conn.execute("SELECT source, target, length_m, coords FROM graph_edges"):
        line = decode_coords(coords)
        assert line[0] == pytest.approx(nodes[source], abs=1e-7)
        assert line[-1] == pytest.approx(nodes[target], abs=1e-7)
        along = sum(haversine_m(a[1], a[0], b[1], b[0]) for a, b in zip(line, line[1:]))
        assert length == pytest.approx(along, rel=1e-3, abs=0.05)
    conn.close()


# -- the hand-made town: exact counts ---------------------------------------------------------


def test_town_counts_are_exact(tmp_path):
    report = import_extract(write_town(tmp_path / "town.osm.pbf"), tmp_path / "map.db")
    assert report.counts == {k: TOWN[k] for k in report.counts}
    assert report.skipped == {k: TOWN[k] for k in report.skipped}
    meta = read_meta(open_map(tmp_path / "map.db"))
    assert json.loads(meta["counts"]) == report.counts
    assert json.loads(meta["skipped"]) == report.skipped
    assert meta["osm_timestamp"] == TIMESTAMP
    assert meta["map_id"] == report.map_id


def test_town_roads_keep_names_speeds_and_direction(town_map):
    roads = {(name, i): (cls, oneway, speed, decode_coords(coords)) for i, (name, cls, oneway, speed, coords)
             in enumerate(rows(town_map, "SELECT name, class, oneway, maxspeed_kmh, coords FROM roads ORDER BY id"))}
    by_name = {name: value for (name, _), value in roads.items()}
    assert by_name["长安街"][:3] == ("residential", 1, None)
    assert by_name["Mannerheimintie"][:3] == ("primary", 0, 50.0)
    # oneway=-1: stored reversed, running 8 -> 3 -> 7 (south to north) and marked one-way
    cls, oneway, speed, line = by_name["Kauppakatu"]
    assert (oneway, speed) == (1, 50.0)
    assert line == [at(2, -1), at(2, 0), at(2, 1)]


def test_clipped_way_is_imported_in_parts(town_map):
    parts = rows(town_map, "SELECT coords FROM roads WHERE osm_id = 104 ORDER BY id")
    assert [decode_coords(c) for (c,) in parts] == [[at(0, 0), at(-1, 0)], [at(-2, 0), at(-3, 0)]]
    assert rows(town_map, "SELECT count(*) FROM roads WHERE osm_id = 105") == [(0,)]


def test_town_graph_is_split_at_shared_nodes_and_respects_oneway(town_map):
    node_at = {i: (lon, lat) for i, lon, lat in rows(town_map, "SELECT id, lon, lat FROM graph_nodes")}
    pairs = {(node_at[s], node_at[t]) for s, t in rows(town_map, "SELECT source, target FROM graph_edges")}
    # the one-way 长安街 5 -> 2 -> 6 exists forward only
    assert (at(1, 1), at(1, 0)) in pairs and (at(1, 0), at(1, 1)) not in pairs
    # Kauppakatu (oneway=-1) runs 8 -> 3 -> 7
    assert (at(2, -1), at(2, 0)) in pairs and (at(2, 0), at(2, -1)) not in pairs
    # Mannerheimintie is cut at 2 and 3 and runs both ways
    assert {(at(0, 0), at(1, 0)), (at(1, 0), at(0, 0)), (at(2, 0), at(3, 0)), (at(3, 0), at(2, 0))} <= pairs
    speeds = dict(rows(town_map, "SELECT r.name, e.speed_kmh FROM graph_edges e JOIN roads r ON r.id = e.road_id"))
    assert speeds["Reunatie"] == 30.0  # residential default
    assert speeds["Mannerheimintie"] == 50.0


def test_town_pois_areas_and_places(town_map):
    pois = {name: rest for name, *rest in rows(
        town_map, "SELECT name, osm_type, category, address, opening_hours, phone, website FROM pois")}
    assert set(pois) == TOWN_POI_NAMES
    assert pois["北京烤鸭"][:3] == ["node", "restaurant", "长安街 1, 北京"]
    assert pois["Neste Keskusta"] == ["node", "fuel", "Mannerheimintie 5, 00100 Helsinki", "24/7",
                                      "+358 9 123 4567", "https://neste.example"]
    assert pois["Virta"][:2] == ["node", "charging"]  # brand stands in for the missing name
    assert pois[""][:2] == ["way", "parking"]  # unnamed parking lot, placed at its centre
    assert rows(town_map, "SELECT lon, lat FROM pois WHERE osm_type = 'way'")[0] == pytest.approx(at(7, -3))
    areas = {kind: (osm_type, name, decode_rings(blob)) for kind, osm_type, name, blob in
             rows(town_map, "SELECT kind, osm_type, name, rings FROM areas")}
    assert set(areas) == {"park", "building", "parking", "square", "water"}
    osm_type, name, rings = areas["park"]
    assert (osm_type, name, len(rings)) == ("relation", "Keskuspuisto", 2)  # outer ring and its hole
    assert rows(town_map, "SELECT kind, name FROM places") == [("town", "Testikylä")]


# -- bad input ---------------------------------------------------------------------------------


def _truncated(path: Path) -> Path:
    data = HELSINKI.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _random_bytes(path: Path) -> Path:
    path.write_bytes(os.urandom(4096))
    return path


def _xml_renamed(path: Path) -> Path:
    xml = path.with_name("town.osm")
    write_town(xml)
    xml.rename(path)
    return path


def _text(path: Path) -> Path:
    path.write_text("this is not a map\n" * 20)
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def _missing(path: Path) -> Path:
    return path


def _corrupt_block(path: Path) -> Path:
    data = bytearray(HELSINKI.read_bytes())
    data[400:1400] = bytes(1000)
    path.write_bytes(bytes(data))
    return path


BAD_FILES = [
    (_truncated, "truncated or corrupt"),
    (_corrupt_block, "truncated or corrupt"),
    (_random_bytes, "not an OpenStreetMap PBF extract"),
    (_xml_renamed, "OSM XML"),
    (_text, "not an OpenStreetMap PBF extract"),
    (_empty, "empty"),
    (_missing, "no such file"),
    (write_pois_only, "contains no roads"),
]


@pytest.mark.parametrize(("make", "problem"), BAD_FILES, ids=[m.__name__.strip("_") for m, _ in BAD_FILES])
def test_bad_extract_is_refused_and_the_old_map_stays(tmp_path, make, problem):
    dest = tmp_path / "maps" / "map.db"
    import_extract(write_town(tmp_path / "town.osm.pbf"), dest)
    before = sha256(dest)
    bad = make(tmp_path / "bad.osm.pbf")
    with pytest.raises(MapImportError) as raised:
        import_extract(bad, dest)
    assert problem in str(raised.value)
    assert str(bad) in str(raised.value)
    assert sha256(dest) == before
    assert list(dest.parent.glob("*.importing-*")) == []


def test_bad_extract_without_an_old_map_leaves_nothing(tmp_path):
    dest = tmp_path / "maps" / "map.db"
    with pytest.raises(MapImportError):
        import_extract(_truncated(tmp_path / "bad.osm.pbf"), dest)
    assert list(dest.parent.glob("*")) == []


def test_a_new_import_replaces_the_map_with_a_new_map_id(tmp_path):
    dest = tmp_path / "map.db"
    first = import_extract(write_town(tmp_path / "town.osm.pbf"), dest)
    second = import_extract(write_town(tmp_path / "town2.osm.pbf"), dest)
    assert first.map_id != second.map_id
    assert read_meta(open_map(dest))["source_name"] == "town2.osm.pbf"


def test_a_poi_node_without_a_location_is_skipped_and_counted(tmp_path):
    from osmium.osm.mutable import Node, Way

    nodes = [Node(id=1, location=at(0, 0)), Node(id=2, location=at(1, 0)),
             Node(id=3, tags={"amenity": "fuel", "name": "Nowhere"})]
    pbf = write(tmp_path / "x.osm.pbf", nodes, [Way(id=5, nodes=[1, 2], tags={"highway": "service"})])
    report = import_extract(pbf, tmp_path / "map.db")
    assert (report.pois, report.skipped["broken_pois"]) == (0, 1)


def test_progress_is_reported(tmp_path):
    messages: list[str] = []
    import_extract(write_town(tmp_path / "town.osm.pbf"), tmp_path / "map.db", progress=messages.append)
    assert messages[0].startswith("reading town.osm.pbf")
    assert messages[-1].startswith("done in")
