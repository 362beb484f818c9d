"""OpenStreetMap tags -> what the map stores: road class, one-way, speed limit, layer, area kind,
POI category, address and name.

Pure functions over a tag mapping (``{"highway": "residential", ...}``); the importer reads the
file and calls them. Anything unusable answers None (or 0 for a layer) so the caller falls
back to a default instead of failing: OSM tagging is free text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from .features import PLACE_RANKS, POI_CATEGORY_BY_TAG, ROAD_CLASSES, PoiCategory

Tags = Mapping[str, str]

MAX_TEXT_LENGTH = 500
MPH_KMH = 1.609344
KNOT_KMH = 1.852
WALK_KMH = 7.0

# Implicit speed limits (wiki "Default speed limits"); a zone code whose limit we do not
# know answers None so the road class default applies.
NATIONAL_SPEEDS: dict[str, float | None] = {
    "FI:urban": 50, "FI:rural": 80, "FI:motorway": 120, "FI:living_street": 20,
    "DE:urban": 50, "DE:rural": 100, "DE:motorway": None, "DE:living_street": 7, "DE:bicycle_road": 30,
    "DE:zone30": 30, "DE:zone:30": 30,
    "AT:urban": 50, "AT:rural": 100, "AT:motorway": 130,
    "CH:urban": 50, "CH:rural": 80, "CH:motorway": 120,
    "FR:urban": 50, "FR:rural": 80, "FR:motorway": 130,
    "SE:urban": 50, "SE:rural": 70, "NO:urban": 50, "NO:rural": 80, "DK:urban": 50, "DK:rural": 80,
    "EE:urban": 50, "EE:rural": 90,
    "GB:nsl_single": 60 * MPH_KMH, "GB:nsl_dual": 70 * MPH_KMH, "GB:motorway": 70 * MPH_KMH,
    "RU:urban": 60, "RU:rural": 90, "RU:motorway": 110, "RU:living_street": 20,
    "CN:urban": 50, "CN:rural": 70, "CN:expressway": 100, "CN:motorway": 120,
}

_SPEED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph|knots)?\s*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_ONEWAY_FORWARD = frozenset({"yes", "1", "true"})
_ONEWAY_REVERSE = frozenset({"-1", "reverse"})
_IMPLIED_ONEWAY_CLASSES = frozenset({"motorway", "motorway_link"})
_IMPLIED_ONEWAY_JUNCTIONS = frozenset({"roundabout", "circular"})
_POI_KEYS = ("amenity", "shop", "tourism")


class Oneway(Enum):
    BOTH = 0
    FORWARD = 1  # along the way's node order
    REVERSE = -1  # against it: the importer reverses the geometry and stores it as FORWARD


def road_class(tags: Tags) -> str | None:
    """The ROAD_CLASSES key of a highway way, or None when it is not a road the map draws."""
    value = tags.get("highway")
    if value not in ROAD_CLASSES:
        return None
    if tags.get("area") == "yes":
        return None
    return value


def oneway(tags: Tags) -> Oneway:
    value = (tags.get("oneway") or "").strip().lower()
    if value in _ONEWAY_FORWARD:
        return Oneway.FORWARD
    if value in _ONEWAY_REVERSE:
        return Oneway.REVERSE
    if value == "no":
        return Oneway.BOTH
    if tags.get("junction") in _IMPLIED_ONEWAY_JUNCTIONS or tags.get("highway") in _IMPLIED_ONEWAY_CLASSES:
        return Oneway.FORWARD
    return Oneway.BOTH


def _one_speed(text: str) -> float | None:
    text = text.strip()
    if text in NATIONAL_SPEEDS:
        return NATIONAL_SPEEDS[text]
    if text.lower() == "walk" or text.endswith(":walk"):
        return WALK_KMH
    match = _SPEED.match(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or "").lower()
    if unit == "mph":
        value *= MPH_KMH
    elif unit == "knots":
        value *= KNOT_KMH
    if not 0 < value <= 300:
        return None
    return round(value, 1)


def maxspeed_kmh(value: str | None) -> float | None:
    """A maxspeed tag in km/h; several values ("50;30") give the lowest; unusable -> None."""
    if not value:
        return None
    speeds = [s for s in (_one_speed(part) for part in value.split(";")) if s is not None]
    return min(speeds) if speeds else None


def layer(value: str | None) -> int:
    if not value:
        return 0
    try:
        return max(-10, min(10, int(value.strip())))
    except ValueError:
        return 0


def area_kind(tags: Tags) -> str | None:
    """The AREA_KINDS entry a closed way or multipolygon is drawn as, or None."""
    natural = tags.get("natural")
    landuse = tags.get("landuse")
    leisure = tags.get("leisure")
    if "building" in tags and tags.get("building") != "no":
        return "building"
    if natural == "water" or tags.get("waterway") == "riverbank" or landuse in ("reservoir", "basin"):
        return "water"
    if tags.get("man_made") == "pier":
        return "pier"
    if tags.get("amenity") == "parking":
        return "parking"
    if tags.get("place") == "square" or (tags.get("highway") == "pedestrian" and tags.get("area") == "yes"):
        return "square"
    if leisure in ("park", "garden", "playground") or landuse in ("recreation_ground", "village_green"):
        return "park"
    if landuse in ("grass", "meadow"):
        return "grass"
    if landuse == "forest" or natural == "wood":
        return "forest"
    return None


def poi_category(tags: Tags) -> PoiCategory | None:
    """The POI category of an object, from the first of amenity, shop, tourism that maps to one."""
    for key in _POI_KEYS:
        value = tags.get(key)
        if value is not None:
            category = POI_CATEGORY_BY_TAG.get((key, value))
            if category is not None:
                return category
    return None


def place_kind(tags: Tags) -> str | None:
    value = tags.get("place")
    return value if value in PLACE_RANKS else None


class BrokenTags(ValueError):
    """A tag value that cannot be shown: control characters or absurd length."""


def clean_text(value: str | None, key: str) -> str:
    """A tag value ready to show: stripped; '' when absent; BrokenTags when unusable."""
    if value is None:
        return ""
    if len(value) > MAX_TEXT_LENGTH:
        raise BrokenTags(f"{key} is {len(value)} characters long")
    if _CONTROL.search(value):
        raise BrokenTags(f"{key} contains control characters")
    return value.strip()


def display_name(tags: Tags, *, poi: bool = False) -> str:
    """The name in its own script; POIs without one fall back to brand, then operator.

    A name tag that is present but blank is broken (BrokenTags), not a missing name.
    """
    if "name" in tags:
        name = clean_text(tags["name"], "name")
        if not name:
            raise BrokenTags("name is blank")
        return name
    if poi:
        for key in ("brand", "operator"):
            fallback = clean_text(tags.get(key), key)
            if fallback:
                return fallback
    return ""


def address(tags: Tags) -> str:
    """"Street 12, 00100 City" from addr:*; parts that are missing are left out."""
    street = clean_text(tags.get("addr:street") or tags.get("addr:place"), "addr:street")
    number = clean_text(tags.get("addr:housenumber"), "addr:housenumber")
    postcode = clean_text(tags.get("addr:postcode"), "addr:postcode")
    city = clean_text(tags.get("addr:city"), "addr:city")
    first = " ".join(p for p in (street, number) if p)
    second = " ".join(p for p in (postcode, city) if p)
    return ", ".join(p for p in (first, second) if p)


@dataclass(frozen=True)
class PoiTags:
    category: PoiCategory
    name: str
    address: str
    opening_hours: str
    phone: str
    website: str


def poi_tags(tags: Tags) -> PoiTags | None:
    """The POI an object's tags describe, None when it is not one; BrokenTags when it is one
    whose tags cannot be shown (the importer skips and counts it)."""
    category = poi_category(tags)
    if category is None:
        return None
    return PoiTags(
        category=category,
        name=display_name(tags, poi=True),
        address=address(tags),
        opening_hours=clean_text(tags.get("opening_hours"), "opening_hours"),
        phone=clean_text(tags.get("phone") or tags.get("contact:phone"), "phone"),
        website=clean_text(tags.get("website") or tags.get("contact:website"), "website"),
    )
