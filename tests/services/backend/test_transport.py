"""HttpTransport against a real scripted HTTP server: what it sends, what it accepts,
and the clear error it raises for every kind of broken answer."""

from __future__ import annotations

import pytest

from headunit.services.backend.errors import BackendUnavailable, BadResponse, Rejected, TlsError
from headunit.services.backend.transport import HttpTransport, retry_after_s

from .scripted_server import Reply, error_reply, html_reply, json_reply, raw_json_reply

JSON = {"Content-Type": "application/json"}


def test_a_good_answer_is_decoded_and_the_request_is_recorded(server, make_transport):
    server.add(json_reply({"ok": True, "n": [1, 2.5]}, 201, {"X-Request-Id": "abc"}))
    transport = make_transport()
    response = transport.request("POST", "/v1/things", json_body={"a": "ä"}, params={"limit": "5"},
                                 headers={"Authorization": "Bearer t"}, idempotency_key="key-1", expect=(201,))
    assert (response.status, response.body) == (201, {"ok": True, "n": [1, 2.5]})
    assert response.headers["x-request-id"] == "abc"
    [sent] = server.requests
    assert (sent.method, sent.path, sent.query) == ("POST", "/v1/things", {"limit": ["5"]})
    assert sent.json() == {"a": "ä"}
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["accept"] == "application/json"
    assert sent.headers["idempotency-key"] == "key-1"
    assert sent.headers["authorization"] == "Bearer t"


def test_a_base_url_path_prefix_is_kept(server, make_transport):
    server.add(json_reply({}))
    make_transport(base_url=server.url + "/api/").request("GET", "/v1/health")
    assert server.requests[0].path == "/api/v1/health"


def test_problem_json_counts_as_json(server, make_transport):
    server.add(Reply(200, b"{}", {"Content-Type": "application/problem+json; charset=utf-8"}))
    assert make_transport().request("GET", "/v1/x").body == {}


def test_head_has_no_body(server, make_transport):
    server.add(Reply(200, b"", {"Content-Type": "text/plain"}))
    assert make_transport().request("HEAD", "/v1/x").body is None


HUGE = b'{"a":"' + b"x" * 2_100_000 + b'"}'

BAD_ANSWERS = [
    # (reply, error class, message)
    (html_reply(200, "Login"), BadResponse, "GET /v1/pois/n1: the backend answered HTML (text/html), not JSON"),
    (Reply(200, b"ok", {"Content-Type": "text/plain"}), BadResponse,
     "GET /v1/pois/n1: the backend answered text/plain, not JSON"),
    (Reply(200, b"{}", {}), BadResponse, "GET /v1/pois/n1: the backend answered no content type, not JSON"),
    (raw_json_reply(""), BadResponse,
     "GET /v1/pois/n1: the answer is not valid JSON: Expecting value at line 1 column 1"),
    (raw_json_reply('{"a": 1'), BadResponse, "GET /v1/pois/n1: the answer is not valid JSON: Expecting ',' delimiter"),
    (raw_json_reply('{"a": NaN}'), BadResponse,
     "GET /v1/pois/n1: the answer is not valid JSON: NaN is not a JSON number"),
    (raw_json_reply('{"a": -Infinity}'), BadResponse, "the answer is not valid JSON: -Infinity is not a JSON number"),
    (raw_json_reply('{"a": 1e400}'), BadResponse, "the answer is not valid JSON: the number 1e400 is out of range"),
    (raw_json_reply('{"a": 1, "a": 2}'), BadResponse, 'the answer is not valid JSON: the key "a" appears twice'),
    (raw_json_reply("[" * 100_000 + "]" * 100_000), BadResponse, "the answer is not valid JSON: nested too deeply"),
    (Reply(200, b'{"a": "\xff"}', JSON), BadResponse, "the answer is not valid JSON: not UTF-8 (byte 7)"),
    (Reply(200, b'{"a": 1}', JSON, content_length=100), BadResponse,
     "GET /v1/pois/n1: the answer was cut off before its announced 100 bytes"),
    (Reply(200, HUGE, JSON), BadResponse,
     "GET /v1/pois/n1: the answer is too large (2100008 bytes; the limit is 2000000)"),
    (Reply(200, HUGE, JSON, send_length=False), BadResponse,
     "GET /v1/pois/n1: the answer is too large (more than 2000000 bytes)"),
    (json_reply({}, 201), BadResponse, "GET /v1/pois/n1: unexpected status 201 Created (expected 200)"),
    (Reply(302, b"", {"Location": "http://elsewhere/"}), BadResponse,
     "GET /v1/pois/n1: unexpected status 302 Found (expected 200)"),
    (html_reply(404, "Not Found"), BadResponse,
     "GET /v1/pois/n1: the backend answered 404 Not Found with HTML (text/html) instead of the API's error body"),
    (json_reply({"detail": "Not Found"}, 404), BadResponse,
     "GET /v1/pois/n1: the backend answered 404 Not Found with application/json instead of the API's error body"),
    (error_reply(404, "not_found", "no POI n1"), Rejected, "GET /v1/pois/n1: refused with 404 not_found: no POI n1"),
    (html_reply(502), BackendUnavailable, "GET /v1/pois/n1: the backend answered 502 Bad Gateway"),
    (error_reply(503, "maintenance"), BackendUnavailable,
     "GET /v1/pois/n1: the backend answered 503 Service Unavailable"),
    (Reply(429, b"", {"Retry-After": "3"}), BackendUnavailable,
     "GET /v1/pois/n1: the backend answered 429 Too Many Requests"),
    (Reply(reset=True), BackendUnavailable, "GET /v1/pois/n1: connection to 127.0.0.1:"),
]


@pytest.mark.parametrize(("reply", "error", "message"), BAD_ANSWERS, ids=range(len(BAD_ANSWERS)))
def test_broken_answers_raise_a_clear_error(server, make_transport, reply, error, message):
    server.add(reply)
    with pytest.raises(error) as caught:
        make_transport(retries=0).request("GET", "/v1/pois/n1")
    assert message in caught.value.message
    assert str(caught.value) == caught.value.message
    assert caught.value.retryable is (error is not Rejected)


def test_rejected_carries_status_and_code(server, make_transport):
    server.add(error_reply(409, "slot_full", "slot n1.x is full"))
    with pytest.raises(Rejected) as caught:
        make_transport().request("POST", "/v1/reservations", json_body={}, idempotency_key="k", expect=(201,))
    assert (caught.value.status, caught.value.code, caught.value.retryable) == (409, "slot_full", False)


def test_429_and_503_carry_retry_after(server, make_transport):
    server.add(Reply(429, b"", {"Retry-After": "7"}))
    with pytest.raises(BackendUnavailable) as caught:
        make_transport(retries=0).request("GET", "/v1/x")
    assert (caught.value.status, caught.value.retry_after) == (429, 7.0)


def test_an_answer_that_never_comes_times_out(server, make_transport):
    server.add(Reply(stall=True))
    with pytest.raises(BackendUnavailable, match=r"^GET /v1/x: no answer from 127\.0\.0\.1:\d+ within 0\.2 s$"):
        make_transport(retries=0, read_timeout_s=0.2).request("GET", "/v1/x")


def test_an_answer_that_stops_halfway_times_out(server, make_transport):
    server.add(Reply(200, b'{"a": "' + b"x" * 1000 + b'"}', JSON, stall_after=10))
    with pytest.raises(BackendUnavailable, match=r"^GET /v1/x: the answer stalled \(nothing for 0\.2 s\)$"):
        make_transport(retries=0, read_timeout_s=0.2).request("GET", "/v1/x")


def test_nobody_listening_is_unavailable(make_transport, server):
    url = server.url
    server.close()
    with pytest.raises(BackendUnavailable, match=r"^GET /v1/x: connection to 127\.0\.0\.1:\d+ refused$"):
        make_transport(base_url=url, retries=0).request("GET", "/v1/x")


def test_an_unknown_host_is_unavailable(make_transport):
    with pytest.raises(BackendUnavailable, match=r"^GET /v1/x: cannot resolve the backend host no-such-host\.invalid$"):
        make_transport(base_url="http://no-such-host.invalid", retries=0).request("GET", "/v1/x")


@pytest.mark.parametrize("url", ["ftp://host", "host:8080", "http://", "http://h/?q=1", ""])
def test_a_bad_base_url_is_refused(url):
    with pytest.raises(ValueError, match="the backend URL must be http"):
        HttpTransport(url)


def test_a_missing_ca_bundle_is_refused_naming_the_setting(tmp_path):
    missing = tmp_path / "nope.pem"
    with pytest.raises(TlsError, match=rf"^backend\.ca_bundle {missing} does not exist: point it at the PEM file"):
        HttpTransport("https://backend.example", ca_bundle=str(missing))


@pytest.mark.parametrize("key", ["", "a b", "k" * 256, "ключ"])
def test_a_malformed_idempotency_key_is_refused_before_sending(server, make_transport, key):
    with pytest.raises(ValueError, match="an idempotency key is 1 to 255 visible ASCII characters"):
        make_transport().request("POST", "/v1/x", json_body={}, idempotency_key=key)
    assert server.requests == []


def test_a_body_with_nan_is_refused_before_sending(server, make_transport):
    with pytest.raises(ValueError):
        make_transport().request("POST", "/v1/x", json_body={"q": float("nan")})
    assert server.requests == []


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [({"Retry-After": "12"}, 12.0), ({}, None), ({"Retry-After": "soon"}, None), ({"Retry-After": "-1"}, None),
     ({"Retry-After": "Sat, 21 Nov 2026 09:30:30 GMT", "Date": "Sat, 21 Nov 2026 09:30:00 GMT"}, 30.0),
     ({"Retry-After": "Sat, 21 Nov 2026 09:29:00 GMT", "Date": "Sat, 21 Nov 2026 09:30:00 GMT"}, 0.0),
     ({"Retry-After": "Sat, 21 Nov 2026 09:30:30 GMT"}, None)],
)
def test_retry_after_is_read_in_seconds_or_against_the_answers_date(headers, seconds):
    assert retry_after_s(headers) == seconds
