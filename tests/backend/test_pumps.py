"""Fuel pumps: deterministic demo pumps in the live data, seeded pumps, and fuel orders at a pump."""

from __future__ import annotations

import sqlite3

import pytest

from headunit.backend.demo_data import FUELS
from headunit.backend.pois import seed_pois
from tests.backend.conftest import Api, error_code

PUMPS = [{"number": 1, "fuels": ["95E10", "Diesel"], "free": False},
         {"number": 2, "fuels": ["98E5"], "free": True},
         {"number": 3, "fuels": ["Diesel", "HVO100"]}]


def fuel_order(api: Api, poi: str, **extra) -> object:
    return api.post("/v1/orders", {"merchant_order_id": f"F-{extra.get('pump')}", "kind": "fuel", "poi_id": poi,
                                   "quantity": 30, **extra})


def test_fuel_pois_have_4_to_8_demo_pumps_and_the_others_none(backend):
    fuel_ids = [backend.seed_poi(category="fuel") for _ in range(40)]
    parking, charger = backend.seed_poi(category="parking"), backend.seed_poi(category="charging")
    api = Api(backend)
    lives = [api.get(f"/v1/pois/{poi}").json() for poi in fuel_ids]
    for live in lives:
        pumps = live["pumps"]
        assert 4 <= len(pumps) <= 8 and live["capacity"] == len(pumps)
        assert [p["number"] for p in pumps] == list(range(1, len(pumps) + 1))
        assert all(p["fuels"] and set(p["fuels"]) <= set(FUELS) for p in pumps)
        assert live["free"] == sum(p["free"] for p in pumps)
    states = [p["free"] for live in lives for p in live["pumps"]]
    assert True in states and False in states  # at 10:30 in Helsinki some pumps are busy, some free
    assert len({tuple(tuple(p["fuels"]) for p in live["pumps"]) for live in lives}) > 10  # not one constant
    assert api.get(f"/v1/pois/{parking}").json()["pumps"] == api.get(f"/v1/pois/{charger}").json()["pumps"] == []


def test_demo_pumps_are_the_same_in_every_database(tmp_path):
    rows = [{"poi_id": f"n{500 + i}", "category": "fuel", "lat": 60.0, "lon": 24.0} for i in range(20)]
    for name in ("a.db", "b.db"):
        seed_pois(tmp_path / name, rows)
    stored = []
    for name in ("a.db", "b.db"):
        with sqlite3.connect(tmp_path / name) as conn:
            stored.append(conn.execute("SELECT poi_id, capacity, pumps FROM pois ORDER BY poi_id").fetchall())
    assert stored[0] == stored[1]


def test_seeded_pumps_keep_their_state_and_set_the_capacity(backend):
    poi = backend.seed_poi(category="fuel", pumps=PUMPS)
    live = Api(backend).get(f"/v1/pois/{poi}").json()
    assert live["capacity"] == 3
    assert [(p["number"], p["fuels"], p["free"]) for p in live["pumps"]][:2] == [
        (1, ["95E10", "Diesel"], False), (2, ["98E5"], True)]
    assert live["free"] == sum(p["free"] for p in live["pumps"])


@pytest.mark.parametrize("row, words", [
    ({"category": "fuel", "pumps": [{"number": 1, "fuels": ["95E10"]}, {"number": 1, "fuels": ["Diesel"]}]},
     "a pump is"),
    ({"category": "fuel", "pumps": [{"number": 1, "fuels": []}]}, "a pump is"),
    ({"category": "fuel", "pumps": [{"number": 0, "fuels": ["Diesel"]}]}, "a pump is"),
    ({"category": "fuel", "pumps": [{"number": 1000, "fuels": ["Diesel"]}]}, "a pump is"),
    ({"category": "fuel", "pumps": [{"number": 1, "fuels": ["Diesel"], "free": "no"}]}, "a pump is"),
    ({"category": "fuel", "capacity": 2, "pumps": [{"number": 1, "fuels": ["Diesel"]}]}, "one pump per unit"),
    ({"category": "parking", "pumps": [{"number": 1, "fuels": ["Diesel"]}]}, "only fuel POIs have pumps"),
])
def test_seeding_refuses_bad_pumps(tmp_path, row, words):
    with pytest.raises(ValueError, match=words):
        seed_pois(tmp_path / "b.db", [{"poi_id": "n1", "lat": 0, "lon": 0, **row}])


def test_a_fuel_order_at_a_free_pump_names_it(backend, api):
    poi = backend.seed_poi(category="fuel", pumps=PUMPS, price_minor=189)
    order = fuel_order(api, poi, pump=2)
    assert order.status_code == 201
    assert (order.json()["pump"], order.json()["amount_minor"]) == (2, 30 * 189)
    assert api.get(f"/v1/orders/{order.json()['id']}").json()["pump"] == 2
    without = fuel_order(api, poi)
    assert (without.status_code, without.json()["pump"]) == (201, None)


def test_a_busy_pump_is_409_pump_busy_and_an_unknown_one_422(backend, api):
    poi = backend.seed_poi(category="fuel", pumps=PUMPS)
    busy = fuel_order(api, poi, pump=1)
    assert (busy.status_code, error_code(busy)) == (409, "pump_busy")
    assert "pump 1" in busy.json()["error"]["message"]
    unknown = fuel_order(api, poi, pump=4)
    assert (unknown.status_code, error_code(unknown)) == (422, "validation_failed")
    assert unknown.json()["error"]["message"] == f"body.pump: {poi} has no pump 4 (its pumps: 1, 2, 3)"
    for bad in (0, -1, "two", 1000):
        answer = fuel_order(api, poi, pump=bad)
        assert answer.status_code == 422 and answer.json()["error"]["message"].startswith("body.pump:")
    assert api.get("/v1/orders").json() == {"orders": []}
