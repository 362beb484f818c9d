"""The fault proxy between a real requests session (or the head unit's client) and the real backend."""

from __future__ import annotations

import random
import re
import socket
import sqlite3
import threading
import uuid
from collections import Counter
from collections.abc import Iterator

import pytest
import requests

from headunit.bench.fault_proxy import FAULT_KINDS, FaultPlan, FaultProxy, _idle_and_open
from tests.backend_fixture import BackendHandle

DAY = "20261121"  # the backend fixture clock's date


@pytest.fixture
def proxy(backend: BackendHandle) -> Iterator[FaultProxy]:
    with FaultProxy(backend.url) as started:
        yield started


@pytest.fixture
def session(backend: BackendHandle) -> Iterator[requests.Session]:
    """The vehicle's session (its token fetched straight from the backend)."""
    with backend.session() as made:
        yield made


@pytest.fixture
def poi(backend: BackendHandle) -> str:
    return backend.seed_poi(category="parking", capacity=50, price_minor=250)


def reserve(session: requests.Session, base: str, poi: str, key: str,
            read_timeout: float = 10.0) -> requests.Response:
    """POST a reservation whose client_ref is its Idempotency-Key: the backend's list shows which keys it applied."""
    body = {"poi_id": poi, "slot_id": f"{poi}.{DAY}T0900", "client_ref": key}
    return session.post(f"{base}/v1/reservations", json=body, headers={"Idempotency-Key": key},
                        timeout=(3, read_timeout))


def applied(backend: BackendHandle, session: requests.Session) -> Counter[str]:
    """client_refs of the vehicle's reservations, asked straight of the backend (not through the proxy)."""
    answer = session.get(f"{backend.url}/v1/reservations", timeout=10)
    answer.raise_for_status()
    return Counter(r["client_ref"] for r in answer.json()["reservations"])


def stored_keys(backend: BackendHandle) -> set[str]:
    with sqlite3.connect(backend.db_path) as conn:
        return {row[0] for row in conn.execute("SELECT key FROM idempotency_keys")}


def raw_exchange(url: str, request: bytes) -> bytes:
    """Send one request on a fresh socket and read until the server closes."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    return b"".join(chunks)


def without_date(answer: bytes) -> bytes:
    return re.sub(rb"\r\ndate: [^\r]*", b"", answer, flags=re.IGNORECASE)


def test_drop_before_closes_the_connection_and_the_backend_never_sees_the_request(backend, proxy, session, poi):
    proxy.set_plan(FaultPlan(drop_before=1.0))
    with pytest.raises(requests.ConnectionError):
        reserve(session, proxy.url, poi, "key-dropped-before")
    assert "key-dropped-before" not in applied(backend, session)
    assert "key-dropped-before" not in stored_keys(backend)
    assert proxy.counts["drop_before"] == 1 and proxy.counts["forwarded"] == 0


def test_drop_after_closes_the_connection_after_the_backend_committed(backend, proxy, session, poi):
    proxy.set_plan(FaultPlan(drop_after=1.0))
    with pytest.raises(requests.ConnectionError):
        reserve(session, proxy.url, poi, "key-dropped-after")
    assert applied(backend, session)["key-dropped-after"] == 1
    proxy.set_plan(FaultPlan())
    replay = reserve(session, proxy.url, poi, "key-dropped-after")
    assert (replay.status_code, replay.headers.get("Idempotent-Replayed")) == (201, "true")
    assert applied(backend, session)["key-dropped-after"] == 1
    assert proxy.counts["drop_after"] == 1 and proxy.counts["forwarded"] == 1


def test_timeout_holds_the_answer_past_the_clients_read_timeout_after_the_backend_applied_it(
        backend, proxy, session, poi):
    proxy.set_plan(FaultPlan(timeout=1.0, hold_s=1.0))
    with pytest.raises(requests.ReadTimeout):
        reserve(session, proxy.url, poi, "key-held", read_timeout=0.3)
    assert proxy.wait_for("timeout")  # counted once the backend's whole answer is in: it has committed
    assert applied(backend, session)["key-held"] == 1
    proxy.set_plan(FaultPlan())
    replay = reserve(session, proxy.url, poi, "key-held")
    assert (replay.status_code, replay.headers.get("Idempotent-Replayed")) == (201, "true")


def test_a_held_answer_is_dropped_not_delivered_late(backend, proxy, session):
    proxy.set_plan(FaultPlan(timeout=1.0, hold_s=0.5))
    request = (f"GET /v1/reservations HTTP/1.1\r\nHost: proxy\r\n"
               f"Authorization: {session.headers['Authorization']}\r\n\r\n").encode()
    assert raw_exchange(proxy.url, request) == b""  # read until the proxy closed: not one byte came
    assert proxy.counts["timeout"] == 1


def test_error_500_answers_with_the_apis_error_body_without_forwarding(backend, proxy, session, poi):
    proxy.set_plan(FaultPlan(error_500=1.0))
    answer = reserve(session, proxy.url, poi, "key-500")
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal_error"
    assert "key-500" not in applied(backend, session)
    assert proxy.counts["error_500"] == 1 and proxy.counts["forwarded"] == 0


def test_with_no_faults_an_answer_is_the_backends_byte_for_byte(backend, proxy, session, poi):
    request = (f"GET /v1/pois/{poi} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {session.headers['Authorization']}"
               "\r\nConnection: close\r\n\r\n").encode()
    through, direct = raw_exchange(proxy.url, request), raw_exchange(backend.url, request)
    assert through.startswith(b"HTTP/1.1 200 ") and poi.encode() in through
    assert without_date(through) == without_date(direct)  # the Date header may tick between the two


def test_a_media_stream_and_a_range_of_it_pass_through_unchanged(backend, proxy, session):
    catalogue = session.get(f"{proxy.url}/v1/media/catalogue", timeout=10).json()
    stream_url = catalogue["stations"][0]["stream_url"]
    assert stream_url.startswith(proxy.url)  # the backend made it from the Host it saw: nothing was rewritten
    through = session.get(stream_url, timeout=10)
    direct = session.get(stream_url.replace(proxy.url, backend.url), timeout=10)
    assert through.status_code == 200 and len(through.content) > 10_000
    assert through.content == direct.content
    part = session.get(stream_url, headers={"Range": "bytes=100-4195"}, timeout=10)
    assert (part.status_code, part.content) == (206, direct.content[100:4196])


def test_fifty_requests_share_one_keep_alive_connection_each_decided_on_its_own(backend, session, poi):
    plan, seed = FaultPlan(error_500=0.5), 7
    draws = random.Random(seed)
    expected = [500 if draws.random() < 0.5 else 200 for _ in range(50)]
    with FaultProxy(backend.url, plan, seed=seed) as proxy:
        got = [session.get(f"{proxy.url}/v1/pois/{poi}", timeout=10).status_code for _ in range(50)]
        assert got == expected
        assert proxy.counts == {"drop_before": 0, "drop_after": 0, "timeout": 0, "error_500": expected.count(500),
                                "forwarded": expected.count(200), "connections": 1}


def test_the_same_seed_and_plan_give_the_same_faults(backend, session, poi):
    plan = FaultPlan(drop_before=0.2, drop_after=0.2, error_500=0.2)

    def outcomes(seed: int) -> list[str]:
        seen = []
        with FaultProxy(backend.url, plan, seed=seed) as proxy:
            for n in range(30):
                try:
                    seen.append(str(reserve(session, proxy.url, poi, f"s{seed}-{n}").status_code))
                except requests.ConnectionError:
                    seen.append("closed")
        return seen

    first = outcomes(3)
    assert first == outcomes(3)
    assert first != outcomes(4)
    assert {"closed", "500", "201"} <= set(first)


def test_health_and_token_are_never_faulted_unless_listed_and_methods_limit_faults(backend, proxy, session):
    proxy.set_plan(FaultPlan(drop_before=1.0))
    assert session.get(f"{proxy.url}/v1/health", timeout=10).status_code == 200
    token = requests.post(f"{proxy.url}/v1/auth/token", json=backend.credentials["WHU5MULATR0000001"], timeout=10)
    assert token.status_code == 200
    proxy.set_plan(FaultPlan(drop_before=1.0, methods=frozenset({"POST"})))
    assert session.get(f"{proxy.url}/v1/reservations", timeout=10).status_code == 200
    proxy.set_plan(FaultPlan(drop_before=1.0, also=frozenset({"/v1/health"})))
    with pytest.raises(requests.ConnectionError):
        session.get(f"{proxy.url}/v1/health", timeout=10)
    assert proxy.counts["drop_before"] == 1 and proxy.counts["forwarded"] == 3


def test_the_head_units_client_books_once_through_dropped_answers(backend, tmp_path, session, poi):
    def leading_drops(seed: int) -> int:
        draws = random.Random(seed)
        return next(n for n in range(100) if draws.random() >= 0.5)

    seed = next(s for s in range(100) if 1 <= leading_drops(s) <= 3)  # the client retries 3 times
    with FaultProxy(backend.url, FaultPlan(drop_after=0.5), seed=seed) as proxy:
        client = backend.client(tmp_path, url=proxy.url)
        try:
            booked = client.create_reservation(poi, f"{poi}.{DAY}T0900", key="hu-key", client_ref="hu-ref")
        finally:
            client.close()
        assert proxy.counts["drop_after"] == leading_drops(seed)  # each drop was retried with the same key
    assert applied(backend, session) == Counter({"hu-ref": 1})
    assert booked.client_ref == "hu-ref"


def test_set_down_refuses_and_closes_connections_until_it_is_up_again(backend, proxy, session):
    assert session.get(f"{proxy.url}/v1/health", timeout=10).status_code == 200
    host, port = proxy.url.removeprefix("http://").split(":")
    open_one = socket.create_connection((host, int(port)), timeout=10)
    proxy.wait_for("connections", 2)
    proxy.set_down(True)
    with open_one:
        assert open_one.recv(1) == b""  # an open connection is closed
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((host, int(port)), timeout=10).close()
    with pytest.raises(requests.ConnectionError):
        session.get(f"{proxy.url}/v1/health", timeout=10)
    proxy.set_down(False)
    assert session.get(f"{proxy.url}/v1/health", timeout=10).status_code == 200


def test_close_ends_every_connection_and_thread_even_mid_hold(backend, session):
    proxy = FaultProxy(backend.url, FaultPlan(timeout=1.0, hold_s=600)).start()
    host, port = proxy.url.removeprefix("http://").split(":")
    idle = socket.create_connection((host, int(port)), timeout=10)
    half = socket.create_connection((host, int(port)), timeout=10)
    half.sendall(b"GET /v1/pois HTTP/1.1\r\nHost: x\r\n")
    held = socket.create_connection((host, int(port)), timeout=10)
    held.sendall(f"GET /v1/reservations HTTP/1.1\r\nHost: x\r\nAuthorization: {session.headers['Authorization']}"
                 "\r\n\r\n".encode())
    assert proxy.wait_for("timeout") and proxy.wait_for("connections", 3)
    proxy.close()
    for sock in (idle, half, held):
        with sock:
            assert sock.recv(1) == b""
    alive = [t.name for t in threading.enumerate() if t.name.startswith(f"fault-proxy-{port}-")]
    assert alive == []


def test_a_chunked_request_body_is_refused_clearly_and_not_forwarded(proxy):
    answer = raw_exchange(proxy.url, b"POST /v1/reservations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                     b"2\r\n{}\r\n0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 501 Not Implemented\r\n")
    assert b"Transfer-Encoding" in answer and b"Content-Length" in answer
    assert proxy.counts["forwarded"] == 0


@pytest.mark.parametrize(("fields", "words"), [
    ({"drop_before": 1.5}, "drop_before is a probability"),
    ({"timeout": -0.1}, "timeout is a probability"),
    ({"drop_after": 0.6, "error_500": 0.6}, "add up to 1.2"),
    ({"hold_s": 0}, "hold_s must be > 0"),
])
def test_a_plan_that_cannot_be_is_refused_naming_the_field(fields, words):
    with pytest.raises(ValueError, match=words):
        FaultPlan(**fields)


def test_one_draw_picks_the_fault_in_the_documented_order():
    plan = FaultPlan(drop_before=0.1, drop_after=0.2, timeout=0.3, error_500=0.1)
    assert [plan.pick(d) for d in (0.05, 0.1, 0.29, 0.31, 0.65, 0.69, 0.71)] == \
        ["drop_before", "drop_after", "drop_after", "timeout", "error_500", "error_500", None]
    assert FAULT_KINDS == ("drop_before", "drop_after", "timeout", "error_500")


@pytest.mark.parametrize("upstream", ["https://127.0.0.1:1", "ftp://127.0.0.1:1", "http://127.0.0.1:1/v1"])
def test_only_a_plain_http_upstream_without_a_path_is_taken(upstream):
    with pytest.raises(ValueError, match="http://host:port"):
        FaultProxy(upstream)


def test_an_idle_backend_connection_that_closed_or_talks_is_not_reused():
    mine, theirs = socket.socketpair()
    with mine:
        assert _idle_and_open(mine)
        theirs.sendall(b"stray")
        assert not _idle_and_open(mine)
    mine, theirs = socket.socketpair()
    with mine:
        theirs.close()
        assert not _idle_and_open(mine)


def test_posts_get_through_a_quiet_plan_once_each(backend, proxy, session, poi):
    keys = [str(uuid.uuid4()) for _ in range(5)]
    assert [reserve(session, proxy.url, poi, key).status_code for key in keys] == [201] * 5
    assert all(applied(backend, session)[key] == 1 for key in keys)
