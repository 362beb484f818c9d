"""POST /v1/orders/{id}/cancel: an unpaid order closes and its QR code is void; a paid
one is refused; and a cancel racing a QR confirm or a wallet payment has one winner."""

from __future__ import annotations

import threading
import uuid

import pytest
import requests

from tests.backend.conftest import OTHER_VIN, Api, error_code
from tests.backend.test_payments import wallet


@pytest.fixture
def fuel(backend) -> str:
    return backend.seed_poi(category="fuel", name="Neste Ruoholahti", price_minor=189)


def new_order(api: Api, fuel: str) -> dict:
    answer = api.post("/v1/orders", {"merchant_order_id": f"HU-{uuid.uuid4().hex[:10]}", "kind": "fuel",
                                     "poi_id": fuel, "quantity": 10})
    assert answer.status_code == 201
    return answer.json()


def cancel(api: Api, order_id: str, key: str | None = None) -> requests.Response:
    return api.post(f"/v1/orders/{order_id}/cancel", {}, key=key)


def test_cancelling_closes_the_order_and_voids_its_qr_code_at_once(backend, api, fuel):
    order = new_order(api, fuel)
    cancelled = cancel(api, order["id"])
    assert cancelled.status_code == 200
    body = cancelled.json()
    assert (body["id"], body["status"], body["qr_url"], body["paid_at"]) == (order["id"], "closed", None, None)
    assert api.get(f"/v1/orders/{order['id']}").json() == body
    assert requests.get(order["qr_url"], timeout=10).json()["status"] == "closed"
    confirm = requests.post(f"{order['qr_url']}/confirm", timeout=10)
    assert (confirm.status_code, error_code(confirm)) == (409, "order_closed")
    assert error_code(api.pay(order["id"])) == "order_closed"
    assert wallet(backend) == 50_000


def test_cancelling_a_closed_order_answers_the_closed_order(backend, api, fuel):
    first, late = new_order(api, fuel), new_order(api, fuel)
    key = str(uuid.uuid4())
    closed = cancel(api, first["id"], key).json()
    again = cancel(api, first["id"])  # a new key: the order is already closed, which is what was asked
    assert (again.status_code, again.json()) == (200, closed)
    replay = cancel(api, first["id"], key)
    assert (replay.json(), replay.headers.get("Idempotent-Replayed")) == (closed, "true")
    backend.clock.advance(180)  # not paid in time
    timed_out = cancel(Api(backend), late["id"])
    assert (timed_out.status_code, timed_out.json()["status"]) == (200, "closed")


def test_a_paid_or_refunded_order_cannot_be_cancelled(api, fuel):
    order = new_order(api, fuel)
    assert api.pay(order["id"]).status_code == 200
    paid = cancel(api, order["id"])
    assert (paid.status_code, error_code(paid)) == (409, "order_not_pending")
    assert "was paid" in paid.json()["error"]["message"]
    assert api.post(f"/v1/orders/{order['id']}/refund").json()["status"] == "refunded"
    refunded = cancel(api, order["id"])
    assert (refunded.status_code, error_code(refunded)) == (409, "order_not_pending")
    assert "was paid" in refunded.json()["error"]["message"] and "refunded" in refunded.json()["error"]["message"]
    assert api.get(f"/v1/orders/{order['id']}").json()["status"] == "refunded"


def test_cancelling_a_reservations_order_keeps_the_reservation_held(api, parking):
    reservation = api.reserve(parking).json()
    order = api.order_for(reservation["id"]).json()
    assert cancel(api, order["id"]).json()["status"] == "closed"
    assert api.get(f"/v1/reservations/{reservation['id']}").json()["status"] == "held"
    newer = api.order_for(reservation["id"]).json()
    assert api.pay(newer["id"]).json()["status"] == "paid"
    assert api.get(f"/v1/reservations/{reservation['id']}").json()["status"] == "confirmed"


def test_another_vehicles_or_an_unknown_order_is_not_found(backend, api, fuel):
    order = new_order(api, fuel)
    assert error_code(cancel(Api(backend, OTHER_VIN), order["id"])) == "not_found"
    assert error_code(cancel(api, "ord_" + "0" * 24)) == "not_found"
    malformed = cancel(api, "ord_nothex")
    assert malformed.status_code == 422 and malformed.json()["error"]["message"].startswith("path.order_id:")
    assert api.get(f"/v1/orders/{order['id']}").json()["status"] == "pending"


def race(first, second) -> tuple[requests.Response, requests.Response]:
    """Run two calls (each given a fresh session) released at the same moment; both answers."""
    barrier = threading.Barrier(2)
    answers: dict[int, requests.Response] = {}

    def run(index: int, call) -> None:
        with requests.Session() as session:
            barrier.wait(timeout=10)
            answers[index] = call(session)

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return answers[0], answers[1]


@pytest.mark.parametrize("payment", ["qr", "wallet"])
def test_a_cancel_racing_a_payment_has_exactly_one_winner(backend, api, fuel, payment):
    token = backend.token()
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(12):  # which side wins is up to the scheduler; each round has exactly one winner
        order = new_order(api, fuel)

        def cancel_call(session: requests.Session) -> requests.Response:
            return session.post(f"{backend.url}/v1/orders/{order['id']}/cancel", json={}, timeout=30,
                                headers={**headers, "Idempotency-Key": str(uuid.uuid4())})

        def pay_call(session: requests.Session) -> requests.Response:
            if payment == "qr":
                return session.post(f"{order['qr_url']}/confirm", timeout=30)
            return session.post(f"{backend.url}/v1/orders/{order['id']}/pay", json={"method": "wallet", "pin": "1234"},
                                timeout=30, headers={**headers, "Idempotency-Key": str(uuid.uuid4())})

        cancelled, paid = race(cancel_call, pay_call)
        final = api.get(f"/v1/orders/{order['id']}").json()["status"]
        if paid.status_code == 200:
            assert (error_code(cancelled), final) == ("order_not_pending", "paid")
        else:
            assert (cancelled.status_code, error_code(paid), final) == (200, "order_closed", "closed")
    paid_orders = [o for o in api.get("/v1/orders").json()["orders"] if o["status"] == "paid"]
    assert wallet(backend) == 50_000 - (sum(o["amount_minor"] for o in paid_orders) if payment == "wallet" else 0)
