"""POI seeding from the map, deterministic demo data, live free spaces and slots."""

from __future__ import annotations

import calendar
import shutil
import sqlite3

import pytest

from headunit.backend.app import create_app
from headunit.backend.demo_data import demo_fields
from headunit.backend.pois import seed_pois
from headunit.backend.settings import BackendSettings
from tests.backend.conftest import Api, error_code, slot
from tests.backend_fixture import running_backend


def counts(db_path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return dict(conn.execute("SELECT category, COUNT(*) FROM pois GROUP BY category").fetchall())


def test_the_map_seeds_its_parking_and_charging_pois_and_seeding_again_changes_nothing(tmp_path, helsinki_map):
    db_path = tmp_path / "backend.db"
    create_app(BackendSettings(db_path=db_path, map_path=helsinki_map))
    with sqlite3.connect(db_path) as conn:
        first = conn.execute("SELECT * FROM pois ORDER BY poi_id").fetchall()
    create_app(BackendSettings(db_path=db_path, map_path=helsinki_map))
    with sqlite3.connect(db_path) as conn:
        second = conn.execute("SELECT * FROM pois ORDER BY poi_id").fetchall()
    with sqlite3.connect(helsinki_map) as conn:
        map_ids = {("n" if t == "node" else "w" if t == "way" else "r") + str(i) for t, i in conn.execute(
            "SELECT osm_type, osm_id FROM pois WHERE category IN ('parking', 'fuel', 'charging')")}
    assert counts(db_path) == {"parking": 43, "charging": 4}
    assert first == second
    assert {row[0] for row in first} == map_ids


def test_a_map_installed_after_the_backend_started_is_seeded_on_the_next_poi_request(tmp_path, helsinki_map):
    map_path = tmp_path / "maps" / "map.db"
    map_path.parent.mkdir()
    with running_backend(tmp_path / "backend", map_path=map_path, map_check_interval_s=0.0) as handle:
        api = Api(handle)
        assert api.get("/v1/pois").json()["pois"] == []  # the head unit has not imported its map yet
        shutil.copyfile(helsinki_map, map_path)
        assert len(api.get("/v1/pois", limit=500).json()["pois"]) == 47


def test_a_broken_new_map_keeps_the_pois_seeded_before(tmp_path, helsinki_map):
    map_path = tmp_path / "map.db"
    shutil.copyfile(helsinki_map, map_path)
    with running_backend(tmp_path / "backend", map_path=map_path, map_check_interval_s=0.0) as handle:
        api = Api(handle)
        map_path.write_bytes(b"not a map at all" * 100)
        answer = api.get("/v1/pois", limit=500)
        assert answer.status_code == 200 and len(answer.json()["pois"]) == 47


def test_without_a_map_the_backend_has_no_pois(backend):
    assert Api(backend).get("/v1/pois").json()["pois"] == []


def test_demo_data_is_deterministic_and_within_the_documented_ranges(tmp_path):
    rows = [{"poi_id": f"n{100 + i}", "category": category, "name": "", "lat": 60.0, "lon": 24.0}
            for i, category in enumerate(["parking", "fuel", "charging"] * 40)]
    seed_pois(tmp_path / "a.db", rows)
    seed_pois(tmp_path / "b.db", rows)
    with sqlite3.connect(tmp_path / "a.db") as a, sqlite3.connect(tmp_path / "b.db") as b:
        query = "SELECT poi_id, category, capacity, price_minor, connectors FROM pois ORDER BY poi_id"
        seeded = a.execute(query).fetchall()
        assert seeded == b.execute(query).fetchall()
    ranges = {"parking": (150, 450), "fuel": (170, 210), "charging": (29, 59)}
    for _poi_id, category, capacity, price, _connectors in seeded:
        low, high = ranges[category]
        assert low <= price <= high and capacity >= 1
    assert len({price for _, category, _, price, _ in seeded if category == "parking"}) > 5  # not one constant
    charging = demo_fields("n102", "charging")
    assert charging["capacity"] == sum(c["count"] for c in charging["connectors"])
    assert {c["type"] for c in charging["connectors"]} <= {"CCS", "Type2", "CHAdeMO"}


def test_seeding_refuses_bad_rows_naming_the_problem(tmp_path):
    with pytest.raises(ValueError, match="category 'cafe'"):
        seed_pois(tmp_path / "b.db", [{"poi_id": "n1", "category": "cafe", "lat": 0, "lon": 0}])
    with pytest.raises(ValueError, match="poi_id 'x1'"):
        seed_pois(tmp_path / "b.db", [{"poi_id": "x1", "category": "fuel", "lat": 0, "lon": 0}])


def test_live_data_of_a_charging_poi(backend):
    connectors = [{"type": "CCS", "power_kw": 150.0, "count": 2}, {"type": "Type2", "power_kw": 22.0, "count": 2}]
    poi = backend.seed_poi("n2410325871", "charging", name="Kamppi P-Center", lat=60.1689, lon=24.9318,
                           connectors=connectors, price_minor=39)
    live = Api(backend).get(f"/v1/pois/{poi}").json()
    assert {k: live[k] for k in ("poi_id", "category", "name", "currency", "price_minor", "price_unit", "capacity",
                                 "reservable", "updated_at")} == {
        "poi_id": poi, "category": "charging", "name": "Kamppi P-Center", "currency": "EUR", "price_minor": 39,
        "price_unit": "kWh", "capacity": 4, "reservable": True, "updated_at": "2026-11-21T08:30:00Z"}
    assert [(c["type"], c["power_kw"], c["count"]) for c in live["connectors"]] == [
        ("CCS", 150.0, 2), ("Type2", 22.0, 2)]
    assert sum(c["free"] for c in live["connectors"]) == live["free"]
    assert all(0 <= c["free"] <= c["count"] for c in live["connectors"])


def test_fuel_is_priced_per_litre_and_not_reservable(backend):
    poi = backend.seed_poi(category="fuel", name="Neste")
    api = Api(backend)
    live = api.get(f"/v1/pois/{poi}").json()
    assert (live["price_unit"], live["reservable"], live["connectors"]) == ("litre", False, [])
    answer = api.get(f"/v1/pois/{poi}/slots")
    assert answer.status_code == 409 and error_code(answer) == "not_reservable"
    assert error_code(api.reserve(poi)) == "not_reservable"


def test_free_spaces_follow_the_time_of_day(tmp_path):
    night = float(calendar.timegm((2026, 11, 21, 1, 0, 0)))  # 03:00 in Helsinki
    with running_backend(tmp_path, start=night) as backend:
        poi = backend.seed_poi(capacity=200)
        api = Api(backend)
        at_night = api.get(f"/v1/pois/{poi}").json()["free"]
        backend.clock.advance(11 * 3600)  # 14:00 in Helsinki
        at_noon = Api(backend).get(f"/v1/pois/{poi}").json()["free"]
    assert at_night > at_noon


def test_a_reservation_of_the_current_slot_takes_a_free_space(backend):
    poi = backend.seed_poi(capacity=200)
    reservation = Api(backend).reserve(poi, "0900").json()
    backend.clock.advance(9 * 60)  # 08:39: still held, and the slot starts at 09:00
    api = Api(backend)
    api.order_for(reservation["id"])
    order = api.get("/v1/orders").json()["orders"][0]
    assert api.pay(order["id"]).status_code == 200  # confirmed: it holds its space past the hold time
    backend.clock.advance(22 * 60)  # 09:01: the reserved slot is the current one
    api = Api(backend)
    with_reservation = api.get(f"/v1/pois/{poi}").json()["free"]
    assert api.post(f"/v1/reservations/{reservation['id']}/cancel").json()["status"] == "cancelled"
    assert api.get(f"/v1/pois/{poi}").json()["free"] == with_reservation + 1


def test_the_list_filters_by_category_box_and_limit(backend):
    near = backend.seed_poi("n11", "parking", lat=60.17, lon=24.94)
    backend.seed_poi("n12", "parking", lat=61.5, lon=23.7)
    charger = backend.seed_poi("n13", "charging", lat=60.171, lon=24.941)
    api = Api(backend)
    everything = api.get("/v1/pois").json()
    assert [p["poi_id"] for p in everything["pois"]] == ["n11", "n12", "n13"]
    assert everything["as_of"] == "2026-11-21T08:30:00Z"
    assert [p["poi_id"] for p in api.get("/v1/pois", category="charging").json()["pois"]] == [charger]
    in_box = api.get("/v1/pois", bbox="24.93,60.16,24.96,60.18").json()["pois"]
    assert [p["poi_id"] for p in in_box] == [near, charger]
    assert len(api.get("/v1/pois", limit=2).json()["pois"]) == 2


@pytest.mark.parametrize("params, field", [
    ({"bbox": "24.96,60.16,24.93,60.18"}, "query.bbox"),
    ({"bbox": "1,2,3"}, "query.bbox"),
    ({"limit": 0}, "query.limit"),
    ({"limit": 501}, "query.limit"),
    ({"category": "cafe"}, "query.category"),
])
def test_bad_list_parameters_are_422_naming_the_parameter(backend, params, field):
    answer = Api(backend).get("/v1/pois", **params)
    assert answer.status_code == 422 and error_code(answer) == "validation_failed"
    assert answer.json()["error"]["message"].startswith(f"{field}:")


def test_parking_has_hourly_slots_and_charging_half_hourly_from_6_to_22(backend):
    parking = backend.seed_poi(category="parking", capacity=40, price_minor=250)
    charging = backend.seed_poi(category="charging", price_minor=39)
    api = Api(backend)
    day = api.get(f"/v1/pois/{parking}/slots").json()
    assert day["date"] == "2026-11-21" and day["poi_id"] == parking
    assert len(day["slots"]) == 16
    assert day["slots"][3] == {"slot_id": slot(parking, "0900"), "start": "2026-11-21T09:00:00Z",
                               "end": "2026-11-21T10:00:00Z", "capacity": 40, "free": 40, "price_minor": 250}
    halves = api.get(f"/v1/pois/{charging}/slots", date="2026-11-27").json()["slots"]
    assert len(halves) == 32
    assert (halves[0]["start"], halves[-1]["end"]) == ("2026-11-27T06:00:00Z", "2026-11-27T22:00:00Z")
    assert halves[0]["price_minor"] == 39 * 11


def test_a_slot_shows_its_live_reservations(backend, parking):
    api = Api(backend)
    api.reserve(parking, "1000")
    slots = {s["slot_id"]: s["free"] for s in api.get(f"/v1/pois/{parking}/slots").json()["slots"]}
    assert (slots[slot(parking, "1000")], slots[slot(parking, "1100")]) == (0, 1)


@pytest.mark.parametrize("date", ["2026-11-20", "2026-11-28", "2026-02-30", "tomorrow"])
def test_slots_outside_the_booking_days_or_of_a_bad_date_are_422(backend, parking, date):
    answer = Api(backend).get(f"/v1/pois/{parking}/slots", date=date)
    assert answer.status_code == 422 and error_code(answer) == "validation_failed"
    assert answer.json()["error"]["message"].startswith("query.date:")


def test_unknown_and_malformed_poi_ids(backend):
    api = Api(backend)
    assert (api.get("/v1/pois/n424242").status_code, error_code(api.get("/v1/pois/n424242"))) == (404, "not_found")
    assert api.get("/v1/pois/n424242/slots").status_code == 404
    for bad in ("x12", "n0123", "n1" + "0" * 19):
        answer = api.get(f"/v1/pois/{bad}")
        assert answer.status_code == 422 and answer.json()["error"]["message"].startswith("path.poi_id:")
