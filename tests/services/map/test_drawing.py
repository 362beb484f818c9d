"""Drawing queries: what the renderer gets for a box at a zoom, decoded and in drawing order."""

from __future__ import annotations

from pathlib import Path

import pytest

from headunit.core.map.geo import BBox
from headunit.services.map import drawing
from headunit.services.map.schema import open_map
from headunit.services.map.writer import MapWriter

from .sample_map import CENTER, MAP_BOX, write_sample_map


@pytest.fixture
def conn(tmp_path: Path):
    connection = open_map(write_sample_map(tmp_path / "sample.db", map_id="sample-id"))
    yield connection
    connection.close()


def around(lon: float, lat: float, d: float = 0.002) -> BBox:
    return BBox(lon - d, lat - d, lon + d, lat + d)


def test_roads_come_decoded_filtered_by_zoom_and_bottom_first(conn):
    at_17 = drawing.roads_in(conn, BBox(*MAP_BOX), 17)
    assert [r.name for r in at_17] == ["Polku", "", "Sivukatu", "Testikatu"]  # footway, service, residential, primary
    testikatu = at_17[-1]
    assert testikatu.road_class == "primary" and testikatu.rank == 8
    assert testikatu.coords[1] == pytest.approx(CENTER)
    at_12 = drawing.roads_in(conn, BBox(*MAP_BOX), 12)
    assert {r.name for r in at_12} == {"Testikatu", "Sivukatu"}  # no service road or footway at city zoom
    assert drawing.roads_in(conn, BBox(*MAP_BOX), 7) == []  # not even a primary road at zoom 7


def test_named_only_leaves_out_roads_without_a_name(conn):
    names = [r.name for r in drawing.roads_in(conn, BBox(*MAP_BOX), 17, named_only=True)]
    assert "" not in names and "Testikatu" in names


def test_a_box_away_from_a_road_does_not_return_it(conn):
    far_north = BBox(24.9300, 60.1760, 24.9350, 60.1775)
    assert "Testikatu" not in {r.name for r in drawing.roads_in(conn, far_north, 17)}


def test_areas_come_in_kind_order_and_small_ones_drop_out_at_low_zoom(conn):
    kinds = [a.kind for a in drawing.areas_in(conn, BBox(*MAP_BOX), 16)]
    assert kinds == ["park", "water", "building", "building", "building", "building"]  # features.AREA_KINDS order
    water = next(a for a in drawing.areas_in(conn, BBox(*MAP_BOX), 16) if a.kind == "water")
    assert water.name == "Lampi" and len(water.rings) == 1 and len(water.rings[0]) == 5
    assert "building" not in {a.kind for a in drawing.areas_in(conn, BBox(*MAP_BOX), 13)}
    # a building spans 0.0008 degrees: dropped when areas must span a degree to be drawn
    big_only = drawing.areas_in(conn, BBox(*MAP_BOX), 16, min_size_deg=0.003)
    assert {a.kind for a in big_only} == {"park", "water"}


def test_places_are_labelled_only_at_their_zooms_most_important_first(conn):
    assert [p.name for p in drawing.places_in(conn, BBox(*MAP_BOX), 13)] == ["Testby", "Norra"]
    assert [p.name for p in drawing.places_in(conn, BBox(*MAP_BOX), 17)] == []  # city and suburb: not at street zoom
    assert [p.kind for p in drawing.places_in(conn, BBox(*MAP_BOX), 15)] == ["suburb"]


def test_the_extent_and_id_come_from_meta(conn):
    assert drawing.map_extent(conn) == BBox(*MAP_BOX)
    assert drawing.map_id(conn) == "sample-id"


def test_without_extent_meta_the_extent_is_the_union_of_the_features(tmp_path: Path):
    with MapWriter(tmp_path / "bare.db") as w:
        w.add_road(1, "primary", [(24.0, 60.0), (24.5, 60.2)])
        w.add_place(2, "city", "Nowhere", 25.0, 59.5)
        w.finish()
    conn = open_map(tmp_path / "bare.db")
    try:
        extent = drawing.map_extent(conn)
        # R*Tree boxes are 32-bit floats, rounded outwards
        corners = (extent.min_lon, extent.min_lat, extent.max_lon, extent.max_lat)
        assert corners == pytest.approx((24.0, 59.5, 25.0, 60.2))
        assert drawing.map_id(conn) == ""
    finally:
        conn.close()


def test_an_empty_map_has_no_extent(tmp_path: Path):
    with MapWriter(tmp_path / "empty.db") as w:
        w.finish()
    conn = open_map(tmp_path / "empty.db")
    try:
        assert drawing.map_extent(conn) is None
        assert drawing.roads_in(conn, around(*CENTER), 17) == []
    finally:
        conn.close()
