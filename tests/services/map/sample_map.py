"""A small hand-made map database for rendering tests, written with MapWriter.

Everything sits around CENTER (in Helsinki's latitude) at known places, so tests can
project a feature to a tile pixel and look at it:
- "Testikatu": a primary road running east-west through CENTER;
- "Sivukatu": a residential road running north-south through CENTER;
- an unnamed service road, a footway;
- a water area south-west, a park north-east, buildings south-east;
- places "Testby" (city) and "Norra" (suburb); POIs: parking, fuel, cafe.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from headunit.services.map.writer import MapWriter

CENTER = (24.9400, 60.1700)  # lon, lat
MAP_BOX = (24.9250, 60.1620, 24.9550, 60.1780)  # min lon, min lat, max lon, max lat
WATER = ((24.9290, 60.1640), (24.9350, 60.1670))  # south-west corner, north-east corner
PARK = ((24.9440, 60.1720), (24.9500, 60.1750))
POIS = {"parking": (24.9410, 60.1705), "fuel": (24.9380, 60.1690), "cafe": (24.9430, 60.1712)}


def _box(sw: tuple[float, float], ne: tuple[float, float]) -> list[tuple[float, float]]:
    (x0, y0), (x1, y1) = sw, ne
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


def write_sample_map(dest: Path, map_id: str | None = None) -> Path:
    """Write the sample map to `dest` and return it; map_id defaults to a fresh uuid."""
    lon, lat = CENTER
    with MapWriter(dest) as w:
        w.add_road(1, "primary", [(24.9260, lat), (lon, lat), (24.9540, lat)], name="Testikatu")
        w.add_road(2, "residential", [(lon, 60.1630), (lon, lat), (lon, 60.1770)], name="Sivukatu")
        w.add_road(3, "service", [(24.9450, 60.1680), (24.9480, 60.1660)])
        w.add_road(4, "footway", [(24.9300, 60.1720), (24.9350, 60.1740)], name="Polku")
        w.add_area("way", 10, "water", [_box(*WATER)], name="Lampi")
        w.add_area("way", 11, "park", [_box(*PARK)], name="Puisto")
        for i in range(4):
            x = 24.9420 + i * 0.0012
            w.add_area("way", 20 + i, "building", [_box((x, 60.1660), (x + 0.0008, 60.1666))])
        w.add_place(30, "city", "Testby", 24.9370, 60.1735)
        w.add_place(31, "suburb", "Norra", 24.9470, 60.1765)
        for i, (category, (plon, plat)) in enumerate(POIS.items()):
            w.add_poi("node", 40 + i, category, plon, plat, name=f"Sample {category}")
        min_lon, min_lat, max_lon, max_lat = MAP_BOX
        for key, value in (("min_lon", min_lon), ("min_lat", min_lat), ("max_lon", max_lon),
                           ("max_lat", max_lat)):
            w.set_meta(key, repr(value))
        w.set_meta("map_id", map_id or uuid.uuid4().hex)
        w.finish()
    return dest
