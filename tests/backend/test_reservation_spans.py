"""Reservations with a duration (several slots), a connector and energy: capacity counted
by overlap in time, connector counts, prices, and the 422s that name the field."""

from __future__ import annotations

import pytest

from headunit.backend.models import ReservationCreate
from tests.backend.conftest import Api, error_code, slot

CONNECTORS = [{"type": "CCS", "power_kw": 150.0, "count": 1}, {"type": "Type2", "power_kw": 22.0, "count": 2}]


@pytest.fixture
def charger(backend) -> str:
    """A charging POI with one CCS and two Type2 connectors (capacity 3), 0.39 per kWh."""
    return backend.seed_poi(category="charging", name="Kamppi Charge", connectors=CONNECTORS, price_minor=39)


def free_by_slot(api: Api, poi: str) -> dict[str, int]:
    return {s["slot_id"][-4:]: s["free"] for s in api.get(f"/v1/pois/{poi}/slots").json()["slots"]}


def test_a_reservation_occupies_every_slot_of_its_duration(api, other_api, parking):
    held = api.reserve(parking, "0900", duration_min=180)
    assert held.status_code == 201
    body = held.json()
    assert (body["slot_id"], body["start"], body["end"], body["duration_min"], body["price_minor"]) == (
        slot(parking, "0900"), "2026-11-21T09:00:00Z", "2026-11-21T12:00:00Z", 180, 750)
    for hhmm in ("0900", "1000", "1100"):
        refused = other_api.reserve(parking, hhmm)
        assert (refused.status_code, error_code(refused)) == (409, "slot_full"), hhmm
        assert slot(parking, hhmm) in refused.json()["error"]["message"]
    assert other_api.reserve(parking, "1200").status_code == 201  # the span ends where 12:00 starts
    free = free_by_slot(api, parking)
    assert [free[hhmm] for hhmm in ("0800", "0900", "1000", "1100", "1200", "1300")] == [1, 0, 0, 0, 0, 1]


def test_overlap_is_counted_by_time_not_by_slot_id(api, other_api, parking):
    assert api.reserve(parking, "1000").status_code == 201
    refused = other_api.reserve(parking, "0900", duration_min=120)  # starts in a free slot, runs into 10:00
    assert (refused.status_code, error_code(refused)) == (409, "slot_full")
    assert slot(parking, "1000") in refused.json()["error"]["message"]
    assert other_api.reserve(parking, "0900", duration_min=60).status_code == 201


def test_cancelling_a_long_reservation_frees_all_its_slots(api, other_api, parking):
    held = api.reserve(parking, "1300", duration_min=240).json()
    assert api.post(f"/v1/reservations/{held['id']}/cancel").json()["status"] == "cancelled"
    assert set(free_by_slot(api, parking).values()) == {1}
    assert other_api.reserve(parking, "1400", duration_min=120).status_code == 201


def test_a_charging_span_is_priced_per_slot_or_per_kwh(api, charger):
    by_slot = api.reserve(charger, "0900", duration_min=90).json()
    assert (by_slot["end"], by_slot["duration_min"], by_slot["price_minor"]) == ("2026-11-21T10:30:00Z", 90,
                                                                                 39 * 11 * 3)
    by_energy = api.reserve(charger, "1100", duration_min=60, connector="Type2", energy_kwh=12.345).json()
    assert (by_energy["connector"], by_energy["energy_kwh"], by_energy["price_minor"]) == ("Type2", 12.345, 481)
    half_hour = api.reserve(charger, "1300").json()  # the default duration is one slot
    assert (half_hour["end"], half_hour["duration_min"], half_hour["connector"]) == ("2026-11-21T13:30:00Z", 30, None)


def test_a_connector_type_holds_its_own_count(api, other_api, charger):
    assert api.reserve(charger, "0900", duration_min=60, connector="CCS").status_code == 201
    refused = other_api.reserve(charger, "0930", connector="CCS")
    assert (refused.status_code, error_code(refused)) == (409, "slot_full")
    assert "CCS" in refused.json()["error"]["message"] and slot(charger, "0930") in refused.json()["error"]["message"]
    assert other_api.reserve(charger, "1000", connector="CCS").status_code == 201  # the CCS hour has ended
    assert other_api.reserve(charger, "0930", connector="Type2").status_code == 201
    assert other_api.reserve(charger, "0930").status_code == 201  # no connector: counts against capacity 3
    for body in ({}, {"connector": "Type2"}):  # 3 overlap 09:30 now: the POI is full, whatever is free per type
        refused = other_api.reserve(charger, "0930", **body)
        assert (refused.status_code, error_code(refused)) == (409, "slot_full")
    assert free_by_slot(api, charger)["0930"] == 0


@pytest.mark.parametrize("category, hhmm, extra, field, words", [
    ("parking", "0900", {"duration_min": 90}, "duration_min", "not a multiple of 60"),
    ("parking", "0900", {"duration_min": 300}, "duration_min", "less than or equal to 240"),
    ("charging", "0900", {"duration_min": 210}, "duration_min", "at most 180"),
    ("charging", "0900", {"duration_min": 45}, "duration_min", "not a multiple of 30"),
    ("parking", "2000", {"duration_min": 180}, "duration_min", "end after 22:00"),
    ("charging", "2130", {"duration_min": 60}, "duration_min", "end after 22:00"),
    ("parking", "0900", {"duration_min": 0}, "duration_min", "greater than 0"),
    ("parking", "0900", {"duration_min": "long"}, "duration_min", "integer"),
    ("parking", "0900", {"connector": "CCS"}, "connector", "only charging"),
    ("parking", "0900", {"energy_kwh": 10}, "energy_kwh", "only charging"),
    ("charging", "0900", {"connector": "CHAdeMO"}, "connector", "has no CHAdeMO connector (it has CCS, Type2)"),
    ("charging", "0900", {"connector": ""}, "connector", "pattern"),
    ("charging", "0900", {"energy_kwh": 0}, "energy_kwh", "greater than 0"),
    ("charging", "0900", {"energy_kwh": 200.5}, "energy_kwh", "less than or equal to 200"),
    ("charging", "0900", {"energy_kwh": "lots"}, "energy_kwh", "number"),
])
def test_a_bad_duration_connector_or_energy_is_422_naming_it(api, parking, charger, category, hhmm, extra, field,
                                                             words):
    poi = parking if category == "parking" else charger
    answer = api.reserve(poi, hhmm, **extra)
    assert (answer.status_code, error_code(answer)) == (422, "validation_failed")
    message = answer.json()["error"]["message"]
    assert message.startswith(f"body.{field}:") and words in message, message
    assert api.get("/v1/reservations").json() == {"reservations": []}


def test_the_longest_spans_end_at_22(api, backend, charger):
    parking = backend.seed_poi(category="parking", capacity=1, price_minor=300)
    late = api.reserve(parking, "1800", duration_min=240).json()
    assert (late["end"], late["price_minor"]) == ("2026-11-21T22:00:00Z", 4 * 300)
    assert api.reserve(charger, "1900", duration_min=180).json()["end"] == "2026-11-21T22:00:00Z"


def test_a_request_without_the_new_fields_keeps_its_old_idempotency_fingerprint():
    """Keys stored before duration_min, connector and energy_kwh existed still match a retry."""
    body = ReservationCreate(poi_id="n1", slot_id="n1.20261121T0900")
    assert body.fingerprint_body() == {"poi_id": "n1", "slot_id": "n1.20261121T0900", "client_ref": None}
    longer = ReservationCreate(poi_id="n1", slot_id="n1.20261121T0900", duration_min=120)
    assert longer.fingerprint_body()["duration_min"] == 120
