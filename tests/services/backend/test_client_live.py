"""The client against the real reference backend (tests/backend_fixture.py): the
contract as both sides read it, over real HTTP and HTTPS."""

from __future__ import annotations

import uuid
from contextlib import closing
from datetime import UTC, date, datetime

import pytest

from headunit.core.backend.models import OrderRequest
from headunit.core.config import BackendConfig
from headunit.services.backend import live_data
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.client import BackendClient, build_client
from headunit.services.backend.credentials import load_credential
from headunit.services.backend.errors import AuthError, Rejected, TlsError
from headunit.services.backend.transport import HttpTransport
from headunit.services.store import Store

from .credential_file import write_credential

VIN = "WHU5MULATR0000001"
DAY = date(2026, 11, 21)  # the fixture clock's date (08:30 UTC)


def key() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def credential_path(backend, tmp_path):
    credential = backend.provision(VIN)
    return write_credential(tmp_path / "credential.json", credential["vin"], credential["secret"])


@pytest.fixture
def client(backend, credential_path):
    made = build_client(BackendConfig(vin=VIN), backend.url, credential_path)
    yield made
    made.close()


def test_health_and_catalogue(client):
    assert client.health().ok
    catalogue = client.catalogue()
    assert catalogue.stations and catalogue.playlists and catalogue.podcasts
    assert all(s.stream_url.startswith("http://127.0.0.1:") for s in catalogue.stations)


def test_pois_and_slots(backend, client):
    parking = backend.seed_poi(category="parking", name="Live Test Parking", lat=60.17, lon=24.94)
    poi = client.poi(parking)
    assert (poi.poi_id, poi.category, poi.price_unit, poi.name) == (parking, "parking", "hour", "Live Test Parking")
    found = client.pois("parking", (24.93, 60.16, 24.95, 60.18))
    assert parking in [p.poi_id for p in found.pois]
    slots = client.slots(parking, DAY)
    assert slots and all(s.slot_id.startswith(f"{parking}.20261121T") for s in slots)
    assert slots[0].start == datetime(2026, 11, 21, 6, tzinfo=UTC)


def test_reserve_pay_and_refund(backend, client):
    parking = backend.seed_poi(category="parking", capacity=3)
    slot_id = f"{parking}.20261121T0900"
    booking_key = key()
    held = client.create_reservation(parking, slot_id, key=booking_key, client_ref="trip 42")
    assert (held.status, held.client_ref, held.slot_id) == ("held", "trip 42", slot_id)
    assert client.create_reservation(parking, slot_id, key=booking_key, client_ref="trip 42") == held  # replayed

    order = client.create_order(OrderRequest(f"HU-{uuid.uuid4().hex[:10]}", "reservation", reservation_id=held.id),
                                key=key())
    assert (order.status, order.reservation_id, order.amount_minor) == ("pending", held.id, held.price_minor)
    with pytest.raises(Rejected) as caught:
        client.pay_with_wallet(order.id, "0000", key=key())
    assert (caught.value.status, caught.value.code) == (402, "wrong_pin")
    paid = client.pay_with_wallet(order.id, "1234", key=key())
    assert (paid.status, paid.method, paid.receipt.total_minor) == ("paid", "wallet", held.price_minor)
    assert client.reservation(held.id).status == "confirmed"
    assert [o.id for o in client.orders()] == [order.id]

    refunded = client.refund(order.id, key=key())
    assert refunded.status == "refunded"
    assert client.reservation(held.id).status == "cancelled"


def test_a_full_slot_is_refused(backend, client):
    parking = backend.seed_poi(category="parking", capacity=1)
    slot_id = f"{parking}.20261121T1000"
    client.create_reservation(parking, slot_id, key=key())
    with pytest.raises(Rejected) as caught:
        client.create_reservation(parking, slot_id, key=key())
    assert (caught.value.status, caught.value.code, caught.value.retryable) == (409, "slot_full", False)


def test_a_fuel_order(backend, client):
    fuel = backend.seed_poi(category="fuel")
    order = client.create_order(OrderRequest(f"HU-{uuid.uuid4().hex[:10]}", "fuel", poi_id=fuel, quantity=40),
                                key=key())
    assert (order.kind, order.poi_id, order.quantity, order.status) == ("fuel", fuel, 40.0, "pending")
    assert order.qr_url is not None and client.order(order.id) == order


def test_a_charging_reservation_with_a_connector_for_ninety_minutes(backend, client):
    charger = backend.seed_poi(category="charging", price_minor=39,
                               connectors=[{"type": "CCS", "power_kw": 150.0, "count": 1},
                                           {"type": "Type2", "power_kw": 22.0, "count": 2}])
    held = client.create_reservation(charger, f"{charger}.20261121T0900", key=key(), duration_min=90,
                                     connector="CCS", energy_kwh=30)
    assert (held.duration_min, held.connector, held.energy_kwh, held.price_minor) == (90, "CCS", 30.0, 1170)
    assert held.end == datetime(2026, 11, 21, 10, 30, tzinfo=UTC)
    with pytest.raises(Rejected) as caught:
        client.create_reservation(charger, f"{charger}.20261121T1000", key=key(), connector="CCS")
    assert (caught.value.status, caught.value.code) == (409, "slot_full")
    with pytest.raises(Rejected) as caught:
        client.create_reservation(charger, f"{charger}.20261121T1000", key=key(), duration_min=45)
    assert (caught.value.status, caught.value.code) == (422, "validation_failed")
    assert "body.duration_min" in caught.value.message


def test_a_fuel_order_at_a_pump_and_cancelling_it(backend, client):
    fuel = backend.seed_poi(category="fuel", pumps=[{"number": 1, "fuels": ["95E10"], "free": False},
                                                    {"number": 2, "fuels": ["Diesel"], "free": True}])
    assert [(p.number, p.free) for p in client.poi(fuel).pumps] == [(1, False), (2, True)]
    with pytest.raises(Rejected) as caught:
        client.create_order(OrderRequest(f"HU-{uuid.uuid4().hex[:10]}", "fuel", poi_id=fuel, quantity=40, pump=1),
                            key=key())
    assert (caught.value.status, caught.value.code) == (409, "pump_busy")
    order = client.create_order(OrderRequest(f"HU-{uuid.uuid4().hex[:10]}", "fuel", poi_id=fuel, quantity=40, pump=2),
                                key=key())
    assert (order.pump, order.status) == (2, "pending")
    cancel_key = key()
    cancelled = client.cancel_order(order.id, key=cancel_key)
    assert (cancelled.status, cancelled.qr_url) == ("closed", None)
    assert client.cancel_order(order.id, key=cancel_key) == cancelled  # a retry is replayed


def test_refresh_then_read_from_cache(backend, client, tmp_path):
    parking = backend.seed_poi(category="parking")
    with Store.open(tmp_path / "data") as store:
        cache = BackendCache(store)
        poi = live_data.refresh_poi(client, cache, parking, now=1000.0)
        assert live_data.cached_poi(cache, parking, now=1001.0, stale_after_s=300).value == poi
        slots = live_data.refresh_slots(client, cache, parking, DAY, now=1000.0)
        assert live_data.cached_slots(cache, parking, DAY, now=1001.0, stale_after_s=300).value == slots


def test_a_rotated_secret_is_an_auth_error(backend, credential_path):
    with closing(BackendClient(HttpTransport(backend.url), load_credential(credential_path))) as client:
        backend.provision(VIN)  # a new secret: the one in the file no longer works
        with pytest.raises(AuthError, match="refused the credential of WHU5MULATR0000001 \\(invalid_credentials\\)"):
            client.reservations()


def test_https_with_and_without_the_ca_bundle(tls_backend, tmp_path):
    credential = tls_backend.provision(VIN)
    path = write_credential(tmp_path / "credential.json", credential["vin"], credential["secret"])
    config = BackendConfig(vin=VIN, ca_bundle=str(tls_backend.ca_bundle))
    with closing(build_client(config, tls_backend.url, path)) as trusted:
        assert trusted.health().ok and trusted.reservations() == ()
    with closing(build_client(BackendConfig(vin=VIN), tls_backend.url, path)) as untrusted:
        with pytest.raises(TlsError, match="set backend.ca_bundle"):
            untrusted.health()
