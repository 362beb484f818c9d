"""refresh_* writes only validated answers to the cache; cached_* reads them back
through the parsers, marks stale data, and treats rows that no longer parse as absent."""

from __future__ import annotations

import logging
from datetime import date

import pytest

from headunit.core.backend.parse import (
    parse_catalogue,
    parse_orders,
    parse_poi_live,
    parse_reservations,
    parse_slots,
)
from headunit.services.backend import live_data
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.client import BackendClient
from headunit.services.backend.errors import BadResponse, Rejected
from tests.core.backend import samples

from .scripted_server import error_reply, html_reply, json_reply

DAY = date(2026, 11, 21)


@pytest.fixture
def cache(store) -> BackendCache:
    return BackendCache(store)


@pytest.fixture
def client(server, make_transport, credential) -> BackendClient:
    server.always("POST", "/v1/auth/token", json_reply(samples.TOKEN))
    return BackendClient(make_transport(retries=0), credential, clock=lambda: 0.0)


def rows(store) -> list[tuple]:
    return store.db.execute("SELECT kind, key, body, fetched_at FROM backend_cache ORDER BY kind, key").fetchall()


def test_poi_is_fetched_cached_and_read_back(server, client, cache):
    server.add(json_reply(samples.POI_CHARGING), path="/v1/pois/n2410325871")
    poi = live_data.refresh_poi(client, cache, "n2410325871", now=1000.0)
    assert poi == parse_poi_live(samples.POI_CHARGING)
    assert cache.get("poi_live", "n2410325871").body == samples.POI_CHARGING
    fresh = live_data.cached_poi(cache, "n2410325871", now=1100.0, stale_after_s=300)
    assert (fresh.value, fresh.fetched_at, fresh.stale) == (poi, 1000.0, False)
    assert live_data.cached_poi(cache, "n2410325871", now=1301.0, stale_after_s=300).stale is True
    assert live_data.cached_poi(cache, "n1", now=1100.0, stale_after_s=300) is None


def test_slots_are_cached_per_poi_and_date(server, client, cache):
    server.add(json_reply(samples.SLOTS), path="/v1/pois/n123/slots")
    slots = live_data.refresh_slots(client, cache, "n123", DAY, now=50.0)
    assert slots == parse_slots(samples.SLOTS)
    assert cache.get("slots", "n123/2026-11-21").body == samples.SLOTS
    assert live_data.cached_slots(cache, "n123", DAY, now=60.0, stale_after_s=300).value == slots
    assert live_data.cached_slots(cache, "n123", date(2026, 11, 22), now=60.0, stale_after_s=300) is None


def test_catalogue_reservations_and_orders_are_cached(server, client, cache):
    server.add(json_reply(samples.CATALOGUE), path="/v1/media/catalogue")
    server.add(json_reply(samples.RESERVATIONS), path="/v1/reservations")
    server.add(json_reply(samples.ORDERS), path="/v1/orders")
    live_data.refresh_catalogue(client, cache, now=1.0)
    live_data.refresh_reservations(client, cache, now=2.0)
    live_data.refresh_orders(client, cache, now=3.0)
    assert live_data.cached_catalogue(cache, 10.0, 300).value == parse_catalogue(samples.CATALOGUE)
    assert live_data.cached_reservations(cache, 10.0, 300).value == parse_reservations(samples.RESERVATIONS)
    assert live_data.cached_orders(cache, 10.0, 300).value == parse_orders(samples.ORDERS)
    assert [(kind, key) for kind, key, *_ in rows(cache._store)] == [
        ("catalogue", "default"), ("orders", "mine"), ("reservations", "mine")]


@pytest.mark.parametrize(
    ("reply", "error"),
    [(json_reply({**samples.POI_CHARGING, "free": 99}), BadResponse), (html_reply(200), BadResponse),
     (error_reply(404, "not_found"), Rejected)],
)
def test_a_failed_refresh_leaves_the_cached_row_as_it_was(server, client, cache, store, reply, error):
    server.add(json_reply(samples.POI_CHARGING), path="/v1/pois/n2410325871")
    live_data.refresh_poi(client, cache, "n2410325871", now=1000.0)
    before = rows(store)
    server.add(reply, path="/v1/pois/n2410325871")
    with pytest.raises(error):
        live_data.refresh_poi(client, cache, "n2410325871", now=2000.0)
    assert rows(store) == before
    assert live_data.cached_poi(cache, "n2410325871", now=2000.0, stale_after_s=300).stale is True


def test_a_row_that_no_longer_parses_is_absent_and_logged(cache, caplog):
    cache.put("poi_live", "n1", {**samples.POI_CHARGING, "poi_id": "n1", "category": "hotel"}, 1.0)
    cache.put("catalogue", "default", {"stations": "gone"}, 1.0)
    with caplog.at_level(logging.WARNING, logger="headunit.backend"):
        assert live_data.cached_poi(cache, "n1", now=2.0, stale_after_s=300) is None
        assert live_data.cached_catalogue(cache, now=2.0, stale_after_s=300) is None
    assert [r.getMessage() for r in caplog.records] == [
        'cached poi_live n1 no longer parses (poi.category: expected one of parking, fuel, charging, got "hotel"); '
        "treating it as absent",
        'cached catalogue default no longer parses (stations: expected a list, got "gone"); treating it as absent',
    ]


def test_a_row_for_another_poi_is_not_returned(cache):
    cache.put("poi_live", "n5", samples.POI_CHARGING, 1.0)
    assert live_data.cached_poi(cache, "n5", now=2.0, stale_after_s=300) is None
