"""to_api_json is the inverse of the parsers: parse(to_api_json(x)) == x, and the
documented samples come back unchanged."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headunit.core.backend.api_json import to_api_json
from headunit.core.backend.models import ApiError, OrderRequest
from headunit.core.backend.parse import (
    parse_catalogue,
    parse_health,
    parse_order,
    parse_orders,
    parse_poi_list,
    parse_poi_live,
    parse_reservation,
    parse_reservations,
    parse_slot_day,
    parse_token,
)

from . import samples, strategies

ROUND_TRIPS = [
    (parse_health, strategies.health),
    (parse_token, strategies.tokens),
    (parse_poi_live, strategies.pois()),
    (parse_poi_list, strategies.poi_lists),
    (parse_slot_day, strategies.slot_days),
    (parse_reservation, strategies.reservations()),
    (parse_order, strategies.orders()),
    (parse_catalogue, strategies.catalogues),
]


@pytest.mark.parametrize(("parse", "models"), ROUND_TRIPS, ids=[p.__name__ for p, _ in ROUND_TRIPS])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_parse_inverts_to_api_json(parse, models, data):
    model = data.draw(models)
    body = to_api_json(model)
    assert parse(json.loads(json.dumps(body, allow_nan=False))) == model


@settings(max_examples=30, deadline=None)
@given(st.lists(strategies.reservations(), max_size=3), st.lists(strategies.orders(), max_size=3))
def test_lists_round_trip(reservations, orders):
    assert parse_reservations({"reservations": [to_api_json(r) for r in reservations]}) == tuple(reservations)
    assert parse_orders({"orders": [to_api_json(o) for o in orders]}) == tuple(orders)


@pytest.mark.parametrize(
    ("parse", "body"),
    [
        (parse_health, samples.HEALTH), (parse_token, samples.TOKEN), (parse_poi_live, samples.POI_CHARGING),
        (parse_poi_live, samples.POI_PARKING), (parse_poi_live, samples.POI_FUEL), (parse_poi_list, samples.POI_LIST),
        (parse_slot_day, samples.SLOTS), (parse_reservation, samples.RESERVATION),
        (parse_reservation, samples.RESERVATION_CONFIRMED), (parse_reservation, samples.RESERVATION_CHARGING),
        (parse_order, samples.ORDER), (parse_order, samples.ORDER_PAID), (parse_order, samples.ORDER_FUEL),
        (parse_order, samples.ORDER_CANCELLED), (parse_catalogue, samples.CATALOGUE),
    ],
)
def test_documented_samples_come_back_unchanged(parse, body):
    assert to_api_json(parse(samples.sample(body))) == body


def test_fractional_seconds_are_kept_and_written_back():
    body = {**samples.HEALTH, "time": "2026-11-21T09:30:00.25Z"}
    assert to_api_json(parse_health(body))["time"] == "2026-11-21T09:30:00.250000Z"


def test_error_and_order_request_have_their_api_shapes():
    assert to_api_json(ApiError(409, "slot_full", "full")) == {"error": {"code": "slot_full", "message": "full"}}
    request = OrderRequest("HU-1", "fuel", poi_id="n1", quantity=40)
    assert to_api_json(request) == {"merchant_order_id": "HU-1", "kind": "fuel", "poi_id": "n1", "quantity": 40.0}
    at_pump = OrderRequest("HU-2", "fuel", poi_id="n1", quantity=40, pump=3)
    assert to_api_json(at_pump) == {"merchant_order_id": "HU-2", "kind": "fuel", "poi_id": "n1", "quantity": 40.0,
                                    "pump": 3}


def test_something_that_is_not_a_model_is_refused():
    with pytest.raises(TypeError, match="expected a backend model, got dict"):
        to_api_json({"a": 1})
