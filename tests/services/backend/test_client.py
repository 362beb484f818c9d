"""BackendClient's calls against a scripted server: what each sends, what it returns,
and how it treats answers that break the contract."""

from __future__ import annotations

from contextlib import closing
from datetime import date

import pytest

from headunit.core.backend.models import OrderRequest
from headunit.core.backend.parse import (
    parse_catalogue,
    parse_health,
    parse_order,
    parse_orders,
    parse_poi_list,
    parse_poi_live,
    parse_reservation,
    parse_reservations,
    parse_slots,
)
from headunit.core.config import BackendConfig
from headunit.services.backend.client import BackendClient, OfflineBackend, build_client
from headunit.services.backend.errors import AuthError, BackendUnavailable, BadResponse, Rejected, TlsError

from tests.core.backend import samples

from . import credential_file
from .scripted_server import error_reply, json_reply

TOKEN_PATH = "/v1/auth/token"


@pytest.fixture
def client(server, make_transport, credential) -> BackendClient:
    server.always("POST", TOKEN_PATH, json_reply(samples.TOKEN))
    return BackendClient(make_transport(retries=0), credential, clock=lambda: 1000.0)


CALLS = [
    # (call, method, path, query, body, answer status, answer, expected result)
    (lambda c: c.health(), "GET", "/v1/health", {}, None, 200, samples.HEALTH, parse_health(samples.HEALTH)),
    (lambda c: c.pois(), "GET", "/v1/pois", {"limit": ["200"]}, None, 200, samples.POI_LIST,
     parse_poi_list(samples.POI_LIST)),
    (lambda c: c.pois("parking", (24.93, 60.16, 24.96, 60.18), limit=50), "GET", "/v1/pois",
     {"limit": ["50"], "category": ["parking"], "bbox": ["24.93,60.16,24.96,60.18"]}, None, 200, samples.POI_LIST,
     parse_poi_list(samples.POI_LIST)),
    (lambda c: c.poi("n2410325871"), "GET", "/v1/pois/n2410325871", {}, None, 200, samples.POI_CHARGING,
     parse_poi_live(samples.POI_CHARGING)),
    (lambda c: c.slots("n123"), "GET", "/v1/pois/n123/slots", {}, None, 200, samples.SLOTS, parse_slots(samples.SLOTS)),
    (lambda c: c.slots("n123", date(2026, 11, 21)), "GET", "/v1/pois/n123/slots", {"date": ["2026-11-21"]}, None,
     200, samples.SLOTS, parse_slots(samples.SLOTS)),
    (lambda c: c.create_reservation("n123", "n123.20261121T0900", key="k1", client_ref="…"), "POST",
     "/v1/reservations", {}, {"poi_id": "n123", "slot_id": "n123.20261121T0900", "client_ref": "…"}, 201,
     samples.RESERVATION, parse_reservation(samples.RESERVATION)),
    (lambda c: c.create_reservation("n123", "n123.20261121T0900", key="k1"), "POST", "/v1/reservations", {},
     {"poi_id": "n123", "slot_id": "n123.20261121T0900"}, 201, samples.RESERVATION,
     parse_reservation(samples.RESERVATION)),
    (lambda c: c.create_reservation("n2410325871", "n2410325871.20261121T0900", key="k1", duration_min=90,
                                    connector="CCS", energy_kwh=30), "POST", "/v1/reservations", {},
     {"poi_id": "n2410325871", "slot_id": "n2410325871.20261121T0900", "duration_min": 90, "connector": "CCS",
      "energy_kwh": 30.0}, 201, samples.RESERVATION_CHARGING, parse_reservation(samples.RESERVATION_CHARGING)),
    (lambda c: c.create_reservation("n123", "n123.20261121T0900", key="k1", duration_min=120), "POST",
     "/v1/reservations", {}, {"poi_id": "n123", "slot_id": "n123.20261121T0900", "duration_min": 120}, 201,
     samples.RESERVATION, parse_reservation(samples.RESERVATION)),
    (lambda c: c.reservations(), "GET", "/v1/reservations", {}, None, 200, samples.RESERVATIONS,
     parse_reservations(samples.RESERVATIONS)),
    (lambda c: c.reservation("res_4f6c"), "GET", "/v1/reservations/res_4f6c", {}, None, 200, samples.RESERVATION,
     parse_reservation(samples.RESERVATION)),
    (lambda c: c.cancel_reservation("res_4f6c", key="k1"), "POST", "/v1/reservations/res_4f6c/cancel", {}, {}, 200,
     {**samples.RESERVATION, "status": "cancelled"}, parse_reservation({**samples.RESERVATION, "status": "cancelled"})),
    (lambda c: c.create_order(OrderRequest("HU-20261121-0001", "reservation", reservation_id="res_4f6c"), key="k1"),
     "POST", "/v1/orders", {}, {"merchant_order_id": "HU-20261121-0001", "kind": "reservation",
                                "reservation_id": "res_4f6c"}, 201, samples.ORDER, parse_order(samples.ORDER)),
    (lambda c: c.create_order(OrderRequest("HU-20261121-0002", "fuel", poi_id="n123", quantity=40, pump=3), key="k1"),
     "POST", "/v1/orders", {}, {"merchant_order_id": "HU-20261121-0002", "kind": "fuel", "poi_id": "n123",
                                "quantity": 40.0, "pump": 3}, 201, samples.ORDER_FUEL, parse_order(samples.ORDER_FUEL)),
    (lambda c: c.cancel_order("ord_9a1b", key="k1"), "POST", "/v1/orders/ord_9a1b/cancel", {}, {}, 200,
     samples.ORDER_CANCELLED, parse_order(samples.ORDER_CANCELLED)),
    (lambda c: c.orders(), "GET", "/v1/orders", {}, None, 200, samples.ORDERS, parse_orders(samples.ORDERS)),
    (lambda c: c.order("ord_9a1b"), "GET", "/v1/orders/ord_9a1b", {}, None, 200, samples.ORDER,
     parse_order(samples.ORDER)),
    (lambda c: c.pay_with_wallet("ord_9a1b", "1234", key="k1"), "POST", "/v1/orders/ord_9a1b/pay", {},
     {"method": "wallet", "pin": "1234"}, 200, samples.ORDER_PAID, parse_order(samples.ORDER_PAID)),
    (lambda c: c.refund("ord_9a1b", key="k1"), "POST", "/v1/orders/ord_9a1b/refund", {}, {}, 200,
     {**samples.ORDER_PAID, "status": "refunded"}, parse_order({**samples.ORDER_PAID, "status": "refunded"})),
    (lambda c: c.catalogue(), "GET", "/v1/media/catalogue", {}, None, 200, samples.CATALOGUE,
     parse_catalogue(samples.CATALOGUE)),
]


@pytest.mark.parametrize(("call", "method", "path", "query", "body", "status", "answer", "expected"), CALLS,
                         ids=[f"{c[1]} {c[2]}" for c in CALLS])
def test_each_call_sends_the_contracts_request_and_returns_the_model(
        server, client, call, method, path, query, body, status, answer, expected):
    server.add(json_reply(answer, status), method=method, path=path)
    assert call(client) == expected
    [sent] = [r for r in server.requests if r.path == path]
    assert (sent.method, sent.query) == (method, query)
    assert (sent.json() if sent.body else None) == body
    if method == "POST":
        assert sent.headers["idempotency-key"] == "k1"
    if path == "/v1/health":
        assert "authorization" not in sent.headers and server.count("POST", TOKEN_PATH) == 0
    else:
        assert sent.headers["authorization"] == "Bearer tok-abc.def"


def test_creates_expect_201(server, client):
    server.add(json_reply(samples.RESERVATION, 200), path="/v1/reservations")
    with pytest.raises(BadResponse, match=r"^POST /v1/reservations: unexpected status 200 OK \(expected 201\)$"):
        client.create_reservation("n123", "n123.20261121T0900", key="k1")


def test_a_malformed_answer_names_the_call_and_the_field(server, client):
    server.add(json_reply({**samples.POI_CHARGING, "free": 9}), path="/v1/pois/n2410325871")
    with pytest.raises(BadResponse) as caught:
        client.poi("n2410325871")
    assert caught.value.message == (
        "GET /v1/pois/n2410325871: malformed answer: poi.free: expected an integer <= capacity (4), got 9")
    assert caught.value.retryable is True


@pytest.mark.parametrize(
    ("call", "path", "answer", "message"),
    [
        (lambda c: c.poi("n1"), "/v1/pois/n1", samples.POI_CHARGING,
         "GET /v1/pois/n1: malformed answer: poi.poi_id is 'n2410325871', not the 'n1' asked for"),
        (lambda c: c.slots("n9", date(2026, 11, 21)), "/v1/pois/n9/slots", samples.SLOTS,
         "GET /v1/pois/n9/slots: malformed answer: poi_id is 'n123', not the 'n9' asked for"),
        (lambda c: c.slots("n123", date(2026, 11, 22)), "/v1/pois/n123/slots", samples.SLOTS,
         "GET /v1/pois/n123/slots: malformed answer: date is '2026-11-21', not the '2026-11-22' asked for"),
        (lambda c: c.order("ord_other"), "/v1/orders/ord_other", samples.ORDER,
         "GET /v1/orders/ord_other: malformed answer: order.id is 'ord_9a1b', not the 'ord_other' asked for"),
        (lambda c: c.cancel_order("ord_other", key="k1"), "/v1/orders/ord_other/cancel", samples.ORDER_CANCELLED,
         "POST /v1/orders/ord_other/cancel: malformed answer: order.id is 'ord_9a1b', not the 'ord_other' asked for"),
    ],
)
def test_an_answer_about_something_else_is_malformed(server, client, call, path, answer, message):
    server.add(json_reply(answer), path=path)
    with pytest.raises(BadResponse) as caught:
        call(client)
    assert caught.value.message == message


def test_refusals_pass_through_with_their_code(server, client):
    server.add(error_reply(402, "wrong_pin", "wrong PIN, 2 tries left"), path="/v1/orders/ord_9a1b/pay")
    with pytest.raises(Rejected) as caught:
        client.pay_with_wallet("ord_9a1b", "9876", key="k2")
    assert (caught.value.status, caught.value.code) == (402, "wrong_pin")
    assert "9876" not in caught.value.message


def test_ids_are_escaped_in_paths(server, client):
    answer = {**samples.RESERVATION, "id": "res/../x?"}
    server.add(json_reply(answer), method="GET")
    assert client.reservation("res/../x?").id == "res/../x?"
    assert server.requests[-1].path == "/v1/reservations/res%2F..%2Fx%3F"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.poi("1234"), "a POI id looks like n2410325871"),
        (lambda c: c.pois(category="hotel"), "category must be one of parking, fuel, charging"),
        (lambda c: c.pois(limit=0), "limit must be an integer from 1 to 500"),
        (lambda c: c.pois(limit=501), "limit must be an integer from 1 to 500"),
        (lambda c: c.pois(bbox=(24.96, 60.16, 24.93, 60.18)), "bbox must be"),
        (lambda c: c.pois(bbox=(24.9, 60.1, float("nan"), 60.2)), "bbox must be"),
        (lambda c: c.pois(bbox=(1, 2, 3)), "bbox must be"),
        (lambda c: c.reservation(""), "reservation id must be 1 to 100 printable ASCII characters"),
        (lambda c: c.create_reservation("n1", "s", key="k", client_ref="x" * 65), "client_ref must be 1 to 64"),
        (lambda c: c.create_reservation("n1", "s", key="k", duration_min=0), "duration_min must be a positive integer"),
        (lambda c: c.create_reservation("n1", "s", key="k", duration_min=60.0), "duration_min must be"),
        (lambda c: c.create_reservation("n1", "s", key="k", duration_min=True), "duration_min must be"),
        (lambda c: c.create_reservation("n1", "s", key="k", connector=""), "connector must be a connector type"),
        (lambda c: c.create_reservation("n1", "s", key="k", connector="Type 2"), "connector must be"),
        (lambda c: c.create_reservation("n1", "s", key="k", energy_kwh=0),
         "energy_kwh must be a number > 0 and <= 200"),
        (lambda c: c.create_reservation("n1", "s", key="k", energy_kwh=200.5), "energy_kwh must be"),
        (lambda c: c.create_reservation("n1", "s", key="k", energy_kwh=float("inf")), "energy_kwh must be"),
        (lambda c: c.cancel_order("", key="k"), "order id must be 1 to 100 printable ASCII characters"),
        (lambda c: c.cancel_order("o", key=""), "an idempotency key is 1 to 255 visible ASCII characters"),
        (lambda c: c.pay_with_wallet("o", "", key="k"), "the PIN must be"),
        (lambda c: c.cancel_reservation("r", key=""), "an idempotency key is 1 to 255 visible ASCII characters"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(server, client, call, message):
    with pytest.raises(ValueError, match=message):
        call(client)
    assert [r for r in server.requests if r.path != TOKEN_PATH] == []


def test_offline_backend_raises_unavailable_for_every_call():
    offline = OfflineBackend()
    calls = [offline.health, offline.pois, lambda: offline.poi("n1"), lambda: offline.slots("n1"),
             lambda: offline.create_reservation("n1", "s", key="k"), offline.reservations,
             lambda: offline.reservation("r"), lambda: offline.cancel_reservation("r", key="k"),
             lambda: offline.create_order(OrderRequest("m", "fuel", poi_id="n1", quantity=1), key="k"),
             lambda: offline.cancel_order("o", key="k"),
             offline.orders, lambda: offline.order("o"), lambda: offline.pay_with_wallet("o", "1", key="k"),
             lambda: offline.refund("o", key="k"), offline.catalogue]
    for call in calls:
        with pytest.raises(BackendUnavailable, match="^no backend configured$"):
            call()


def test_build_client_uses_the_config_and_the_credential(server, tmp_path):
    path = credential_file.write_credential(tmp_path / "credential.json")
    server.always("POST", TOKEN_PATH, json_reply(samples.TOKEN))
    server.add(json_reply(samples.RESERVATIONS), path="/v1/reservations")
    with closing(build_client(BackendConfig(vin=credential_file.VIN), server.url, path)) as client:
        assert len(client.reservations()) == 2
    assert server.requests[0].json() == {"vin": credential_file.VIN, "secret": credential_file.SECRET}


def test_build_client_refuses_a_credential_for_another_vehicle(tmp_path):
    path = credential_file.write_credential(tmp_path / "credential.json")
    with pytest.raises(AuthError, match=r"is for WHU0000000000001X but backend\.vin is WHU5MULATR0000001; run "):
        build_client(BackendConfig(), "http://127.0.0.1:9", path)


def test_build_client_refuses_a_missing_ca_bundle(tmp_path):
    path = credential_file.write_credential(tmp_path / "credential.json")
    with pytest.raises(TlsError, match="backend.ca_bundle"):
        build_client(BackendConfig(vin=credential_file.VIN, ca_bundle=str(tmp_path / "ca.pem")), "https://h", path)
