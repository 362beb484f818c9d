"""One error shape for everything that is not a success, and an OpenAPI document that says so."""

from __future__ import annotations

import pytest
import requests

from tests.backend.conftest import error_code


def test_malformed_json_is_bad_request(backend, api):
    answer = api.session.post(f"{backend.url}/v1/reservations", data=b'{"poi_id": "n1",',
                              headers={"Idempotency-Key": "k", "Content-Type": "application/json"}, timeout=10)
    assert (answer.status_code, error_code(answer)) == (400, "bad_request")
    assert answer.json()["error"]["message"].startswith("malformed JSON")


@pytest.mark.parametrize("payload", [b"[]", b'"text"', b"42", b"null"])
def test_a_body_that_is_not_an_object_is_422(backend, api, payload):
    answer = api.session.post(f"{backend.url}/v1/reservations", data=payload,
                              headers={"Idempotency-Key": "k", "Content-Type": "application/json"}, timeout=10)
    assert (answer.status_code, error_code(answer)) == (422, "validation_failed")
    assert answer.json()["error"]["message"].startswith("body")


def test_non_utf8_and_non_json_bodies_are_4xx(backend, api):
    for data, content_type in ((b'{"a": "\xff"}', "application/json"), (b"poi_id=n1", "text/plain")):
        answer = api.session.post(f"{backend.url}/v1/reservations", data=data, timeout=10,
                                  headers={"Idempotency-Key": "k", "Content-Type": content_type})
        assert 400 <= answer.status_code < 500, data
        assert "code" in answer.json()["error"]


def test_unknown_routes_and_wrong_methods_answer_json(backend):
    missing = requests.get(f"{backend.url}/v1/nowhere", timeout=10)
    assert (missing.status_code, error_code(missing)) == (404, "not_found")
    wrong = requests.delete(f"{backend.url}/v1/health", timeout=10)
    assert (wrong.status_code, error_code(wrong)) == (405, "method_not_allowed")
    assert wrong.headers["content-type"] == "application/json"


def test_a_missing_field_is_named_in_the_message(api):
    answer = api.post("/v1/orders", {"kind": "fuel", "poi_id": "n1", "quantity": 1})
    assert answer.json() == {"error": {"code": "validation_failed",
                                       "message": "body.merchant_order_id: Field required"}}
    quantity = api.post("/v1/orders", {"merchant_order_id": "M", "kind": "fuel", "poi_id": "n1", "quantity": 0})
    assert quantity.json()["error"]["message"] == "body.quantity: Input should be greater than 0"


def test_openapi_documents_the_error_shape_and_the_idempotency_header(backend):
    document = requests.get(f"{backend.url}/v1/openapi.json", timeout=10).json()
    assert "HTTPValidationError" not in document["components"]["schemas"]
    post = document["paths"]["/v1/reservations"]["post"]
    assert {"201", "400", "401", "404", "409", "422"} <= set(post["responses"])
    error_schema = post["responses"]["422"]["content"]["application/json"]["schema"]
    assert error_schema == {"$ref": "#/components/schemas/ErrorBody"}
    header = next(p for p in post["parameters"] if p["name"] == "Idempotency-Key")
    assert header["in"] == "header" and header["required"] is True
    assert header["schema"]["pattern"] == r"^[\x21-\x7e]{1,255}$"
    assert post["security"] == [{"HTTPBearer": []}]
    assert "security" not in document["paths"]["/v1/qr/{token}/confirm"]["post"]
