"""Labels that do not collide: candidates for road names and place names, placed greedily.

Everything is in world pixels at the tile zoom (logical pixels, 256 per tile). Placement
is deterministic: candidates go in priority order (places by rank, then roads by rank,
then the feature id, then the candidate's position along its road), and a candidate is
kept when every one of its boxes is free and inside the bounds. A road name runs along
its road (straight text turned to the road's direction, never upside down) and repeats
only every ``repeat_px``.

The renderer places labels per block of tiles (see LabelLayout in tile_renderer) and
keeps only labels that lie wholly inside the block, so two tiles that share a label
always agree about it: no label is ever cut at a tile edge. No Qt here: text is measured
through the `measure` callable the renderer passes in.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from headunit.core.map.geo import lonlat_to_world
from headunit.services.map.drawing import DrawPlace, DrawRoad

Box = tuple[float, float, float, float]  # x0, y0, x1, y1
Measure = Callable[[str, str], tuple[float, float]]  # (text, font role) -> (width, height)

_CELL = 64.0
MAX_STRAIGHTNESS = 0.3  # of the text height: how far the road may bend under a straight label


@dataclass(frozen=True)
class LabelCandidate:
    priority: tuple  # smaller is placed first
    kind: str  # "place" or "road"
    text: str
    role: str  # font role (tile_renderer.FONT_ROLES)
    x: float  # centre, world px
    y: float
    angle: float  # degrees clockwise, within (-90, 90]
    width: float
    height: float
    group: str  # labels of one group keep repeat_px apart
    repeat_px: float = 0.0

    def boxes(self) -> list[Box]:
        """Axis-aligned boxes that cover the (possibly turned) label: one per text-height of length."""
        if self.angle == 0.0:
            return [(self.x - self.width / 2, self.y - self.height / 2,
                     self.x + self.width / 2, self.y + self.height / 2)]
        pieces = max(1, math.ceil(self.width / self.height))
        piece = self.width / pieces
        rad = math.radians(self.angle)
        cos, sin = math.cos(rad), math.sin(rad)
        half_w = (piece * abs(cos) + self.height * abs(sin)) / 2
        half_h = (piece * abs(sin) + self.height * abs(cos)) / 2
        boxes = []
        for i in range(pieces):
            along = -self.width / 2 + piece * (i + 0.5)
            cx, cy = self.x + along * cos, self.y + along * sin
            boxes.append((cx - half_w, cy - half_h, cx + half_w, cy + half_h))
        return boxes


@dataclass(frozen=True)
class PlacedLabel:
    kind: str
    text: str
    role: str
    x: float
    y: float
    angle: float
    width: float
    height: float
    boxes: tuple[Box, ...]

    def bounds(self) -> Box:
        return (min(b[0] for b in self.boxes), min(b[1] for b in self.boxes),
                max(b[2] for b in self.boxes), max(b[3] for b in self.boxes))


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _Grid:
    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Box]] = defaultdict(list)

    def _cells_of(self, box: Box) -> Iterable[tuple[int, int]]:
        for cx in range(math.floor(box[0] / _CELL), math.floor(box[2] / _CELL) + 1):
            for cy in range(math.floor(box[1] / _CELL), math.floor(box[3] / _CELL) + 1):
                yield cx, cy

    def free(self, box: Box) -> bool:
        return not any(_overlaps(box, other) for cell in self._cells_of(box) for other in self._cells[cell])

    def add(self, box: Box) -> None:
        for cell in self._cells_of(box):
            self._cells[cell].append(box)


def place_labels(candidates: Iterable[LabelCandidate], bounds: Box) -> list[PlacedLabel]:
    """Greedy placement in priority order; every placed label lies inside `bounds`, none overlap."""
    grid = _Grid()
    placed: list[PlacedLabel] = []
    by_group: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in sorted(candidates, key=lambda c: c.priority):
        boxes = c.boxes()
        if not all(b[0] >= bounds[0] and b[1] >= bounds[1] and b[2] <= bounds[2] and b[3] <= bounds[3]
                   for b in boxes):
            continue
        if c.repeat_px and any(math.hypot(c.x - x, c.y - y) < c.repeat_px for x, y in by_group[c.group]):
            continue
        if not all(grid.free(b) for b in boxes):
            continue
        for b in boxes:
            grid.add(b)
        by_group[c.group].append((c.x, c.y))
        placed.append(PlacedLabel(c.kind, c.text, c.role, c.x, c.y, c.angle, c.width, c.height, tuple(boxes)))
    return placed


# -- candidates ----------------------------------------------------------------------------


def place_candidates(places: Sequence[DrawPlace], zoom: int, measure: Measure) -> list[LabelCandidate]:
    out = []
    for p in places:
        role = p.kind if p.kind in ("city", "town", "suburb") else "place"
        width, height = measure(p.name, role)
        x, y = lonlat_to_world(p.lon, p.lat, zoom)
        out.append(LabelCandidate((0, -p.rank, p.id), "place", p.name, role, x, y, 0.0,
                                  width + 4, height, f"place:{p.name}"))
    return out


def _chains(roads: Sequence[DrawRoad]) -> list[tuple[DrawRoad, list[tuple[float, float]]]]:
    """Join the ways of one name end to end (OSM splits a street at every junction and tag change)."""
    out = []
    by_name: dict[str, list[DrawRoad]] = defaultdict(list)
    for r in roads:
        by_name[r.name or r.ref].append(r)
    for group in by_name.values():
        group.sort(key=lambda r: r.id)
        ends: dict[tuple[float, float], list[int]] = defaultdict(list)
        for i, r in enumerate(group):
            ends[r.coords[0]].append(i)
            ends[r.coords[-1]].append(i)
        used: set[int] = set()
        for i, first in enumerate(group):
            if i in used or len(first.coords) < 2:
                continue
            used.add(i)
            chain = list(first.coords)
            for forward in (True, False):
                while True:
                    end = chain[-1] if forward else chain[0]
                    nxt = next((j for j in ends[end] if j not in used), None)
                    if nxt is None:
                        break
                    used.add(nxt)
                    pts = group[nxt].coords
                    if forward:
                        chain.extend((pts if pts[0] == end else pts[::-1])[1:])
                    else:
                        chain[:0] = (pts if pts[-1] == end else pts[::-1])[:-1]
            best = max((r for j, r in enumerate(group) if j in used), key=lambda r: (r.rank, -r.id))
            out.append((best, chain))
    # most important road first, then by id: the placer's order does not depend on the query's
    out.sort(key=lambda item: (-item[0].rank, item[0].id))
    return out


def _point_at(pts: list[tuple[float, float]], cum: list[float], s: float) -> tuple[int, tuple[float, float]]:
    """Index of the segment holding arc length `s`, and the point there."""
    lo, hi = 0, len(cum) - 1
    while lo < hi - 1:
        mid = (lo + hi) // 2
        if cum[mid] <= s:
            lo = mid
        else:
            hi = mid
    seg = cum[lo + 1] - cum[lo]
    t = 0.0 if seg == 0 else (s - cum[lo]) / seg
    (x0, y0), (x1, y1) = pts[lo], pts[lo + 1]
    return lo, (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)


def road_candidates(roads: Sequence[DrawRoad], zoom: int, measure: Measure, bounds: Box, *,
                    repeat_px: float = 360.0) -> list[LabelCandidate]:
    """Straight labels along each named road where it is straight enough for the text.

    Positions run from the middle of the joined road outwards, every half label length;
    only those whose centre lies in `bounds` become candidates.
    """
    out = []
    for road, chain in _chains([r for r in roads if r.name or r.ref]):
        text = road.name or road.ref
        width, height = measure(text, "road")
        length_needed = width + height  # half a text height of air at each end
        pts = [lonlat_to_world(lon, lat, zoom) for lon, lat in chain]
        cum = [0.0]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            cum.append(cum[-1] + math.hypot(x1 - x0, y1 - y0))
        total = cum[-1]
        if total < length_needed:
            continue
        step = length_needed * 0.5
        offsets = [0.0]
        for k in range(1, int(total / 2 / step) + 1):
            offsets += [k * step, -k * step]
        for order, off in enumerate(offsets):
            s = total / 2 + off
            a, b = s - length_needed / 2, s + length_needed / 2
            if a < 0 or b > total:
                continue
            _, centre = _point_at(pts, cum, s)
            if not (bounds[0] <= centre[0] <= bounds[2] and bounds[1] <= centre[1] <= bounds[3]):
                continue
            ia, pa = _point_at(pts, cum, a)
            ib, pb = _point_at(pts, cum, b)
            dx, dy = pb[0] - pa[0], pb[1] - pa[1]
            chord = math.hypot(dx, dy)
            if chord < 0.9 * length_needed:
                continue
            bend = max((abs((p[0] - pa[0]) * dy - (p[1] - pa[1]) * dx) / chord for p in pts[ia + 1:ib + 1]),
                       default=0.0)
            if bend > MAX_STRAIGHTNESS * height:
                continue
            angle = math.degrees(math.atan2(dy, dx))
            if angle > 90:
                angle -= 180
            elif angle <= -90:
                angle += 180
            out.append(LabelCandidate((1, -road.rank, road.id, order), "road", text, "road",
                                      (pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, angle,
                                      width + 0.4 * height, height, f"road:{text}", repeat_px))
    return out
