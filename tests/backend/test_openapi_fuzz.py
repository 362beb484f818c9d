"""Schemathesis against the live server's own OpenAPI document: no 500s, and every answer
(status, content type, body) is one the document declares.

schemathesis.pytest.from_fixture does not work with pytest 9 (it reads the removed
Function._nodeid), so each operation runs its own Hypothesis test on a strategy from
the schema loaded over HTTP. OPERATIONS lists them; a test checks that the list and
the document agree, so a new route cannot go unfuzzed.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.backend_fixture import BackendHandle, running_backend

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
OPERATIONS = [
    "GET /v1/health", "POST /v1/auth/token",
    "GET /v1/pois", "GET /v1/pois/{poi_id}", "GET /v1/pois/{poi_id}/slots",
    "POST /v1/reservations", "GET /v1/reservations", "GET /v1/reservations/{reservation_id}",
    "POST /v1/reservations/{reservation_id}/cancel",
    "POST /v1/orders", "GET /v1/orders", "GET /v1/orders/{order_id}", "POST /v1/orders/{order_id}/pay",
    "POST /v1/orders/{order_id}/refund", "POST /v1/orders/{order_id}/cancel",
    "GET /v1/qr/{token}", "POST /v1/qr/{token}/confirm",
    "GET /v1/media/catalogue", "GET /v1/media/files/{file_id}",
    "GET /v1/apps", "GET /v1/apps/{app_id}/package",
]
EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def fuzz_backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BackendHandle]:
    with running_backend(tmp_path_factory.mktemp("fuzz")) as backend:
        backend.seed_poi("n1", "parking", capacity=2)
        backend.seed_poi("n2", "fuel")
        backend.seed_poi("w3", "charging")
        yield backend


@pytest.fixture(scope="module")
def fuzz_session(fuzz_backend: BackendHandle) -> Iterator[requests.Session]:
    """Carries a valid bearer token (the ManualClock stands still, so it never expires)."""
    with fuzz_backend.session() as session:
        yield session


# Headers that frame the HTTP message itself: a garbled one is refused by the HTTP server (h11:
# "400 Invalid HTTP request") before it reaches the API, so it says nothing about the contract.
FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding", "host", "connection"})


def _sets_framing(case: schemathesis.Case) -> bool:
    return any(name.lower() in FRAMING_HEADERS for name in (case.headers or {}))


@pytest.fixture(scope="module")
def api_schema(fuzz_backend: BackendHandle):
    return schemathesis.openapi.from_url(f"{fuzz_backend.url}/v1/openapi.json")


def test_the_fuzzed_operations_are_all_the_documented_ones(api_schema):
    assert sorted(result.ok().label for result in api_schema.get_all_operations()) == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_every_answer_is_documented_and_none_is_a_server_error(api_schema, fuzz_session, label):
    method, path = label.split(" ", 1)
    operation = api_schema[path][method]
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))
    cases = cases.filter(lambda case: not _sets_framing(case))

    @given(case=cases)
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def fuzz(case: schemathesis.Case) -> None:
        case.call_and_validate(session=fuzz_session, checks=CHECKS)

    fuzz()
