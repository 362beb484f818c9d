"""headunit.core.map.osm_tags: OSM tags -> road class, one-way, speed, layer, area kind, POI fields."""

from __future__ import annotations

import pytest

from headunit.core.map import osm_tags
from headunit.core.map.osm_tags import BrokenTags, Oneway


@pytest.mark.parametrize(("tags", "expected"), [
    ({"highway": "residential"}, "residential"),
    ({"highway": "motorway"}, "motorway"),
    ({"highway": "footway"}, "footway"),
    ({"highway": "pedestrian", "area": "yes"}, None),
    ({"highway": "construction", "construction": "primary"}, None),
    ({"highway": "proposed"}, None),
    ({"highway": "bus_stop"}, None),
    ({"building": "yes"}, None),
])
def test_road_class(tags, expected):
    assert osm_tags.road_class(tags) == expected


@pytest.mark.parametrize(("tags", "expected"), [
    ({"highway": "residential"}, Oneway.BOTH),
    ({"highway": "residential", "oneway": "yes"}, Oneway.FORWARD),
    ({"highway": "residential", "oneway": "1"}, Oneway.FORWARD),
    ({"highway": "residential", "oneway": "true"}, Oneway.FORWARD),
    ({"highway": "residential", "oneway": "-1"}, Oneway.REVERSE),
    ({"highway": "residential", "oneway": "reverse"}, Oneway.REVERSE),
    ({"highway": "residential", "oneway": "no"}, Oneway.BOTH),
    ({"highway": "residential", "oneway": "alternating"}, Oneway.BOTH),
    ({"highway": "residential", "junction": "roundabout"}, Oneway.FORWARD),
    ({"highway": "motorway"}, Oneway.FORWARD),
    ({"highway": "motorway", "oneway": "no"}, Oneway.BOTH),
    ({"highway": "primary", "junction": "roundabout", "oneway": "-1"}, Oneway.REVERSE),
])
def test_oneway(tags, expected):
    assert osm_tags.oneway(tags) is expected


@pytest.mark.parametrize(("value", "expected"), [
    ("50", 50.0), ("50 km/h", 50.0), ("30 mph", 48.3), ("30mph", 48.3), ("50;30", 30.0), ("FI:urban", 50),
    ("FI:rural", 80), ("DE:urban", 50), ("DE:rural", 100), ("RU:urban", 60), ("walk", 7.0), ("DE:walk", 7.0),
    ("none", None), ("signals", None), ("fast", None), ("", None), (None, None), ("0", None), ("9999", None),
    ("DE:motorway", None), ("XX:urban", None), ("none;60", 60.0), ("50,5", 50.5),
])
def test_maxspeed(value, expected):
    assert osm_tags.maxspeed_kmh(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("1", 1), ("-2", -2), (" 3 ", 3), (None, 0), ("", 0), ("bridge", 0), ("1;2", 0), ("1.5", 0), ("99", 10),
])
def test_layer(value, expected):
    assert osm_tags.layer(value) == expected


@pytest.mark.parametrize(("tags", "expected"), [
    ({"natural": "water"}, "water"), ({"waterway": "riverbank"}, "water"), ({"landuse": "reservoir"}, "water"),
    ({"landuse": "basin"}, "water"), ({"leisure": "park"}, "park"), ({"leisure": "garden"}, "park"),
    ({"leisure": "playground"}, "park"), ({"landuse": "recreation_ground"}, "park"),
    ({"landuse": "village_green"}, "park"), ({"landuse": "grass"}, "grass"), ({"landuse": "meadow"}, "grass"),
    ({"landuse": "forest"}, "forest"), ({"natural": "wood"}, "forest"), ({"building": "yes"}, "building"),
    ({"building": "apartments", "amenity": "parking"}, "building"), ({"building": "no", "landuse": "grass"}, "grass"),
    ({"amenity": "parking"}, "parking"), ({"place": "square"}, "square"),
    ({"highway": "pedestrian", "area": "yes"}, "square"), ({"highway": "pedestrian"}, None),
    ({"man_made": "pier"}, "pier"), ({"landuse": "residential"}, None), ({}, None),
])
def test_area_kind(tags, expected):
    assert osm_tags.area_kind(tags) == expected


def test_poi_category_from_amenity_shop_and_tourism():
    assert osm_tags.poi_category({"amenity": "charging_station"}).key == "charging"
    assert osm_tags.poi_category({"shop": "supermarket"}).key == "shop"
    assert osm_tags.poi_category({"tourism": "hotel"}).key == "hotel"
    assert osm_tags.poi_category({"amenity": "bench"}) is None
    # an unmapped amenity does not hide a mapped shop tag
    assert osm_tags.poi_category({"amenity": "bench", "shop": "convenience"}).key == "shop"


def test_address_formats_street_number_postcode_city():
    tags = {"addr:street": "Mannerheimintie", "addr:housenumber": "12", "addr:postcode": "00100",
            "addr:city": "Helsinki"}
    assert osm_tags.address(tags) == "Mannerheimintie 12, 00100 Helsinki"
    assert osm_tags.address({"addr:street": "长安街", "addr:housenumber": "1", "addr:city": "北京"}) == "长安街 1, 北京"
    assert osm_tags.address({"addr:city": "Berlin"}) == "Berlin"
    assert osm_tags.address({}) == ""


def test_names_keep_their_script_and_pois_fall_back_to_brand_then_operator():
    assert osm_tags.display_name({"name": " 北京烤鸭 "}) == "北京烤鸭"
    assert osm_tags.display_name({"brand": "Neste"}) == ""
    assert osm_tags.display_name({"brand": "Neste", "operator": "Neste Oyj"}, poi=True) == "Neste"
    assert osm_tags.display_name({"operator": "Helsingin kaupunki"}, poi=True) == "Helsingin kaupunki"


@pytest.mark.parametrize("tags", [
    {"amenity": "cafe", "name": "  "},
    {"amenity": "cafe", "name": "Bad\x00name"},
    {"amenity": "cafe", "name": "Bell\x07"},
    {"amenity": "cafe", "name": "x" * 501},
    {"amenity": "cafe", "name": "ok", "opening_hours": "y" * 600},
    {"amenity": "cafe", "name": "ok", "addr:street": "Katu\x1b"},
])
def test_broken_poi_tags_raise(tags):
    with pytest.raises(BrokenTags):
        osm_tags.poi_tags(tags)


def test_poi_tags_collects_the_fields():
    poi = osm_tags.poi_tags({"amenity": "fuel", "name": "Neste", "opening_hours": "24/7",
                             "contact:phone": "+358 1", "website": "https://x.example",
                             "addr:street": "Tie", "addr:housenumber": "2"})
    assert (poi.category.key, poi.name, poi.address, poi.opening_hours, poi.phone, poi.website) == (
        "fuel", "Neste", "Tie 2", "24/7", "+358 1", "https://x.example")
    assert osm_tags.poi_tags({"amenity": "parking"}).name == ""
    assert osm_tags.poi_tags({"highway": "residential"}) is None


def test_place_kind():
    assert osm_tags.place_kind({"place": "city"}) == "city"
    assert osm_tags.place_kind({"place": "farm"}) is None
