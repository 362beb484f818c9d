"""One map tile drawn with QPainter on a QImage: areas, roads, then labels.

``render_tile(source, z, x, y, style, size)`` is a function of the map data, the tile
and the style only, so any worker thread may call it with its own TileSource (each
holds its own SQLite connection). Features are fetched for the tile plus a margin, so
wide roads and outlines that start just outside the tile still draw into it and tiles
meet without seams. Labels come from LabelLayout, which places them per block of
BLOCK_TILES x BLOCK_TILES tiles and is shared by the threads of one map.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPolygonF

from headunit.core.map.geo import BBox, TILE_SIZE, tile_bbox, world_to_lonlat
from headunit.services.map.drawing import areas_in, map_extent, map_id, places_in, roads_in
from headunit.services.map.schema import open_map

from .label_placer import PlacedLabel, place_candidates, place_labels, road_candidates
from .tile_style import DASHED_GROUPS, FONT_FAMILY, TileStyle, road_group, road_width

BLOCK_TILES = 4
MARGIN_PX = 24.0  # features this far outside the tile are fetched too (half the widest road)
SIMPLIFY_PX = 0.5
_FOUR_PI = 4 * math.pi

# role -> (pixel size by zoom, bold, palette colour attribute)
FONT_ROLES: dict[str, tuple[tuple[tuple[int, int], ...], bool, str]] = {
    "road": (((0, 10), (15, 11), (17, 12), (18, 13)), False, "road_label"),
    "city": (((0, 17),), True, "place_label"),
    "town": (((0, 15),), True, "place_label"),
    "suburb": (((0, 13), (16, 14)), True, "place_label"),
    "place": (((0, 12), (17, 13)), False, "place_label"),
}


def font_size(role: str, zoom: int) -> int:
    size = 12
    for from_zoom, px in FONT_ROLES[role][0]:
        if zoom >= from_zoom:
            size = px
    return size


class _Fonts(threading.local):
    """QFont and metrics per thread (fonts are not shared between threads)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, int], tuple[QFont, QFontMetricsF]] = {}

    def get(self, role: str, zoom: int) -> tuple[QFont, QFontMetricsF]:
        key = (role, font_size(role, zoom))
        found = self.cache.get(key)
        if found is None:
            font = QFont(FONT_FAMILY)
            font.setPixelSize(key[1])
            font.setBold(FONT_ROLES[role][1])
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            found = self.cache[key] = (font, QFontMetricsF(font))
        return found


_FONTS = _Fonts()


def measure_at(zoom: int):  # noqa: ANN201 - returns label_placer.Measure
    def measure(text: str, role: str) -> tuple[float, float]:
        metrics = _FONTS.get(role, zoom)[1]
        return metrics.horizontalAdvance(text), metrics.height()
    return measure


def _world_bbox(zoom: int, x0: float, y0: float, x1: float, y1: float) -> BBox:
    west, north = world_to_lonlat(x0, y0, zoom)
    east, south = world_to_lonlat(x1, y1, zoom)
    return BBox(west, south, east, north)


class LabelLayout:
    """Placed labels per block of tiles, computed once and kept (LRU), shared by threads of one map."""

    def __init__(self, max_blocks: int = 256) -> None:
        self._blocks: OrderedDict[tuple[int, int, int], list[PlacedLabel]] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_blocks

    def labels_for_tile(self, conn, z: int, x: int, y: int) -> list[PlacedLabel]:  # noqa: ANN001
        key = (z, x // BLOCK_TILES, y // BLOCK_TILES)
        with self._lock:
            labels = self._blocks.get(key)
            if labels is None:
                labels = self._blocks[key] = self._place_block(conn, *key)
                while len(self._blocks) > self._max:
                    self._blocks.popitem(last=False)
            else:
                self._blocks.move_to_end(key)
        tile = (x * TILE_SIZE, y * TILE_SIZE, (x + 1) * TILE_SIZE, (y + 1) * TILE_SIZE)
        return [lab for lab in labels if any(b[0] < tile[2] and tile[0] < b[2] and b[1] < tile[3] and tile[1] < b[3]
                                             for b in lab.boxes)]

    @staticmethod
    def _place_block(conn, z: int, bx: int, by: int) -> list[PlacedLabel]:  # noqa: ANN001
        span = BLOCK_TILES * TILE_SIZE
        bounds = (bx * span, by * span, (bx + 1) * span, (by + 1) * span)
        pad = span / 4  # roads reaching in from outside join their parts inside
        box = _world_bbox(z, bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad)
        measure = measure_at(z)
        candidates = place_candidates(places_in(conn, box, z), z, measure)
        candidates += road_candidates(roads_in(conn, box, z, named_only=True), z, measure, bounds)
        inner = (bounds[0] + 1, bounds[1] + 1, bounds[2] - 1, bounds[3] - 1)
        return place_labels(candidates, inner)


class TileSource:
    """One open map database as a rendering thread reads it (its own connection)."""

    def __init__(self, path: Path, labels: LabelLayout | None = None) -> None:
        self.path = Path(path)
        self.conn = open_map(self.path)
        self.extent = map_extent(self.conn)
        self.map_id = map_id(self.conn)
        self.labels = labels if labels is not None else LabelLayout()

    def close(self) -> None:
        self.conn.close()


def plain_tile(style: TileStyle, size: int = TILE_SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(style.palette.background))
    return image


def covers(source: TileSource, z: int, x: int, y: int) -> bool:
    """Whether the tile touches the map's extent at all (no database work)."""
    if source.extent is None:
        return False
    box = tile_bbox(z, x, y)
    e = source.extent
    return (box.max_lon >= e.min_lon and box.min_lon <= e.max_lon
            and box.max_lat >= e.min_lat and box.min_lat <= e.max_lat)


class _Projector:
    """lon/lat -> pixels inside one tile (logical, 0..256), dropping points closer than SIMPLIFY_PX."""

    def __init__(self, z: int, x: int, y: int) -> None:
        self.world = TILE_SIZE * 2.0 ** z
        self.ox = x * TILE_SIZE
        self.oy = y * TILE_SIZE

    def polygon(self, coords: list[tuple[float, float]]) -> QPolygonF:
        world, ox, oy = self.world, self.ox, self.oy
        sin, log, rad = math.sin, math.log, math.radians
        points = []
        last_x = last_y = -1e9
        n = len(coords) - 1
        for i, (lon, lat) in enumerate(coords):
            px = (lon + 180.0) / 360.0 * world - ox
            s = sin(rad(lat))
            py = (0.5 - log((1 + s) / (1 - s)) / _FOUR_PI) * world - oy
            if i == n or abs(px - last_x) + abs(py - last_y) >= SIMPLIFY_PX:
                points.append(QPointF(px, py))
                last_x, last_y = px, py
        return QPolygonF(points)


def render_tile(source: TileSource, z: int, x: int, y: int, style: TileStyle, size: int = TILE_SIZE) -> QImage:
    """The tile (z, x, y) as a size x size image (size = 256 x device pixel ratio)."""
    if not covers(source, z, x, y):
        return plain_tile(style, size)
    pal = style.palette
    margin = MARGIN_PX
    box = _world_bbox(z, x * TILE_SIZE - margin, y * TILE_SIZE - margin,
                      (x + 1) * TILE_SIZE + margin, (y + 1) * TILE_SIZE + margin)
    deg_per_px = 360.0 / (TILE_SIZE * 2.0 ** z)
    areas = areas_in(source.conn, box, z, min_size_deg=deg_per_px)
    roads = roads_in(source.conn, box, z)
    labels = source.labels.labels_for_tile(source.conn, z, x, y)

    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor(pal.background))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(size / TILE_SIZE, size / TILE_SIZE)
        proj = _Projector(z, x, y)
        _draw_areas(painter, proj, areas, style, z)
        _draw_roads(painter, proj, roads, style, z)
        painter.translate(-x * TILE_SIZE, -y * TILE_SIZE)
        _draw_labels(painter, labels, style, z)
    finally:
        painter.end()
    return image


def _draw_areas(painter: QPainter, proj: _Projector, areas, style: TileStyle, z: int) -> None:  # noqa: ANN001
    pal = style.palette
    outline = QPen(QColor(pal.building_outline), 0.8) if z >= 16 else Qt.PenStyle.NoPen
    for area in areas:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in area.rings:
            if len(ring) >= 3:
                path.addPolygon(proj.polygon(ring))
                path.closeSubpath()
        painter.setPen(outline if area.kind == "building" else Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(style.area_colour(area.kind))))
        painter.drawPath(path)


def _draw_roads(painter: QPainter, proj: _Projector, roads, style: TileStyle, z: int) -> None:  # noqa: ANN001
    pal = style.palette
    painter.setBrush(Qt.BrushStyle.NoBrush)
    by_layer: dict[int, list] = {}
    for road in roads:
        by_layer.setdefault(road.layer, []).append(road)
    for layer in sorted(by_layer):
        lines = [(road, proj.polygon(road.coords), road_width(road.road_class, z)) for road in by_layer[layer]]
        lines = [item for item in lines if item[2] > 0]
        for road, line, width in lines:  # footpaths first, under the roads
            if road_group(road.road_class) in DASHED_GROUPS:
                pen = QPen(QColor(pal.path), width, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap,
                           Qt.PenJoinStyle.RoundJoin)
                pen.setDashPattern([4.0, 3.0] if road.road_class != "steps" else [1.0, 1.0])
                painter.setPen(pen)
                painter.drawPolyline(line)
        roads_only = [item for item in lines if road_group(item[0].road_class) not in DASHED_GROUPS]
        for road, line, width in roads_only:
            if width >= 2.5:
                casing = style.road_colours(road.road_class)[1]
                painter.setPen(QPen(QColor(casing), width + max(1.2, width * 0.18), Qt.PenStyle.SolidLine,
                                    Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
                painter.drawPolyline(line)
        for road, line, width in roads_only:
            fill, casing = style.road_colours(road.road_class)
            colour = fill if width >= 2.5 or not pal.thin_roads_use_casing else casing
            painter.setPen(QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.drawPolyline(line)


def _draw_labels(painter: QPainter, labels: list[PlacedLabel], style: TileStyle, z: int) -> None:
    pal = style.palette
    halo = QPen(QColor(pal.label_halo), 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    for label in labels:
        font, metrics = _FONTS.get(label.role, z)
        path = QPainterPath()
        width = metrics.horizontalAdvance(label.text)
        path.addText(QPointF(-width / 2, (metrics.ascent() - metrics.descent()) / 2), font, label.text)
        painter.save()
        painter.translate(label.x, label.y)
        if label.angle:
            painter.rotate(label.angle)
        painter.strokePath(path, halo)
        painter.fillPath(path, QColor(getattr(pal, FONT_ROLES[label.role][2])))
        painter.restore()

