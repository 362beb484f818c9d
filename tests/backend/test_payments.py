"""Orders, wallet payments, QR payments, refunds and receipts."""

from __future__ import annotations

import sqlite3

import pytest
import requests

from tests.backend.conftest import Api, error_code
from tests.backend_fixture import DEFAULT_VIN


def wallet(backend, vin: str = DEFAULT_VIN) -> int:
    with sqlite3.connect(backend.db_path) as conn:
        return conn.execute("SELECT wallet_minor FROM vehicles WHERE vin = ?", (vin,)).fetchone()[0]


@pytest.fixture
def fuel(backend) -> str:
    return backend.seed_poi(category="fuel", name="Neste Ruoholahti", price_minor=189)


@pytest.fixture
def order(api, parking) -> dict:
    """A pending order for a held reservation of 2.50."""
    reservation = api.reserve(parking).json()
    answer = api.order_for(reservation["id"], "HU-20261121-0001")
    assert answer.status_code == 201
    return answer.json()


def test_an_order_for_a_reservation_costs_the_slot_and_shows_a_qr_url(backend, order):
    assert order["id"].startswith("ord_")
    token = order["qr_url"].removeprefix(f"{backend.url}/v1/qr/")
    assert len(token) == 43 and "/" not in token
    assert {k: order[k] for k in ("merchant_order_id", "kind", "quantity", "amount_minor", "currency", "status",
                                  "created_at", "expires_at", "paid_at", "method", "receipt")} == {
        "merchant_order_id": "HU-20261121-0001", "kind": "reservation", "quantity": None, "amount_minor": 250,
        "currency": "EUR", "status": "pending", "created_at": "2026-11-21T08:30:00Z",
        "expires_at": "2026-11-21T08:33:00Z", "paid_at": None, "method": None, "receipt": None}


def test_the_backend_computes_fuel_and_charging_amounts(backend, api, fuel):
    charger = backend.seed_poi(category="charging", price_minor=39)
    litres = api.post("/v1/orders", {"merchant_order_id": "F1", "kind": "fuel", "poi_id": fuel, "quantity": 40.5})
    kwh = api.post("/v1/orders", {"merchant_order_id": "C1", "kind": "charging", "poi_id": charger, "quantity": 30})
    assert (litres.status_code, litres.json()["amount_minor"], litres.json()["quantity"]) == (201, 7655, 40.5)
    assert (kwh.status_code, kwh.json()["amount_minor"]) == (201, 1170)


@pytest.mark.parametrize("quantity", [0, -1, 200.5, "lots", None])
def test_a_quantity_outside_0_to_200_is_422_naming_it(api, fuel, quantity):
    answer = api.post("/v1/orders", {"merchant_order_id": "F1", "kind": "fuel", "poi_id": fuel, "quantity": quantity})
    assert answer.status_code == 422
    assert answer.json()["error"]["message"].startswith("body.quantity:")


def test_an_order_needs_a_poi_of_its_kind(api, parking):
    answer = api.post("/v1/orders", {"merchant_order_id": "F1", "kind": "fuel", "poi_id": parking, "quantity": 10})
    assert answer.status_code == 422 and "parking" in answer.json()["error"]["message"]
    assert api.get("/v1/orders").json() == {"orders": []}


def test_a_merchant_order_id_is_used_once_per_vehicle(backend, api, other_api, fuel):
    body = {"merchant_order_id": "HU-1", "kind": "fuel", "poi_id": fuel, "quantity": 10}
    assert api.post("/v1/orders", body).status_code == 201
    again = api.post("/v1/orders", body)
    assert again.status_code == 409 and error_code(again) == "duplicate_merchant_order"
    assert other_api.post("/v1/orders", body).status_code == 201


def test_an_unpaid_order_closes_after_three_minutes(backend, order):
    token = order["qr_url"].rsplit("/", 1)[1]
    backend.clock.advance(180)
    api = Api(backend)
    closed = api.get(f"/v1/orders/{order['id']}").json()
    assert (closed["status"], closed["qr_url"]) == ("closed", None)
    assert error_code(api.pay(order["id"])) == "order_closed"
    assert requests.get(f"{backend.url}/v1/qr/{token}", timeout=10).json()["status"] == "closed"
    confirm = requests.post(f"{backend.url}/v1/qr/{token}/confirm", timeout=10)
    assert confirm.status_code == 409 and error_code(confirm) == "order_closed"


def test_paying_from_the_wallet_confirms_the_reservation_with_a_receipt(backend, api, order):
    paid = api.pay(order["id"])
    assert paid.status_code == 200
    body = paid.json()
    assert (body["status"], body["method"], body["paid_at"], body["qr_url"]) == (
        "paid", "wallet", "2026-11-21T08:30:00Z", None)
    assert body["receipt"] == {"number": "R-000001", "issued_at": "2026-11-21T08:30:00Z", "total_minor": 250,
                               "vat_minor": 48, "vat_rate": 0.24, "merchant": "Kamppi P-Center"}
    reservation = api.get(f"/v1/reservations/{order['reservation_id']}").json()
    assert (reservation["status"], reservation["hold_expires_at"], reservation["order_id"]) == (
        "confirmed", None, order["id"])
    assert wallet(backend) == 50_000 - 250
    backend.clock.advance(3600)  # long after the hold would have lapsed: it stays confirmed
    assert Api(backend).get(f"/v1/reservations/{order['reservation_id']}").json()["status"] == "confirmed"
    again = Api(backend).pay(order["id"])
    assert again.status_code == 409 and error_code(again) == "order_not_pending"


def test_receipt_numbers_run_on_across_vehicles(backend, api, other_api, fuel):
    numbers = []
    for client, merchant_id in ((api, "A"), (other_api, "B"), (api, "C")):
        created = client.post("/v1/orders", {"merchant_order_id": merchant_id, "kind": "fuel", "poi_id": fuel,
                                             "quantity": 10}).json()
        paid = client.pay(created["id"]).json()
        numbers.append(paid["receipt"]["number"])
        assert paid["receipt"]["vat_minor"] == round(1890 * 0.24 / 1.24)
    assert numbers == ["R-000001", "R-000002", "R-000003"]


def test_three_wrong_pins_lock_the_wallet_for_fifteen_minutes(backend, api, order):
    answers = [api.pay(order["id"], pin="0000") for _ in range(3)]
    assert [(a.status_code, error_code(a)) for a in answers] == [
        (402, "wrong_pin"), (402, "wrong_pin"), (402, "wallet_locked")]
    assert "2 tries left" in answers[0].json()["error"]["message"]
    assert "1 try left" in answers[1].json()["error"]["message"]
    locked = api.pay(order["id"], pin="1234")
    assert (locked.status_code, error_code(locked)) == (402, "wallet_locked")
    backend.clock.advance(15 * 60)
    api = Api(backend)
    fresh = api.order_for(api.reserve(backend.seed_poi(capacity=3)).json()["id"]).json()
    assert api.pay(fresh["id"], pin="1234").status_code == 200
    assert wallet(backend) == 50_000 - fresh["amount_minor"]


def test_a_right_pin_resets_the_count_of_wrong_ones(backend, api, fuel):
    orders = [api.post("/v1/orders", {"merchant_order_id": f"M{i}", "kind": "fuel", "poi_id": fuel,
                                      "quantity": 1}).json() for i in range(2)]
    for _ in range(2):
        assert error_code(api.pay(orders[0]["id"], pin="1111")) == "wrong_pin"
    assert api.pay(orders[0]["id"]).status_code == 200
    for _ in range(2):
        assert error_code(api.pay(orders[1]["id"], pin="1111")) == "wrong_pin"


def test_not_enough_money_is_insufficient_funds(backend, api, fuel):
    big = [api.post("/v1/orders", {"merchant_order_id": f"B{i}", "kind": "fuel", "poi_id": fuel,
                                   "quantity": 200}).json() for i in range(2)]
    assert big[0]["amount_minor"] == 37_800
    assert api.pay(big[0]["id"]).status_code == 200
    refused = api.pay(big[1]["id"])
    assert (refused.status_code, error_code(refused)) == (402, "insufficient_funds")
    assert wallet(backend) == 50_000 - 37_800
    assert api.get(f"/v1/orders/{big[1]['id']}").json()["status"] == "pending"


def test_a_vehicle_without_a_wallet_cannot_pay_from_it(backend, fuel):
    from headunit.backend.vehicles import provision_vehicle

    credential = provision_vehicle(backend.db_path, "WHU5MULATR0000077", backend.clock.now(), with_wallet=False)
    backend.credentials[credential.vin] = credential.as_json()
    api = Api(backend, credential.vin)
    created = api.post("/v1/orders", {"merchant_order_id": "N", "kind": "fuel", "poi_id": fuel, "quantity": 1}).json()
    answer = api.pay(created["id"])
    assert (answer.status_code, error_code(answer)) == (402, "wallet_not_set_up")


def test_paying_after_the_hold_expired_is_refused(backend, parking):
    api = Api(backend)
    reservation = api.reserve(parking).json()
    backend.clock.advance(9 * 60)
    api = Api(backend)
    created = api.order_for(reservation["id"]).json()
    backend.clock.advance(90)  # the order is still open, the hold is not
    answer = Api(backend).pay(created["id"])
    assert (answer.status_code, error_code(answer)) == (409, "hold_expired")
    assert wallet(backend) == 50_000


def test_an_order_for_an_expired_or_paid_reservation_is_refused(backend, api, parking, order):
    api.pay(order["id"])
    paid_again = api.order_for(order["reservation_id"])
    assert (paid_again.status_code, error_code(paid_again)) == (409, "order_not_pending")
    other = api.reserve(parking, "1000").json()
    backend.clock.advance(600)
    expired = Api(backend).order_for(other["id"])
    assert (expired.status_code, error_code(expired)) == (409, "hold_expired")


def test_a_new_order_for_a_reservation_voids_the_older_ones_qr_code(backend, api, order):
    newer = api.order_for(order["reservation_id"]).json()
    assert api.get(f"/v1/orders/{order['id']}").json()["status"] == "closed"
    assert requests.post(f"{order['qr_url']}/confirm", timeout=10).status_code == 409
    assert requests.post(f"{newer['qr_url']}/confirm", timeout=10).status_code == 200


def test_a_qr_code_pays_once(backend, api, order):
    summary = requests.get(order["qr_url"], timeout=10)
    assert summary.json() == {"merchant": "Kamppi P-Center", "amount_minor": 250, "currency": "EUR",
                              "status": "pending"}
    confirmed = requests.post(f"{order['qr_url']}/confirm", timeout=10)
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "paid"
    paid = api.get(f"/v1/orders/{order['id']}").json()
    assert (paid["status"], paid["method"], paid["receipt"]["number"]) == ("paid", "qr", "R-000001")
    assert wallet(backend) == 50_000
    for answer in (requests.post(f"{order['qr_url']}/confirm", timeout=10), requests.get(order["qr_url"], timeout=10)):
        assert (answer.status_code, error_code(answer)) == (404, "not_found")


def test_unknown_and_malformed_qr_tokens(backend):
    unknown = requests.get(f"{backend.url}/v1/qr/{'A' * 43}", timeout=10)
    assert (unknown.status_code, error_code(unknown)) == (404, "not_found")
    malformed = requests.post(f"{backend.url}/v1/qr/short/confirm", timeout=10)
    assert (malformed.status_code, error_code(malformed)) == (422, "validation_failed")


def test_a_refund_credits_the_wallet_and_cancels_the_reservation(backend, api, parking, order):
    assert error_code(api.post(f"/v1/orders/{order['id']}/refund")) == "not_refundable"
    api.pay(order["id"])
    refunded = api.post(f"/v1/orders/{order['id']}/refund", {})
    assert refunded.status_code == 200
    assert (refunded.json()["status"], refunded.json()["receipt"]["number"]) == ("refunded", "R-000001")
    assert api.get(f"/v1/reservations/{order['reservation_id']}").json()["status"] == "cancelled"
    assert wallet(backend) == 50_000
    assert Api(backend, "WHU5MULATR0000009").reserve(parking).status_code == 201  # the space is free again
    again = api.post(f"/v1/orders/{order['id']}/refund")
    assert (again.status_code, error_code(again)) == (409, "not_refundable")


def test_a_qr_payment_is_refunded_without_touching_the_wallet(backend, api, order):
    requests.post(f"{order['qr_url']}/confirm", timeout=10)
    assert api.post(f"/v1/orders/{order['id']}/refund").json()["status"] == "refunded"
    assert wallet(backend) == 50_000


def test_cancelling_a_paid_reservation_refunds_its_order(backend, api, order):
    api.pay(order["id"])
    assert wallet(backend) == 50_000 - 250
    cancelled = api.post(f"/v1/reservations/{order['reservation_id']}/cancel")
    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "cancelled")
    assert api.get(f"/v1/orders/{order['id']}").json()["status"] == "refunded"
    assert wallet(backend) == 50_000


def test_cancelling_a_held_reservation_voids_its_qr_code(backend, api, order):
    api.post(f"/v1/reservations/{order['reservation_id']}/cancel")
    assert api.get(f"/v1/orders/{order['id']}").json()["status"] == "closed"
    assert error_code(requests.post(f"{order['qr_url']}/confirm", timeout=10)) == "order_closed"


def test_public_base_url_is_used_for_qr_urls(tmp_path):
    from tests.backend_fixture import running_backend

    with running_backend(tmp_path, public_base_url="https://backend.example:8443/") as backend:
        poi = backend.seed_poi(category="fuel")
        created = Api(backend).post("/v1/orders", {"merchant_order_id": "Q", "kind": "fuel", "poi_id": poi,
                                                   "quantity": 1}).json()
    assert created["qr_url"].startswith("https://backend.example:8443/v1/qr/")


@pytest.mark.parametrize("body, field", [
    ({"method": "wallet"}, "body.pin"),
    ({"method": "wallet", "pin": "12"}, "body.pin"),
    ({"method": "cash", "pin": "1234"}, "body.method"),
])
def test_bad_pay_bodies_are_422(api, order, body, field):
    answer = api.post(f"/v1/orders/{order['id']}/pay", body)
    assert answer.status_code == 422 and answer.json()["error"]["message"].startswith(f"{field}:")
