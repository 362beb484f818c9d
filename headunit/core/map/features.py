"""What the map knows: road classes, drawn area kinds, POI categories and place kinds.

The tables are shared by the importer (which classifies OSM tags into them), the tile
renderer (which draws by class and rank) and routing (speeds for roads without a
maxspeed tag). Speeds are typical urban European defaults.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RoadClass:
    key: str  # the OSM highway=* value
    rank: int  # drawing order and label priority; higher is more important
    routable: bool  # cars may drive on it
    speed_kmh: float  # assumed when the way has no usable maxspeed
    min_zoom: int  # first zoom at which the renderer draws it


_ROADS = (
    RoadClass("motorway", 10, True, 100, 5),
    RoadClass("trunk", 9, True, 80, 6),
    RoadClass("primary", 8, True, 50, 8),
    RoadClass("secondary", 7, True, 50, 9),
    RoadClass("tertiary", 6, True, 40, 10),
    RoadClass("motorway_link", 6, True, 60, 10),
    RoadClass("trunk_link", 6, True, 50, 10),
    RoadClass("primary_link", 6, True, 40, 10),
    RoadClass("secondary_link", 5, True, 40, 11),
    RoadClass("tertiary_link", 5, True, 30, 11),
    RoadClass("unclassified", 4, True, 40, 12),
    RoadClass("residential", 4, True, 30, 12),
    RoadClass("road", 3, True, 30, 13),
    RoadClass("living_street", 3, True, 10, 13),
    RoadClass("service", 2, True, 20, 14),
    RoadClass("pedestrian", 2, False, 0, 13),
    RoadClass("track", 1, False, 0, 14),
    RoadClass("cycleway", 1, False, 0, 15),
    RoadClass("footway", 1, False, 0, 15),
    RoadClass("path", 1, False, 0, 15),
    RoadClass("steps", 1, False, 0, 16),
)
ROAD_CLASSES: dict[str, RoadClass] = {c.key: c for c in _ROADS}


@dataclass(frozen=True)
class PoiCategory:
    key: str  # stable id used in the database, the API and QML ("parking", "fuel", ...)
    code: int  # dimension value in the POI R*Tree, so a category filter is an index look-up
    tags: tuple[tuple[str, str], ...]  # OSM key=value pairs that make a POI of this category
    icon: str  # icon name in Icons.qml
    bookable: bool = False  # reserve-and-pay services exist for it


_POIS = (
    PoiCategory("parking", 1, (("amenity", "parking"), ("amenity", "parking_entrance")), "parking", True),
    PoiCategory("fuel", 2, (("amenity", "fuel"),), "fuel", True),
    PoiCategory("charging", 3, (("amenity", "charging_station"),), "charging", True),
    PoiCategory("restaurant", 4, (("amenity", "restaurant"), ("amenity", "food_court")), "restaurant"),
    PoiCategory("cafe", 5, (("amenity", "cafe"), ("amenity", "ice_cream")), "cafe"),
    PoiCategory("fast_food", 6, (("amenity", "fast_food"),), "restaurant"),
    PoiCategory("bar", 7, (("amenity", "bar"), ("amenity", "pub"), ("amenity", "nightclub")), "bar"),
    PoiCategory("hospital", 8, (("amenity", "hospital"), ("amenity", "clinic"), ("amenity", "doctors")), "hospital"),
    PoiCategory("pharmacy", 9, (("amenity", "pharmacy"), ("shop", "chemist")), "pharmacy"),
    PoiCategory("hotel", 10, (("tourism", "hotel"), ("tourism", "hostel"), ("tourism", "guest_house")), "hotel"),
    PoiCategory("shop", 11, (("shop", "supermarket"), ("shop", "convenience"), ("shop", "mall"),
                             ("shop", "department_store")), "shop"),
    PoiCategory("bank", 12, (("amenity", "atm"), ("amenity", "bank")), "bank"),
    PoiCategory("toilets", 13, (("amenity", "toilets"),), "toilets"),
    PoiCategory("sight", 14, (("tourism", "attraction"), ("tourism", "museum"), ("tourism", "viewpoint"),
                              ("amenity", "theatre"), ("amenity", "cinema")), "sight"),
    PoiCategory("police", 15, (("amenity", "police"),), "police"),
    PoiCategory("car_service", 16, (("shop", "car_repair"), ("amenity", "car_wash"), ("shop", "tyres")),
                "car_service"),
)
POI_CATEGORIES: dict[str, PoiCategory] = {c.key: c for c in _POIS}
POI_CATEGORY_BY_CODE: dict[int, PoiCategory] = {c.code: c for c in _POIS}
POI_CATEGORY_BY_TAG: dict[tuple[str, str], PoiCategory] = {tag: c for c in _POIS for tag in c.tags}
NEAREST_CATEGORIES = ("parking", "fuel", "charging")  # the buttons usable while moving

# Area kinds the renderer fills, in drawing order (later ones on top).
AREA_KINDS = ("forest", "grass", "park", "water", "parking", "square", "pier", "building")

# place=* values that get a label, with their label priority (higher first).
PLACE_RANKS: dict[str, int] = {
    "city": 10, "town": 9, "suburb": 7, "quarter": 6, "village": 6, "neighbourhood": 5,
    "island": 5, "square": 4, "locality": 3,
}

OSM_TYPE_LETTERS = {"node": "n", "way": "w", "relation": "r"}


def osm_ref(osm_type: str, osm_id: int) -> str:
    """An OSM element as one short id ('n123' for node 123): the backend's POI id
    (docs/backend-api.md); "" for an unknown type or a non-positive id."""
    letter = OSM_TYPE_LETTERS.get(osm_type)
    return f"{letter}{osm_id}" if letter is not None and osm_id > 0 else ""
