"""Idempotency-Key: replays, reuse with another request, stored refusals, scope and age."""

from __future__ import annotations

import sqlite3

import pytest
import requests

from tests.backend.conftest import Api, error_code, slot


def reservation_count(backend) -> int:
    with sqlite3.connect(backend.db_path) as conn:
        return conn.execute("SELECT COUNT(*) FROM reservations").fetchone()[0]


def test_the_same_key_and_body_replays_the_first_answer(backend, api):
    poi = backend.seed_poi(capacity=5)
    body = {"poi_id": poi, "slot_id": slot(poi)}
    first = api.post("/v1/reservations", body, key="key-1")
    again = api.post("/v1/reservations", body, key="key-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert reservation_count(backend) == 1


def test_a_replay_returns_the_stored_answer_not_the_current_state(backend, api, parking):
    held = api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking)}, key="k").json()
    api.post(f"/v1/reservations/{held['id']}/cancel")
    replay = api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking)}, key="k")
    assert replay.json()["status"] == "held"
    assert api.get(f"/v1/reservations/{held['id']}").json()["status"] == "cancelled"


def test_the_same_key_with_another_body_or_path_is_refused(api, parking, backend):
    other = backend.seed_poi(capacity=5)
    api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking)}, key="k")
    other_body = api.post("/v1/reservations", {"poi_id": other, "slot_id": slot(other)}, key="k")
    other_path = api.post("/v1/orders", {"merchant_order_id": "X", "kind": "fuel", "poi_id": other, "quantity": 1},
                          key="k")
    for answer in (other_body, other_path):
        assert (answer.status_code, error_code(answer)) == (409, "idempotency_key_reused")
    assert reservation_count(backend) == 1


def test_a_refusal_is_stored_and_replayed_too(backend, api, other_api, parking):
    holder = api.reserve(parking).json()
    refused = other_api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking)}, key="retry-me")
    assert error_code(refused) == "slot_full"
    api.post(f"/v1/reservations/{holder['id']}/cancel")  # the slot is free now
    retry = other_api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking)}, key="retry-me")
    assert (retry.status_code, error_code(retry), retry.headers["Idempotent-Replayed"]) == (409, "slot_full", "true")
    assert other_api.reserve(parking).status_code == 201  # a new key books it


def test_a_replayed_wrong_pin_does_not_use_up_a_try(backend, api, parking):
    created = api.order_for(api.reserve(parking).json()["id"]).json()
    for _ in range(3):
        answer = api.pay(created["id"], pin="0000", key="same-attempt")
        assert error_code(answer) == "wrong_pin"
    assert api.pay(created["id"], pin="1234").status_code == 200


def test_keys_belong_to_one_vehicle(backend, api, other_api):
    poi = backend.seed_poi(capacity=5)
    mine = api.post("/v1/reservations", {"poi_id": poi, "slot_id": slot(poi)}, key="shared")
    theirs = other_api.post("/v1/reservations", {"poi_id": poi, "slot_id": slot(poi)}, key="shared")
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]
    assert "Idempotent-Replayed" not in theirs.headers


def test_keys_are_kept_for_24_hours(backend, parking):
    body = {"poi_id": parking, "slot_id": slot(parking, "1000", "20261122")}
    first = Api(backend).post("/v1/reservations", body, key="daily")
    backend.clock.advance(24 * 3600 - 1)
    kept = Api(backend).post("/v1/reservations", body, key="daily")
    assert kept.json()["id"] == first.json()["id"] and kept.headers["Idempotent-Replayed"] == "true"
    backend.clock.advance(1)
    forgotten = Api(backend).post("/v1/reservations", body, key="daily")
    assert "Idempotent-Replayed" not in forgotten.headers
    assert forgotten.status_code == 201  # executed again: the first hold expired long ago
    assert forgotten.json()["id"] != first.json()["id"]


@pytest.mark.parametrize("headers", [{}, {"Idempotency-Key": ""}, {"Idempotency-Key": "has space"},
                                     {"Idempotency-Key": "x" * 256}, {"Idempotency-Key": "caf\u00e9"}])
def test_a_missing_or_malformed_key_is_bad_request(backend, api, parking, headers):
    answer = api.session.post(f"{backend.url}/v1/reservations", json={"poi_id": parking, "slot_id": slot(parking)},
                              headers=headers, timeout=10)
    assert (answer.status_code, error_code(answer)) == (400, "bad_request")
    assert "Idempotency-Key" in answer.json()["error"]["message"]
    assert reservation_count(backend) == 0


def test_a_key_of_255_visible_characters_is_fine(api, parking):
    assert api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking)}, key="~" * 255
                    ).status_code == 201


def test_a_refused_effect_leaves_nothing_behind(backend, api, parking):
    """The effect runs in a savepoint: a refusal after a write undoes that write."""
    answer = api.post("/v1/orders", {"merchant_order_id": "X", "kind": "fuel", "poi_id": parking, "quantity": 1})
    assert answer.status_code == 422
    with sqlite3.connect(backend.db_path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM orders").fetchone()[0] == 0
        stored = conn.execute("SELECT status FROM idempotency_keys").fetchall()
    assert stored == [(422,)]


def test_requests_without_a_body_are_fingerprinted_as_empty(backend, api, parking):
    held = api.reserve(parking).json()
    url = f"{backend.url}/v1/reservations/{held['id']}/cancel"
    bare = api.session.post(url, headers={"Idempotency-Key": "c"}, timeout=10)
    with_empty = api.session.post(url, json={}, headers={"Idempotency-Key": "c"}, timeout=10)
    assert (bare.status_code, with_empty.status_code) == (200, 200)
    assert with_empty.headers["Idempotent-Replayed"] == "true"
    assert requests.get(f"{backend.url}/v1/health", timeout=10).ok
