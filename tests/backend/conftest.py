"""Helpers for the backend's own tests: an API client per vehicle and slot ids."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests

from tests.backend_fixture import DEFAULT_VIN, BackendHandle

OTHER_VIN = "WHU5MULATR0000002"
DAY = "20261121"  # the fixture clock's date (2026-11-21T08:30:00Z)


class Api:
    """One vehicle's view of the backend: JSON requests with its token and fresh idempotency keys."""

    def __init__(self, backend: BackendHandle, vin: str = DEFAULT_VIN) -> None:
        self.backend = backend
        self.vin = vin
        self.session = backend.session(vin)

    def get(self, path: str, **params: Any) -> requests.Response:
        return self.session.get(f"{self.backend.url}{path}", params=params or None, timeout=10)

    def post(self, path: str, body: Any = None, key: str | None = None) -> requests.Response:
        headers = {"Idempotency-Key": key or str(uuid.uuid4())}
        return self.session.post(f"{self.backend.url}{path}", json={} if body is None else body,
                                 headers=headers, timeout=10)

    def reserve(self, poi_id: str, hhmm: str = "0900", **extra: Any) -> requests.Response:
        return self.post("/v1/reservations", {"poi_id": poi_id, "slot_id": slot(poi_id, hhmm), **extra})

    def order_for(self, reservation_id: str, merchant_order_id: str | None = None) -> requests.Response:
        return self.post("/v1/orders", {"merchant_order_id": merchant_order_id or f"HU-{uuid.uuid4().hex[:12]}",
                                        "kind": "reservation", "reservation_id": reservation_id})

    def pay(self, order_id: str, pin: str = "1234", key: str | None = None) -> requests.Response:
        return self.post(f"/v1/orders/{order_id}/pay", {"method": "wallet", "pin": pin}, key=key)


def slot(poi_id: str, hhmm: str = "0900", day: str = DAY) -> str:
    return f"{poi_id}.{day}T{hhmm}"


def error_code(response: requests.Response) -> str:
    return response.json()["error"]["code"]


@pytest.fixture
def api(backend: BackendHandle) -> Api:
    return Api(backend)


@pytest.fixture
def other_api(backend: BackendHandle) -> Api:
    return Api(backend, OTHER_VIN)


@pytest.fixture
def parking(backend: BackendHandle) -> str:
    """A parking POI with one space and a price of 2.50 per hour."""
    return backend.seed_poi(category="parking", name="Kamppi P-Center", capacity=1, price_minor=250)
