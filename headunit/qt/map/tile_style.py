"""Day and night map styles: colours, road widths by class and zoom, label fonts.

Widths are in logical pixels of a 256-px tile; the renderer scales for the device pixel
ratio. The colours follow Theme.qml: a cool, quiet day map, and a night map that keeps
luminance low (dark blue-grey water, grey roads, major roads a muted amber).
Bump STYLE_VERSION whenever a change here changes rendered pixels: it is part of the
tile cache key, so old tiles are never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

STYLE_VERSION = 1
STYLE_NAMES = ("day", "night")
FONT_FAMILY = "DejaVu Sans"

# Road drawing groups: (zoom, width) stops, interpolated exponentially between stops.
_WIDTHS: dict[str, tuple[tuple[int, float], ...]] = {
    "motorway": ((5, 0.8), (10, 1.6), (13, 4.0), (15, 8.0), (16, 11.0), (17, 18.0), (18, 30.0)),
    "primary": ((8, 0.8), (10, 1.2), (13, 3.4), (15, 7.0), (16, 10.0), (17, 16.0), (18, 26.0)),
    "secondary": ((9, 0.7), (11, 1.1), (13, 3.0), (15, 6.5), (16, 9.0), (17, 14.0), (18, 24.0)),
    "tertiary": ((10, 0.7), (12, 1.2), (14, 3.5), (15, 5.5), (16, 8.0), (17, 12.0), (18, 20.0)),
    "minor": ((12, 0.6), (14, 2.2), (15, 3.8), (16, 6.0), (17, 9.5), (18, 16.0)),
    "service": ((14, 0.8), (15, 1.6), (16, 3.0), (17, 5.0), (18, 8.0)),
    "pedestrian": ((13, 0.8), (15, 2.6), (16, 4.5), (17, 7.5), (18, 12.0)),
    "path": ((15, 0.6), (16, 0.8), (17, 1.1), (18, 1.6)),
}
_GROUP = {
    "motorway": "motorway", "trunk": "motorway", "primary": "primary", "secondary": "secondary",
    "tertiary": "tertiary", "motorway_link": "tertiary", "trunk_link": "tertiary", "primary_link": "tertiary",
    "secondary_link": "minor", "tertiary_link": "minor", "unclassified": "minor", "residential": "minor",
    "road": "minor", "living_street": "minor", "service": "service", "pedestrian": "pedestrian",
    "track": "path", "cycleway": "path", "footway": "path", "path": "path", "steps": "path",
}
DASHED_GROUPS = frozenset({"path"})


def road_group(road_class: str) -> str:
    return _GROUP.get(road_class, "minor")


def road_width(road_class: str, zoom: float) -> float:
    """Fill width in logical pixels of `road_class` at `zoom` (0 before its first stop)."""
    stops = _WIDTHS[road_group(road_class)]
    if zoom < stops[0][0]:
        return 0.0
    for (z0, w0), (z1, w1) in zip(stops, stops[1:]):
        if z0 <= zoom <= z1:
            t = (zoom - z0) / (z1 - z0)
            return w0 * (w1 / w0) ** t
    return stops[-1][1]


@dataclass(frozen=True)
class Palette:
    background: str
    water: str
    forest: str
    grass: str
    park: str
    parking: str
    square: str
    pier: str
    building: str
    building_outline: str
    casing: str  # outline of minor roads
    roads: dict[str, tuple[str, str]]  # group -> (fill, casing)
    path: str
    label: str
    label_halo: str
    road_label: str
    place_label: str
    water_label: str
    thin_roads_use_casing: bool  # roads too thin for a casing take its darker colour


DAY = Palette(
    background="#E9EDF1", water="#A8CDE8", forest="#C6E0B8", grass="#D8ECCD", park="#CDE6C3",
    parking="#E2E5EA", square="#F5F4F0", pier="#E3E1DC", building="#DCD8D2", building_outline="#C7C1B9",
    casing="#C2C8CF",
    roads={
        "motorway": ("#F2B25E", "#C7883A"), "primary": ("#FFD37A", "#CFA452"),
        "secondary": ("#FFEDB0", "#CCBB84"), "tertiary": ("#FFFFFF", "#BFC6CE"),
        "minor": ("#FFFFFF", "#C7CDD4"), "service": ("#FFFFFF", "#CDD2D8"),
        "pedestrian": ("#F7F6F2", "#D3D0C8"),
    },
    path="#C3A28C", label="#2E343B", label_halo="#FFFFFF", road_label="#3A4048",
    place_label="#1F2630", water_label="#3E6E96", thin_roads_use_casing=True,
)

NIGHT = Palette(
    background="#0B0E12", water="#1B2835", forest="#15211A", grass="#172219", park="#16231B",
    parking="#1C2128", square="#1E232A", pier="#20252C", building="#232A32", building_outline="#2D3540",
    casing="#0D1014",
    roads={
        "motorway": ("#8C6A34", "#4A3A20"), "primary": ("#74603C", "#3E3422"),
        "secondary": ("#5A5040", "#2E2A22"), "tertiary": ("#3C444F", "#1A1F25"),
        "minor": ("#343B45", "#181C21"), "service": ("#2C323A", "#171B20"),
        "pedestrian": ("#2A3038", "#1A1E24"),
    },
    path="#4F4A46", label="#A8B2BD", label_halo="#0E1115", road_label="#9AA4AF",
    place_label="#C2CAD3", water_label="#5F7F9C", thin_roads_use_casing=False,
)


@dataclass(frozen=True)
class TileStyle:
    name: str
    palette: Palette
    version: int = STYLE_VERSION

    @property
    def cache_key(self) -> str:
        """Part of the tile cache key: a change of name or version never reuses a tile."""
        return f"{self.name}-v{self.version}"

    def area_colour(self, kind: str) -> str:
        return getattr(self.palette, kind, self.palette.square)

    def road_colours(self, road_class: str) -> tuple[str, str]:
        group = road_group(road_class)
        if group == "path":
            return self.palette.path, self.palette.path
        return self.palette.roads[group]


_STYLES = {"day": TileStyle("day", DAY), "night": TileStyle("night", NIGHT)}


def tile_style(name: str) -> TileStyle:
    """The style named `name` ('day' or 'night'); ValueError names the known ones."""
    try:
        return _STYLES[name]
    except KeyError:
        raise ValueError(f"unknown map style {name!r}; known: {', '.join(STYLE_NAMES)}") from None
