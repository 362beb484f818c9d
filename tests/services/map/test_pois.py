"""headunit.services.map.pois: nearest, search, get and in_bbox on real map databases."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headunit.core.map.features import POI_CATEGORIES
from headunit.core.map.geo import BBox, haversine_m
from headunit.services.map import pois
from headunit.services.map.schema import open_map
from headunit.services.map.writer import MapWriter

CENTRE_LAT, CENTRE_LON = 60.17, 24.94
CATEGORIES = list(POI_CATEGORIES)


def _random_store(dest: Path, count: int, seed: int) -> list[tuple[int, str, float, float]]:
    """POIs scattered over ~60 x 60 km, with a dense cluster in the middle; returns (id, category, lat, lon)."""
    rng = random.Random(seed)
    placed = []
    with MapWriter(dest) as writer:
        for i in range(count):
            spread = 0.01 if i % 5 == 0 else 0.3
            lat = CENTRE_LAT + rng.uniform(-spread, spread)
            lon = CENTRE_LON + rng.uniform(-2 * spread, 2 * spread)
            category = rng.choice(CATEGORIES)
            pid = writer.add_poi("node", i + 1, category, lon, lat, name=f"Poi {i}")
            placed.append((pid, category, lat, lon))
        writer.finish()
    return placed


@pytest.fixture(scope="module")
def random_store(tmp_path_factory):
    dest = tmp_path_factory.mktemp("pois") / "map.db"
    placed = _random_store(dest, 3000, seed=7)
    conn = open_map(dest)
    yield conn, placed
    conn.close()


def _brute_force(placed, category, lat, lon, limit, max_radius_m):
    found = sorted((haversine_m(lat, lon, plat, plon), pid) for pid, cat, plat, plon in placed
                   if (category is None or cat == category))
    return [(d, pid) for d, pid in found if d <= max_radius_m][:limit]


@settings(max_examples=150, deadline=None)
@given(dlat=st.floats(-0.5, 0.5), dlon=st.floats(-1.0, 1.0), category=st.sampled_from([None, *CATEGORIES]),
       limit=st.integers(1, 25), max_radius_m=st.sampled_from([300.0, 2_000.0, 10_000.0, 50_000.0, 200_000.0]))
def test_nearest_matches_brute_force(random_store, dlat, dlon, category, limit, max_radius_m):
    conn, placed = random_store
    lat, lon = CENTRE_LAT + dlat, CENTRE_LON + dlon
    got = pois.nearest(conn, category, lat, lon, limit, max_radius_m=max_radius_m)
    expected = _brute_force(placed, category, lat, lon, limit, max_radius_m)
    assert [p.distance_m for p in got] == pytest.approx([d for d, _ in expected], abs=1e-6)
    assert all(category is None or p.category == category for p in got)
    # ids agree except where two POIs are exactly as far away
    assert {p.id for p in got} == {pid for _, pid in expected} or len({d for d, _ in expected}) < len(expected)


def test_nearest_filters_by_category_and_limits(random_store):
    conn, _ = random_store
    got = pois.nearest(conn, "fuel", CENTRE_LAT, CENTRE_LON, 5)
    assert len(got) == 5
    assert {p.category for p in got} == {"fuel"}
    assert [p.distance_m for p in got] == sorted(p.distance_m for p in got)
    assert pois.nearest(conn, None, CENTRE_LAT, CENTRE_LON, 0) == []
    with pytest.raises(ValueError, match="unknown POI category 'petrol'"):
        pois.nearest(conn, "petrol", CENTRE_LAT, CENTRE_LON, 5)


def test_nearest_far_from_everything_finds_nothing_within_the_radius(random_store):
    conn, _ = random_store
    assert pois.nearest(conn, "parking", 10.0, 10.0, 5) == []


def test_get_returns_the_row_or_none(random_store):
    conn, placed = random_store
    pid, category, lat, lon = placed[42]
    poi = pois.get(conn, pid)
    assert (poi.id, poi.category, poi.lat, poi.lon, poi.name, poi.distance_m) == (pid, category, lat, lon,
                                                                                    "Poi 42", None)
    assert pois.get(conn, 10**9) is None


def test_in_bbox_puts_important_categories_first_in_a_stable_order(random_store):
    conn, placed = random_store
    box = BBox(CENTRE_LON - 0.05, CENTRE_LAT - 0.03, CENTRE_LON + 0.05, CENTRE_LAT + 0.03)
    inside = [p for p in placed if box.contains(p[3], p[2])]
    got = pois.in_bbox(conn, box, None, limit=len(inside) + 10)
    assert sorted(p.id for p in got) == sorted(p[0] for p in inside)
    first = [p.category for p in got[:3]]
    assert first[0] == "parking"
    assert pois.in_bbox(conn, box, None, limit=20) == pois.in_bbox(conn, box, None, limit=20)
    bookable_count = sum(1 for p in inside if POI_CATEGORIES[p[1]].bookable)
    top = pois.in_bbox(conn, box, None, limit=bookable_count)
    assert {p.category for p in top} == {"parking", "fuel", "charging"}
    only = pois.in_bbox(conn, box, ["cafe", "bar"], limit=1000)
    assert {p.category for p in only} <= {"cafe", "bar"}
    assert len(only) == sum(1 for p in inside if p[1] in ("cafe", "bar"))
    assert [p.category for p in only] == sorted((p.category for p in only), key=lambda c: c != "cafe")


def test_in_bbox_with_more_pois_than_the_limit_spreads_them_over_the_box(random_store):
    conn, placed = random_store
    box = BBox(CENTRE_LON - 0.6, CENTRE_LAT - 0.3, CENTRE_LON + 0.6, CENTRE_LAT + 0.3)
    assert sum(1 for p in placed if p[1] == "cafe" and box.contains(p[3], p[2])) > 100
    got = pois.in_bbox(conn, box, ["cafe"], limit=32)
    assert len(got) == 32 and all(box.contains(p.lon, p.lat) and p.category == "cafe" for p in got)
    assert [p.id for p in got] == sorted(p.id for p in got)
    quadrants = {(p.lon > CENTRE_LON, p.lat > CENTRE_LAT) for p in got}
    assert len(quadrants) == 4


# -- search on a small named store ----------------------------------------------------------------

NAMED = [
    # name, address, category, dlat, dlon
    ("Aurora", "Aurorankatu 1, 00100 Helsinki", "cafe", 0.02, 0.0),
    ("Aurora Bar", "Kalevankatu 3, 00100 Helsinki", "bar", 0.001, 0.0),
    ("Kahvila Aurora", "Bulevardi 5, 00120 Helsinki", "cafe", 0.0005, 0.0),
    ("Kahvila Aurora", "Bulevardi 9, 00120 Helsinki", "cafe", 0.03, 0.0),
    ("Pikku Kahvila", "Aurorankatu 7, 00100 Helsinki", "cafe", 0.0, 0.001),
    ("北京烤鸭", "长安街 1, 北京", "restaurant", 0.0, 0.002),
    ("北京饭店", "长安街 9, 北京", "restaurant", 0.0, 0.003),
    ("上海小笼包", "南京路 5, 上海", "restaurant", 0.0, 0.004),
    ('Bar "Quote" (AND) - *', "Punavuorenkatu 2, 00150 Helsinki", "bar", 0.0, 0.005),
    ("Neste Kamppi", "Mannerheimintie 5, 00100 Helsinki", "fuel", 0.0, 0.006),
]


@pytest.fixture(scope="module")
def named_store(tmp_path_factory):
    dest = tmp_path_factory.mktemp("named") / "map.db"
    with MapWriter(dest) as writer:
        for i, (name, address, category, dlat, dlon) in enumerate(NAMED):
            writer.add_poi("node", i + 1, category, CENTRE_LON + dlon, CENTRE_LAT + dlat, name=name, address=address)
        writer.finish()
    conn = open_map(dest)
    yield conn
    conn.close()


def names(found) -> list[str]:
    return [p.name for p in found]


def test_search_ranks_exact_then_prefix_then_word_then_inside_then_address(named_store):
    found = names(pois.search(named_store, "aurora"))
    assert found[0] == "Aurora"
    assert found[1] == "Aurora Bar"
    assert found[2:4] == ["Kahvila Aurora", "Kahvila Aurora"]
    assert found[4] == "Pikku Kahvila"  # in its address only
    assert len(found) == 5


def test_search_orders_equal_matches_by_distance(named_store):
    found = pois.search(named_store, "kahvila aurora", CENTRE_LAT + 0.03, CENTRE_LON)
    assert [p.address for p in found[:2]] == ["Bulevardi 9, 00120 Helsinki", "Bulevardi 5, 00120 Helsinki"]
    assert found[0].distance_m == pytest.approx(0.0, abs=1.0)
    assert pois.search(named_store, "kahvila aurora")[0].distance_m is None


def test_search_by_address(named_store):
    assert names(pois.search(named_store, "Mannerheimintie 5")) == ["Neste Kamppi"]
    assert "Pikku Kahvila" in names(pois.search(named_store, "Aurorankatu 7"))


def test_search_words_in_any_order(named_store):
    # both words start words of the name; Pikku Kahvila has "aurora" only in its address
    assert names(pois.search(named_store, "aurora kahv")) == ["Kahvila Aurora", "Kahvila Aurora", "Pikku Kahvila"]


@pytest.mark.parametrize(("text", "expected"), [
    ("北京", {"北京烤鸭", "北京饭店"}),
    ("北京烤", {"北京烤鸭"}),
    ("北京烤鸭", {"北京烤鸭"}),
    ("小笼包", {"上海小笼包"}),
    ("长安街", {"北京烤鸭", "北京饭店"}),
    ("Ne", {"Neste Kamppi"}),
    ("a", {"Aurora", "Aurora Bar"}),
])
def test_search_short_and_chinese_text(named_store, text, expected):
    assert set(names(pois.search(named_store, text))) == expected


@pytest.mark.parametrize("text", ['"', '""', "*", "AND", "OR", "NOT", "(", ")", "-", "-aurora", "aurora*",
                                  'bar "quote', "^", ":", "name:aurora", "NEAR(a b)", "'", "%", "_", "\\"])
def test_search_with_fts_syntax_characters_never_raises(named_store, text):
    assert isinstance(pois.search(named_store, text, CENTRE_LAT, CENTRE_LON), list)


def test_search_finds_names_with_syntax_characters(named_store):
    assert names(pois.search(named_store, '"quote" (and)')) == ['Bar "Quote" (AND) - *']
    assert names(pois.search(named_store, "- *")) == ['Bar "Quote" (AND) - *']


def test_search_empty_text_and_limit(named_store):
    assert pois.search(named_store, "   ") == []
    assert len(pois.search(named_store, "aurora", limit=2)) == 2


def test_search_helsinki_finds_real_names(helsinki_map):
    conn = open_map(helsinki_map)
    try:
        name, lat, lon = conn.execute("SELECT name, lat, lon FROM pois WHERE length(name) >= 6 "
                                      "ORDER BY id LIMIT 1").fetchone()
        found = pois.search(conn, name[:5], lat, lon)
        assert name in names(found)
        parking = pois.nearest(conn, "parking", 60.17, 24.945, 3)
        assert len(parking) == 3 and {p.category for p in parking} == {"parking"}
    finally:
        conn.close()
