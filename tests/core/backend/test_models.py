"""OrderRequest refuses what the contract does not allow and builds the request body."""

from __future__ import annotations

import pytest

from headunit.core.backend.models import Health, OrderRequest


def test_reservation_order_body():
    request = OrderRequest("HU-20261121-0001", "reservation", reservation_id="res_4f6c")
    assert request.to_json() == {"merchant_order_id": "HU-20261121-0001", "kind": "reservation",
                                 "reservation_id": "res_4f6c"}


@pytest.mark.parametrize("kind", ["fuel", "charging"])
def test_fuel_and_charging_order_bodies(kind):
    request = OrderRequest("HU-2", kind, poi_id="n123", quantity=40)
    assert request.to_json() == {"merchant_order_id": "HU-2", "kind": kind, "poi_id": "n123", "quantity": 40.0}


def test_a_fuel_order_names_its_pump_only_when_one_is_chosen():
    assert OrderRequest("HU-3", "fuel", poi_id="n123", quantity=40, pump=2).to_json()["pump"] == 2
    assert "pump" not in OrderRequest("HU-3", "fuel", poi_id="n123", quantity=40).to_json()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"merchant_order_id": "", "kind": "fuel", "poi_id": "n1", "quantity": 1}, "merchant_order_id must be 1 to 64"),
        ({"merchant_order_id": "x" * 65, "kind": "fuel", "poi_id": "n1", "quantity": 1}, "merchant_order_id must be"),
        ({"merchant_order_id": "a\nb", "kind": "fuel", "poi_id": "n1", "quantity": 1}, "merchant_order_id must be"),
        ({"merchant_order_id": "m", "kind": "hotel"}, "kind must be one of reservation, fuel, charging"),
        ({"merchant_order_id": "m", "kind": "reservation"}, "a reservation order needs a reservation_id"),
        ({"merchant_order_id": "m", "kind": "reservation", "reservation_id": "r", "quantity": 2},
         "a reservation order takes no poi_id or quantity"),
        ({"merchant_order_id": "m", "kind": "fuel", "reservation_id": "r", "poi_id": "n1", "quantity": 1},
         "a fuel order takes no reservation_id"),
        ({"merchant_order_id": "m", "kind": "fuel", "poi_id": "123", "quantity": 1}, "a fuel order needs a poi_id"),
        ({"merchant_order_id": "m", "kind": "charging", "poi_id": "n1", "quantity": 0},
         "quantity must be a number > 0"),
        ({"merchant_order_id": "m", "kind": "charging", "poi_id": "n1", "quantity": 200.01}, "quantity must be"),
        ({"merchant_order_id": "m", "kind": "charging", "poi_id": "n1", "quantity": float("nan")}, "quantity must be"),
        ({"merchant_order_id": "m", "kind": "charging", "poi_id": "n1", "quantity": True}, "quantity must be"),
        ({"merchant_order_id": "m", "kind": "charging", "poi_id": "n1"}, "quantity must be"),
        ({"merchant_order_id": "m", "kind": "charging", "poi_id": "n1", "quantity": 1, "pump": 1},
         "a charging order takes no pump"),
        ({"merchant_order_id": "m", "kind": "reservation", "reservation_id": "r", "pump": 1},
         "a reservation order takes no pump"),
        ({"merchant_order_id": "m", "kind": "fuel", "poi_id": "n1", "quantity": 1, "pump": 0},
         "pump must be an integer from 1 to 999, got 0"),
        ({"merchant_order_id": "m", "kind": "fuel", "poi_id": "n1", "quantity": 1, "pump": True}, "pump must be"),
        ({"merchant_order_id": "m", "kind": "fuel", "poi_id": "n1", "quantity": 1, "pump": 2.0}, "pump must be"),
        ({"merchant_order_id": "m", "kind": "fuel", "poi_id": "n1", "quantity": 1, "pump": 1000}, "pump must be"),
    ],
)
def test_requests_the_contract_refuses_are_refused_here(kwargs, message):
    with pytest.raises(ValueError, match=message):
        OrderRequest(**kwargs)


def test_health_ok_means_status_ok():
    from datetime import UTC, datetime

    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert Health("ok", "1", now).ok and not Health("degraded", "1", now).ok
