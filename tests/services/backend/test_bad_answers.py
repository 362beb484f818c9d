"""Property: whatever broken answer the backend (or a proxy) gives, the client raises a
BackendError with a one-line message naming the request, and the refresh functions
leave the backend_cache table byte for byte as it was."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headunit.services.backend import live_data
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.client import BackendClient
from headunit.services.backend.credentials import Credential
from headunit.services.backend.errors import BackendError
from headunit.services.backend.transport import HttpTransport
from headunit.services.store import Store
from tests.core.backend import samples

from .credential_file import SECRET, VIN
from .scripted_server import Reply, ScriptedServer, json_reply

DAY = date(2026, 11, 21)
MAX_BODY = 20_000
JSON = {"Content-Type": "application/json"}

# endpoint name -> (method, path, a valid answer, the refresh call)
ENDPOINTS: dict[str, tuple[str, str, dict[str, Any], Any]] = {
    "poi": ("GET", "/v1/pois/n2410325871", samples.POI_CHARGING,
            lambda client, cache: live_data.refresh_poi(client, cache, "n2410325871", now=5000.0)),
    "slots": ("GET", "/v1/pois/n123/slots", samples.SLOTS,
              lambda client, cache: live_data.refresh_slots(client, cache, "n123", DAY, now=5000.0)),
    "catalogue": ("GET", "/v1/media/catalogue", samples.CATALOGUE,
                  lambda client, cache: live_data.refresh_catalogue(client, cache, now=5000.0)),
    "reservations": ("GET", "/v1/reservations", samples.RESERVATIONS,
                     lambda client, cache: live_data.refresh_reservations(client, cache, now=5000.0)),
    "orders": ("GET", "/v1/orders", samples.ORDERS,
               lambda client, cache: live_data.refresh_orders(client, cache, now=5000.0)),
}


class World:
    def __init__(self, server: ScriptedServer, store: Store) -> None:
        self.server = server
        self.store = store
        self.cache = BackendCache(store)
        self.transport = HttpTransport(server.url, connect_timeout_s=2, read_timeout_s=2, max_body_bytes=MAX_BODY,
                                       retries=1, sleep=lambda seconds: None)
        self.client = BackendClient(self.transport, Credential(VIN, SECRET), clock=lambda: 0.0)

    def table(self) -> list[tuple]:
        return self.store.db.execute(
            "SELECT kind, key, CAST(body AS BLOB), fetched_at FROM backend_cache ORDER BY kind, key").fetchall()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    with ScriptedServer() as server, Store.open(tmp_path_factory.mktemp("bad-answers")) as store:
        server.always("POST", "/v1/auth/token", json_reply(samples.TOKEN))
        made = World(server, store)
        for method, path, answer, refresh in ENDPOINTS.values():  # a good row of each kind to protect
            server.always(method, path, json_reply(answer))
            refresh(made.client, made.cache)
        yield made
        made.transport.close()


def _wrong_type(original: Any) -> st.SearchStrategy[Any]:
    """Values of a JSON type that no field holding ``original`` accepts."""
    if isinstance(original, bool):
        return st.sampled_from([0, 1, "true", None, []])
    if isinstance(original, str):
        return st.sampled_from([0, 1.5, True, [], {}, [original]])
    if isinstance(original, (int, float)):
        return st.sampled_from([str(original), True, [], {}, [original]])
    if isinstance(original, list):
        return st.sampled_from([{}, "[]", 0, True])
    if isinstance(original, dict):
        return st.sampled_from([[], "{}", 0, True])
    return st.sampled_from([True, [], {}])  # original is null


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        found.extend(_paths(child, (*prefix, key)))
    return found


def _at(value: Any, path: tuple) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def broken_schema(draw: st.DrawFn, answer: dict[str, Any]) -> Reply:
    """The valid answer with one field removed or given a value of the wrong type."""
    body = samples.sample(answer)
    path = draw(st.sampled_from([p for p in _paths(body) if isinstance(p[-1], str)]))
    parent = _at(body, path[:-1])
    if draw(st.booleans()):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(_wrong_type(parent[path[-1]]))
    return json_reply(body)


def bad_replies(answer: dict[str, Any]) -> st.SearchStrategy[Reply]:
    good = json.dumps(answer).encode()
    return st.one_of(
        broken_schema(answer),
        st.sampled_from([[], "ok", None, 42, {"data": answer}]).map(json_reply),
        st.binary(max_size=200).filter(lambda b: b.strip() not in (b"", b"{}")).map(lambda b: Reply(200, b, JSON)),
        st.integers(1, len(good) - 1).map(lambda cut: Reply(200, good[:cut], JSON)),  # cut off, length matches
        st.integers(1, len(good) - 1).map(lambda cut: Reply(200, good[:cut], JSON, content_length=len(good))),
        st.sampled_from(["text/html", "text/html; charset=utf-8", "text/plain", ""]).map(
            lambda mime: Reply(200, b"<html><body>Gateway Timeout</body></html>",
                               {"Content-Type": mime} if mime else {})),
        st.sampled_from(["application/xml", "text/plain", "application/octet-stream"]).map(
            lambda mime: Reply(200, good, {"Content-Type": mime})),
        st.tuples(st.integers(MAX_BODY + 1, MAX_BODY + 5000), st.booleans()).map(
            lambda size_length: Reply(200, b'{"pad": "' + b" " * size_length[0] + b'"}', JSON,
                                      send_length=size_length[1])),
        st.sampled_from([201, 202, 203, 206, 300, 301, 302, 307, 308]).map(lambda status: json_reply(answer, status)),
        st.sampled_from([400, 401, 402, 403, 404, 409, 410, 418, 422, 429, 500, 502, 503, 504]).flatmap(
            lambda status: st.sampled_from([
                json_reply({"error": {"code": "some_code", "message": "refused\nfor a reason"}}, status),
                json_reply({"detail": "Not Found"}, status),
                Reply(status, b"<html>error</html>", {"Content-Type": "text/html"}),
                Reply(status, b"", {}),
            ])),
        st.just(Reply(reset=True)),
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[str, Reply]:
    name = draw(st.sampled_from(sorted(ENDPOINTS)))
    return name, draw(bad_replies(ENDPOINTS[name][2]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases())
def test_a_bad_answer_raises_and_leaves_the_cache_untouched(world, case):
    name, reply = case
    method, path, _, refresh = ENDPOINTS[name]
    before = world.table()
    world.server.always(method, path, reply)
    with pytest.raises(BackendError) as caught:
        refresh(world.client, world.cache)
    message = caught.value.message
    assert message and str(caught.value) == message
    assert re.match(r"^(GET|POST) /v1/\S+: \S", message), message
    assert "\n" not in message and SECRET not in message and "tok-abc" not in message
    assert world.table() == before
