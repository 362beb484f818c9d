"""Reservations: holds, capacity (also under concurrent requests), expiry and cancelling."""

from __future__ import annotations

import threading
import uuid

import pytest
import requests

from tests.backend.conftest import OTHER_VIN, Api, error_code, slot


def test_a_reservation_holds_the_slot_for_ten_minutes(api, parking):
    answer = api.reserve(parking, "0900", client_ref="trip 42")
    assert answer.status_code == 201
    body = answer.json()
    assert body["id"].startswith("res_")
    assert {k: v for k, v in body.items() if k != "id"} == {
        "poi_id": parking, "slot_id": slot(parking, "0900"), "start": "2026-11-21T09:00:00Z",
        "end": "2026-11-21T10:00:00Z", "status": "held", "hold_expires_at": "2026-11-21T08:40:00Z",
        "price_minor": 250, "currency": "EUR", "client_ref": "trip 42", "order_id": None,
        "created_at": "2026-11-21T08:30:00Z", "duration_min": 60, "connector": None, "energy_kwh": None}
    assert api.get(f"/v1/reservations/{body['id']}").json() == body


def test_the_list_is_newest_first(api, backend):
    poi = backend.seed_poi(capacity=5)
    ids = [api.reserve(poi, hhmm).json()["id"] for hhmm in ("0900", "1000", "1100")]
    assert [r["id"] for r in api.get("/v1/reservations").json()["reservations"]] == ids[::-1]


def test_a_full_slot_refuses_one_more(api, other_api, parking):
    assert api.reserve(parking).status_code == 201
    refused = other_api.reserve(parking)
    assert refused.status_code == 409 and error_code(refused) == "slot_full"
    assert slot(parking) in refused.json()["error"]["message"]
    assert other_api.reserve(parking, "1000").status_code == 201  # the next slot is free


def race(backend, bodies: list[dict]) -> list[int]:
    """Each body POSTed by its own vehicle on its own connection, all released at once; the statuses."""
    tokens = [backend.token(f"WHU5MULATR00000{n:02d}") for n in range(10, 10 + len(bodies))]
    barrier = threading.Barrier(len(tokens))
    statuses: list[int] = []

    def book(token: str, body: dict) -> None:
        with requests.Session() as session:
            session.get(f"{backend.url}/v1/health", timeout=10)  # connect before the race
            barrier.wait(timeout=10)
            answer = session.post(f"{backend.url}/v1/reservations", timeout=30, json=body,
                                  headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())})
            statuses.append(answer.status_code)

    threads = [threading.Thread(target=book, args=pair) for pair in zip(tokens, bodies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return statuses


def test_concurrent_requests_never_double_book(backend, parking):
    """Twelve threads, each its own connection, fire at a slot with one space at once."""
    statuses = race(backend, [{"poi_id": parking, "slot_id": slot(parking)}] * 12)
    assert sorted(statuses) == [201] + [409] * 11


def test_concurrent_overlapping_spans_never_double_book(backend, parking):
    """Twelve spans of different starts and lengths that all cover 10:00-11:00, on one space."""
    spans = [("0900", 120), ("0900", 180), ("0900", 240), ("1000", 60), ("1000", 120), ("1000", 240)] * 2
    statuses = race(backend, [{"poi_id": parking, "slot_id": slot(parking, hhmm), "duration_min": minutes}
                              for hhmm, minutes in spans])
    assert sorted(statuses) == [201] + [409] * 11


def test_concurrent_requests_for_one_connector_never_double_book(backend):
    """One CCS connector among nine: twelve overlapping CCS bookings race for it."""
    charger = backend.seed_poi(category="charging", connectors=[{"type": "CCS", "power_kw": 150.0, "count": 1},
                                                                {"type": "Type2", "power_kw": 22.0, "count": 8}])
    starts = ["0900", "0930", "1000"] * 4
    statuses = race(backend, [{"poi_id": charger, "slot_id": slot(charger, hhmm), "duration_min": 90,
                               "connector": "CCS"} for hhmm in starts])
    assert sorted(statuses) == [201] + [409] * 11


def test_an_expired_hold_frees_the_slot(backend, api, parking):
    held = api.reserve(parking).json()
    backend.clock.advance(599)
    assert error_code(Api(backend, OTHER_VIN).reserve(parking)) == "slot_full"
    backend.clock.advance(1)
    api = Api(backend)
    assert api.get(f"/v1/reservations/{held['id']}").json()["status"] == "expired"
    assert Api(backend, OTHER_VIN).reserve(parking).status_code == 201
    refused = api.post(f"/v1/reservations/{held['id']}/cancel")
    assert refused.status_code == 409 and error_code(refused) == "not_cancellable"


def test_cancelling_frees_the_slot_once(api, other_api, parking):
    held = api.reserve(parking).json()
    cancelled = api.post(f"/v1/reservations/{held['id']}/cancel", {})
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert other_api.reserve(parking).status_code == 201
    again = api.post(f"/v1/reservations/{held['id']}/cancel")
    assert again.status_code == 409 and error_code(again) == "not_cancellable"


def test_a_slot_that_has_started_is_in_the_past(backend, api, parking):
    for hhmm in ("0800", "0600"):
        answer = api.reserve(parking, hhmm)
        assert answer.status_code == 409 and error_code(answer) == "slot_in_past"
    assert error_code(api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot(parking, "0900", "20261101")}
                               )) == "slot_in_past"


@pytest.mark.parametrize("slot_id", [
    "{poi}.20261121T0930",  # parking slots start on the hour
    "{poi}.20261121T0500",  # before 06:00
    "{poi}.20261121T2200",  # ends after 22:00
    "{poi}.20261128T0900",  # a week ahead
    "{poi}.20261131T0900",  # no such day
    "n777.20261121T0900",   # another POI's slot
])
def test_a_slot_the_poi_does_not_offer_is_not_found(api, parking, slot_id):
    answer = api.post("/v1/reservations", {"poi_id": parking, "slot_id": slot_id.format(poi=parking)})
    assert answer.status_code == 404 and error_code(answer) == "not_found"


def test_an_unknown_poi_or_reservation_is_not_found(api):
    assert error_code(api.reserve("n31337")) == "not_found"
    missing = "res_" + "0" * 24
    assert error_code(api.get(f"/v1/reservations/{missing}")) == "not_found"
    assert error_code(api.post(f"/v1/reservations/{missing}/cancel")) == "not_found"


@pytest.mark.parametrize("body, field", [
    ({"slot_id": "n1.20261121T0900"}, "body.poi_id"),
    ({"poi_id": "n1"}, "body.slot_id"),
    ({"poi_id": 12, "slot_id": "n1.20261121T0900"}, "body.poi_id"),
    ({"poi_id": "n1", "slot_id": "n1.20261121T0900", "client_ref": "x" * 65}, "body.client_ref"),
    ({"poi_id": "n1", "slot_id": "n1.20261121T0900", "client_ref": "bell\u0007"}, "body.client_ref"),
    ({"poi_id": "n1", "slot_id": "n1.20261121T0900", "client_ref": 5}, "body.client_ref"),
])
def test_bad_bodies_are_422_naming_the_field(api, body, field):
    answer = api.post("/v1/reservations", body)
    assert answer.status_code == 422 and error_code(answer) == "validation_failed"
    assert answer.json()["error"]["message"].startswith(f"{field}:")


def test_a_malformed_reservation_id_is_422(api):
    answer = api.get("/v1/reservations/res_nothex")
    assert answer.status_code == 422 and answer.json()["error"]["message"].startswith("path.reservation_id:")
