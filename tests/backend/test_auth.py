"""Credentials, tokens and who may see what."""

from __future__ import annotations

import requests

from tests.backend.conftest import OTHER_VIN, Api, error_code
from tests.backend_fixture import DEFAULT_VIN


def token_answer(backend, credential) -> requests.Response:
    return requests.post(f"{backend.url}/v1/auth/token", json=credential, timeout=10)


def test_a_credential_gets_a_bearer_token(backend):
    answer = token_answer(backend, backend.provision())
    assert answer.status_code == 200
    body = answer.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 900
    mine = requests.get(f"{backend.url}/v1/reservations", timeout=10,
                        headers={"Authorization": f"Bearer {body['access_token']}"})
    assert mine.status_code == 200 and mine.json() == {"reservations": []}


def test_a_wrong_secret_or_unknown_vin_is_invalid_credentials(backend):
    credential = backend.provision()
    wrong_secret = token_answer(backend, {**credential, "secret": credential["secret"][:-1] + "x"})
    unknown_vin = token_answer(backend, {**credential, "vin": OTHER_VIN})
    for answer in (wrong_secret, unknown_vin):
        assert answer.status_code == 401
        assert error_code(answer) == "invalid_credentials"


def test_a_malformed_vin_is_a_validation_error_naming_the_field(backend):
    answer = token_answer(backend, {"vin": "WHU5MULATR000000I", "secret": "x"})
    assert answer.status_code == 422
    assert error_code(answer) == "validation_failed"
    assert answer.json()["error"]["message"].startswith("body.vin:")


def test_no_token_or_an_unknown_token_is_unauthorized(backend):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic dXNlcjpwdw=="}):
        answer = requests.get(f"{backend.url}/v1/pois", headers=headers, timeout=10)
        assert answer.status_code == 401, headers
        assert error_code(answer) == "unauthorized"
        assert answer.headers["WWW-Authenticate"] == "Bearer"


def test_a_token_expires_after_its_lifetime(backend):
    headers = {"Authorization": f"Bearer {backend.token()}"}
    backend.clock.advance(899)
    assert requests.get(f"{backend.url}/v1/orders", headers=headers, timeout=10).status_code == 200
    backend.clock.advance(1)
    answer = requests.get(f"{backend.url}/v1/orders", headers=headers, timeout=10)
    assert answer.status_code == 401 and error_code(answer) == "unauthorized"


def test_provisioning_again_rotates_the_secret_and_ends_the_tokens(backend):
    old = backend.provision()
    headers = {"Authorization": f"Bearer {backend.token()}"}
    new = backend.provision()
    assert new["secret"] != old["secret"]
    assert requests.get(f"{backend.url}/v1/orders", headers=headers, timeout=10).status_code == 401
    assert token_answer(backend, old).status_code == 401
    assert token_answer(backend, new).status_code == 200


def test_open_endpoints_need_no_token(backend):
    health = requests.get(f"{backend.url}/v1/health", timeout=10)
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "version": health.json()["version"], "time": "2026-11-21T08:30:00Z"}
    assert requests.get(f"{backend.url}/v1/openapi.json", timeout=10).status_code == 200


def test_another_vehicles_reservation_and_order_are_not_found(backend, api, parking):
    reservation = api.reserve(parking).json()
    order = api.order_for(reservation["id"]).json()
    intruder = Api(backend, OTHER_VIN)
    answers = [
        intruder.get(f"/v1/reservations/{reservation['id']}"),
        intruder.post(f"/v1/reservations/{reservation['id']}/cancel"),
        intruder.get(f"/v1/orders/{order['id']}"),
        intruder.pay(order["id"]),
        intruder.post(f"/v1/orders/{order['id']}/refund"),
        intruder.order_for(reservation["id"]),
    ]
    assert [(a.status_code, error_code(a)) for a in answers] == [(404, "not_found")] * len(answers)
    assert intruder.get("/v1/reservations").json() == {"reservations": []}
    assert intruder.get("/v1/orders").json() == {"orders": []}
    assert api.get(f"/v1/reservations/{reservation['id']}").json()["status"] == "held"


def test_the_database_keeps_no_secret_token_or_pin_in_clear(backend):
    credential = backend.provision(DEFAULT_VIN, wallet_pin="987654")
    token = backend.token()
    requests.get(f"{backend.url}/v1/health", timeout=10)
    stored = b"".join(path.read_bytes() for path in backend.db_path.parent.glob("backend.db*"))
    for secret in (credential["secret"], token, "987654"):
        assert secret.encode() not in stored
