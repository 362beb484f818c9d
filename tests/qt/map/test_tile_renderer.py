"""Tiles drawn with QPainter from the sample map: roads, water, day and night, labels, empty tiles."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from headunit.core.map.geo import lonlat_to_world
from headunit.qt.map.label_placer import LabelCandidate, place_labels
from headunit.qt.map.tile_renderer import BLOCK_TILES, LabelLayout, TileSource, plain_tile, render_tile
from headunit.qt.map.tile_style import tile_style
from tests.services.map.sample_map import CENTER, WATER, write_sample_map

DAY, NIGHT = tile_style("day"), tile_style("night")


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_map(tmp_path_factory.mktemp("render") / "sample.db")


@pytest.fixture
def source(qapp, sample_path):
    s = TileSource(sample_path)
    yield s
    s.close()


def tile_and_pixel(lon: float, lat: float, z: int, size: int = 256) -> tuple[int, int, int, int]:
    """(x, y) of the tile holding the point, and the point's pixel in an image of `size`."""
    wx, wy = lonlat_to_world(lon, lat, z)
    x, y = int(wx // 256), int(wy // 256)
    scale = size / 256
    return x, y, int((wx - x * 256) * scale), int((wy - y * 256) * scale)


def colour_at(image: QImage, px: int, py: int) -> QColor:
    return QColor(image.pixel(px, py))


def close_to(colour: QColor, expected: str, tolerance: int = 12) -> bool:
    e = QColor(expected)
    return max(abs(colour.red() - e.red()), abs(colour.green() - e.green()), abs(colour.blue() - e.blue())) <= tolerance


def luminance(image: QImage) -> float:
    total = 0.0
    for py in range(0, image.height(), 8):
        for px in range(0, image.width(), 8):
            c = QColor(image.pixel(px, py))
            total += 0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue()
    return total / ((image.height() // 8) * (image.width() // 8))


def test_a_road_is_drawn_in_its_colour_where_it_runs(source):
    z = 17
    x, y, _, py = tile_and_pixel(*CENTER, z)
    image = render_tile(source, z, x, y, DAY)
    fill = DAY.road_colours("primary")[0]
    # Testikatu runs east-west through CENTER: sample its centre line across the tile
    on_road = [close_to(colour_at(image, px, py), fill) for px in range(0, 256, 4)]
    assert sum(on_road) >= 0.6 * len(on_road)  # labels may sit on part of it
    aside = py + 40 if py < 128 else py - 40
    off_road = [close_to(colour_at(image, px, aside), fill) for px in range(0, 256, 4)]
    assert sum(off_road) < 0.1 * len(off_road)


def test_the_image_is_rendered_at_the_requested_pixel_size(source):
    z = 17
    x, y, _, py = tile_and_pixel(*CENTER, z, size=512)
    image = render_tile(source, z, x, y, DAY, 512)
    assert (image.width(), image.height()) == (512, 512)
    fill = DAY.road_colours("primary")[0]
    assert sum(close_to(colour_at(image, px, py), fill) for px in range(0, 512, 8)) >= 0.6 * 64


def test_water_is_filled_with_the_water_colour(source):
    lon = (WATER[0][0] + WATER[1][0]) / 2
    lat = (WATER[0][1] + WATER[1][1]) / 2
    x, y, px, py = tile_and_pixel(lon, lat, 16)
    assert close_to(colour_at(render_tile(source, 16, x, y, DAY), px, py), DAY.palette.water, 2)
    assert close_to(colour_at(render_tile(source, 16, x, y, NIGHT), px, py), NIGHT.palette.water, 2)


def test_night_tiles_differ_from_day_tiles_and_are_darker(source):
    x, y, _, _ = tile_and_pixel(*CENTER, 16)
    day, night = render_tile(source, 16, x, y, DAY), render_tile(source, 16, x, y, NIGHT)
    assert day != night
    assert luminance(night) < luminance(day) / 3


def test_a_tile_outside_the_map_is_plain_background_without_touching_the_database(source):
    statements = []
    source.conn.set_trace_callback(statements.append)
    x, y, _, _ = tile_and_pixel(CENTER[0] + 1.0, CENTER[1], 15)
    image = render_tile(source, 15, x, y, DAY)
    source.conn.set_trace_callback(None)
    assert statements == []
    background = QColor(DAY.palette.background).rgb()
    assert all(image.pixel(px, py) == background for px in range(0, 256, 16) for py in range(0, 256, 16))
    assert image == plain_tile(DAY)


def test_labels_are_placed_for_roads_and_places_without_overlapping(source):
    z = 16
    x, y, _, _ = tile_and_pixel(*CENTER, z)
    labels = [lab for dx in range(-1, 2) for dy in range(-1, 2)
              for lab in source.labels.labels_for_tile(source.conn, z, x + dx, y + dy)]
    texts = {lab.text for lab in labels}
    assert {"Testikatu", "Sivukatu"} <= texts
    unique = {(lab.text, lab.x, lab.y): lab for lab in labels}.values()
    boxes = [(lab.text, b) for lab in unique for b in lab.boxes]
    for i, (text_a, a) in enumerate(boxes):
        for text_b, b in boxes[i + 1:]:
            overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlap or text_a == text_b, f"{text_a!r} overlaps {text_b!r}"


def test_road_labels_follow_the_road_and_are_never_upside_down(source):
    z = 17
    x, y, _, _ = tile_and_pixel(*CENTER, z)
    labels = [lab for dx in range(-2, 3) for dy in range(-2, 3)
              for lab in source.labels.labels_for_tile(source.conn, z, x + dx, y + dy)]
    angles = {lab.text: lab.angle for lab in labels if lab.kind == "road"}
    assert angles["Testikatu"] == pytest.approx(0.0, abs=0.5)  # runs east-west
    assert abs(angles["Sivukatu"]) == pytest.approx(90.0, abs=0.5)  # runs north-south
    assert all(-90 < a <= 90 for a in angles.values())


def test_a_label_across_a_tile_edge_is_drawn_in_both_tiles(source):
    z = 16
    x, y, _, _ = tile_and_pixel(*CENTER, z)
    seen: dict[tuple, set] = {}
    for dx in range(-1, 2):
        for dy in range(-1, 2):
            for lab in source.labels.labels_for_tile(source.conn, z, x + dx, y + dy):
                seen.setdefault((lab.text, lab.x, lab.y), set()).add((x + dx, y + dy))
    for (text, lx, ly), tiles in seen.items():
        # every tile the label's boxes reach got it; labels never leave their block of tiles
        assert len({(tx // BLOCK_TILES, ty // BLOCK_TILES) for tx, ty in tiles}) == 1, text


def test_labels_show_in_the_tile_pixels(source):
    z = 13
    x, y, _, _ = tile_and_pixel(24.9370, 60.1735, z)  # Testby, the city label
    labels = source.labels.labels_for_tile(source.conn, z, x, y)
    assert "Testby" in {lab.text for lab in labels}
    image = render_tile(source, z, x, y, DAY)
    text = QColor(DAY.palette.place_label)
    assert any(close_to(colour_at(image, px, py), text.name(), 30) for px in range(256) for py in range(256))


def test_the_placer_keeps_the_more_important_of_two_overlapping_labels():
    def candidate(priority, text, x):
        return LabelCandidate(priority, "road", text, "road", x, 50.0, 0.0, 60.0, 12.0, f"road:{text}")

    placed = place_labels([candidate((1, -4, 2), "Minor", 130.0), candidate((1, -8, 1), "Major", 100.0),
                           candidate((1, -4, 3), "Elsewhere", 300.0)], (0, 0, 400, 100))
    assert [p.text for p in placed] == ["Major", "Elsewhere"]


def test_the_placer_keeps_labels_inside_the_bounds_and_apart_when_repeated():
    edge = LabelCandidate((0,), "place", "Edge", "place", 5.0, 50.0, 0.0, 40.0, 12.0, "place:Edge")
    repeats = [LabelCandidate((1, 0, 0, i), "road", "Long", "road", 50.0 + i * 30, 50.0, 0.0, 20.0, 10.0,
                              "road:Long", repeat_px=100.0) for i in range(10)]
    placed = place_labels([edge, *repeats], (0, 0, 400, 100))
    assert "Edge" not in {p.text for p in placed}
    xs = sorted(p.x for p in placed if p.text == "Long")
    assert len(xs) >= 2 and all(b - a >= 100 for a, b in zip(xs, xs[1:]))


def test_turned_label_boxes_cover_the_text_along_its_direction():
    c = LabelCandidate((0,), "road", "Diagonal", "road", 100.0, 100.0, 45.0, 80.0, 10.0, "road:Diagonal")
    boxes = c.boxes()
    assert len(boxes) == math.ceil(80 / 10)
    centres = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in boxes]
    assert all(cx - 100 == pytest.approx(cy - 100, abs=1e-6) for cx, cy in centres)  # along the 45 degree line
    assert min(cx for cx, _ in centres) < 80 and max(cx for cx, _ in centres) > 120


def test_a_new_label_layout_places_the_same_labels(source, sample_path):
    z = 16
    x, y, _, _ = tile_and_pixel(*CENTER, z)
    first = source.labels.labels_for_tile(source.conn, z, x, y)
    other = TileSource(sample_path, LabelLayout())
    try:
        assert other.labels.labels_for_tile(other.conn, z, x, y) == first
    finally:
        other.close()
