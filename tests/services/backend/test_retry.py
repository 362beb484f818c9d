"""The transport's retry policy: which requests are retried, how often, with which
delays, and that a retried POST carries the same idempotency key every time."""

from __future__ import annotations

import random

import pytest

from headunit.services.backend.errors import BackendUnavailable, BadResponse, Rejected

from .scripted_server import Reply, error_reply, html_reply, json_reply


class TopOfRange:
    """An rng whose draws are as high as full jitter allows, so the back-off's upper bound shows."""

    def random(self) -> float:
        return 1.0 - 1e-12


FAILURES = {
    "reset": Reply(reset=True),
    "500": html_reply(500, "Internal Server Error"),
    "503": Reply(503, b"", {}),
    "429": Reply(429, b"", {}),
    "html-200": html_reply(200, "Captive portal"),
    "truncated": Reply(200, b'{"a": 1}', {"Content-Type": "application/json"}, content_length=50),
}


@pytest.mark.parametrize("failure", FAILURES)
def test_a_get_is_retried_until_it_succeeds(server, make_transport, sleeps, failure):
    server.add(FAILURES[failure], FAILURES[failure], json_reply({"ok": 1}))
    response = make_transport(retries=3).request("GET", "/v1/pois")
    assert response.body == {"ok": 1}
    assert server.count("GET", "/v1/pois") == 3
    assert len(sleeps) == 2


def test_a_stalled_answer_is_retried(server, make_transport):
    server.add(Reply(stall=True), json_reply({"ok": 1}))
    assert make_transport(retries=1, read_timeout_s=0.2).request("GET", "/v1/pois").body == {"ok": 1}
    assert server.count("GET", "/v1/pois") == 2


def test_retries_run_out_with_the_last_error(server, make_transport, sleeps):
    server.add(*[html_reply(502)] * 4)
    with pytest.raises(BackendUnavailable) as caught:
        make_transport(retries=3).request("GET", "/v1/pois")
    assert caught.value.message == "GET /v1/pois: the backend answered 502 Bad Gateway (after 4 attempts)"
    assert server.count("GET", "/v1/pois") == 4
    assert len(sleeps) == 3


def test_a_post_with_a_key_is_retried_with_the_same_key_and_body(server, make_transport):
    server.add(Reply(reset=True), Reply(503), error_reply(409, "slot_full"), json_reply({"id": "r"}, 201))
    with pytest.raises(Rejected):
        make_transport(retries=3).request("POST", "/v1/reservations", json_body={"slot_id": "s"},
                                          idempotency_key="6f1c-key", expect=(201,))
    sent = [r for r in server.requests if r.path == "/v1/reservations"]
    assert len(sent) == 3  # reset, 503, then the 409 ends it
    assert {r.headers["idempotency-key"] for r in sent} == {"6f1c-key"}
    assert {r.body for r in sent} == {b'{"slot_id":"s"}'}


def test_a_post_without_a_key_is_sent_once(server, make_transport, sleeps):
    server.add(Reply(503), json_reply({}))
    with pytest.raises(BackendUnavailable):
        make_transport(retries=3).request("POST", "/v1/auth/token", json_body={})
    assert server.count("POST", "/v1/auth/token") == 1
    assert sleeps == []


@pytest.mark.parametrize("method", ["PUT", "DELETE", "HEAD"])
def test_other_idempotent_methods_are_retried(server, make_transport, method):
    server.add(Reply(503), json_reply({}))
    make_transport(retries=1).request(method, "/v1/x")
    assert server.count(method, "/v1/x") == 2


@pytest.mark.parametrize(
    "reply", [error_reply(404, "not_found"), error_reply(422, "validation_failed"), html_reply(403, "Forbidden")]
)
def test_4xx_is_never_retried(server, make_transport, sleeps, reply):
    server.add(reply, json_reply({}))
    with pytest.raises((Rejected, BadResponse)):
        make_transport(retries=3).request("GET", "/v1/x")
    assert server.count("GET", "/v1/x") == 1
    assert sleeps == []


def test_backoff_doubles_up_to_the_cap(server, make_transport, sleeps):
    server.add(*[Reply(503)] * 6)
    with pytest.raises(BackendUnavailable):
        make_transport(retries=5, backoff_s=0.5, max_backoff_s=3.0, rng=TopOfRange()).request("GET", "/v1/x")
    assert sleeps == pytest.approx([0.5, 1.0, 2.0, 3.0, 3.0])


def test_jitter_stays_within_zero_and_the_backoff(server, make_transport, sleeps):
    server.add(*[Reply(503)] * 6)
    with pytest.raises(BackendUnavailable):
        make_transport(retries=5, backoff_s=0.5, max_backoff_s=3.0, rng=random.Random(7)).request("GET", "/v1/x")
    bounds = [0.5, 1.0, 2.0, 3.0, 3.0]
    assert len(sleeps) == 5
    assert all(0 <= delay <= bound for delay, bound in zip(sleeps, bounds))
    assert len(set(sleeps)) == 5  # jittered, not a fixed schedule


def test_retry_after_is_respected_up_to_the_cap(server, make_transport, sleeps):
    server.add(Reply(429, b"", {"Retry-After": "2"}), Reply(503, b"", {"Retry-After": "60"}), json_reply({}))
    make_transport(retries=3, max_backoff_s=5.0, rng=TopOfRange()).request("GET", "/v1/x")
    assert sleeps == [2.0, 5.0]


def test_retries_zero_sends_once(server, make_transport):
    server.add(Reply(503), json_reply({}))
    with pytest.raises(BackendUnavailable):
        make_transport(retries=0).request("GET", "/v1/x")
    assert server.count("GET", "/v1/x") == 1
