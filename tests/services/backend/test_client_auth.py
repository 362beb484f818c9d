"""The client's bearer token: fetched once, reused until shortly before it expires,
renewed once after a 401 unauthorized; a refused credential is an AuthError."""

from __future__ import annotations

import pytest

from headunit.core.backend.models import OrderRequest
from headunit.services.backend.client import BackendClient
from headunit.services.backend.errors import AuthError, BackendUnavailable, BadResponse, Rejected
from tests.core.backend import samples

from .credential_file import SECRET, VIN
from .scripted_server import Reply, error_reply, json_reply

TOKEN_PATH = "/v1/auth/token"


def token(value: str, expires_in: int = 900) -> Reply:
    return json_reply({"access_token": value, "token_type": "bearer", "expires_in": expires_in})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(make_transport, credential, clock) -> BackendClient:
    return BackendClient(make_transport(retries=0), credential, clock=clock)


def bearers(server, path="/v1/orders") -> list[str]:
    return [r.headers["authorization"] for r in server.requests if r.path == path]


def test_the_token_is_fetched_once_with_the_credential_and_reused(server, client):
    server.add(token("t1"), token("t2"), path=TOKEN_PATH)
    server.always("GET", "/v1/orders", json_reply(samples.ORDERS))
    client.orders()
    client.orders()
    client.orders()
    assert server.count("POST", TOKEN_PATH) == 1
    assert server.requests[0].json() == {"vin": VIN, "secret": SECRET}
    assert "idempotency-key" not in server.requests[0].headers
    assert bearers(server) == ["Bearer t1"] * 3


def test_the_token_is_renewed_shortly_before_it_expires(server, client, clock):
    server.add(token("t1", expires_in=900), token("t2", expires_in=900), path=TOKEN_PATH)
    server.always("GET", "/v1/orders", json_reply(samples.ORDERS))
    client.orders()
    clock.now += 839  # 900 s lifetime, renewed 60 s early
    client.orders()
    clock.now += 1
    client.orders()
    assert bearers(server) == ["Bearer t1", "Bearer t1", "Bearer t2"]


def test_a_short_lived_token_is_renewed_a_tenth_of_its_life_early(server, client, clock):
    server.add(token("t1", expires_in=10), token("t2", expires_in=10), path=TOKEN_PATH)
    server.always("GET", "/v1/orders", json_reply(samples.ORDERS))
    client.orders()
    clock.now += 8.9
    client.orders()
    clock.now += 0.1
    client.orders()
    assert bearers(server) == ["Bearer t1", "Bearer t1", "Bearer t2"]


def test_a_401_unauthorized_gets_a_fresh_token_and_one_more_try(server, client):
    server.add(token("t1"), token("t2"), path=TOKEN_PATH)
    server.add(error_reply(401, "unauthorized", "token expired"), json_reply(samples.ORDER, 201), path="/v1/orders")
    order = client.create_order(OrderRequest("HU-20261121-0001", "reservation", reservation_id="res_4f6c"), key="key-7")
    assert order.id == "ord_9a1b"
    sent = [r for r in server.requests if r.path == "/v1/orders"]
    assert [r.headers["authorization"] for r in sent] == ["Bearer t1", "Bearer t2"]
    assert [r.headers["idempotency-key"] for r in sent] == ["key-7", "key-7"]
    assert server.count("POST", TOKEN_PATH) == 2


def test_a_second_401_is_an_auth_error(server, client):
    server.add(token("t1"), token("t2"), path=TOKEN_PATH)
    server.always("GET", "/v1/orders", error_reply(401, "unauthorized"))
    with pytest.raises(AuthError, match=r"^GET /v1/orders: the backend refused a fresh token \(unauthorized\)$"):
        client.orders()
    assert server.count("GET", "/v1/orders") == 2 and server.count("POST", TOKEN_PATH) == 2


def test_refused_credentials_are_an_auth_error_that_names_the_fix(server, client):
    server.add(error_reply(401, "invalid_credentials", f"bad secret {SECRET}"), path=TOKEN_PATH)
    with pytest.raises(AuthError) as caught:
        client.orders()
    assert caught.value.message == (
        f"POST /v1/auth/token: the backend refused the credential of {VIN} (invalid_credentials); "
        f"run `headunit backend provision {VIN}` to make a new one"
    )
    assert caught.value.retryable is False
    assert server.count("GET", "/v1/orders") == 0


def test_other_token_refusals_do_not_echo_the_backends_message(server, client):
    server.add(error_reply(422, "validation_failed", f"secret {SECRET} is invalid"), path=TOKEN_PATH)
    with pytest.raises(AuthError) as caught:
        client.orders()
    assert caught.value.message == (
        "POST /v1/auth/token: the backend refused the token request with 422 validation_failed")


def test_a_malformed_token_answer_hides_the_token(server, client):
    server.add(json_reply({"access_token": "LEAKY" * 1000, "token_type": "bearer", "expires_in": 900}), path=TOKEN_PATH)
    with pytest.raises(BadResponse) as caught:
        client.orders()
    assert "LEAKY" not in caught.value.message
    assert caught.value.message.startswith(
        "POST /v1/auth/token: malformed answer: token.access_token: expected a string")


def test_an_unreachable_token_endpoint_is_unavailable_and_not_cached(server, client):
    server.add(Reply(503), token("t2"), path=TOKEN_PATH)
    server.always("GET", "/v1/orders", json_reply(samples.ORDERS))
    with pytest.raises(BackendUnavailable):
        client.orders()
    client.orders()
    assert bearers(server) == ["Bearer t2"]


def test_no_error_message_holds_the_token(server, client):
    server.add(token("SeCrEtToKeN"), path=TOKEN_PATH)
    server.always("GET", "/v1/orders", error_reply(403, "forbidden", "no"))
    with pytest.raises(Rejected) as caught:
        client.orders()
    assert "SeCrEtToKeN" not in str(caught.value)

