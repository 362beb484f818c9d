"""LiveDataStore: the cached live data of a POI at once, marked stale when old, refreshed
from the real reference backend in the background; failures keep what was cached."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from headunit.core.backend.api_json import to_api_json
from headunit.core.config import Config, MapConfig, PathsConfig
from headunit.qt.stores.live_data_store import LiveDataStore
from headunit.qt.stores.map_store import MapStore
from headunit.qt.stores.poi_model import backend_poi_id, poi_to_map
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.client import BackendClient
from headunit.services.backend.credentials import Credential
from headunit.services.backend.live_data import POI_KIND, refresh_poi
from headunit.services.backend.transport import HttpTransport
from headunit.services.map.pois import Poi
from headunit.services.map.service import MapService, ensure_map
from tests.backend_fixture import DEFAULT_VIN, START
from tests.core.backend import samples
from tests.services.backend.scripted_server import Reply, ScriptedServer, json_reply

STALE_AFTER_S = 300
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clients():
    made: list[BackendClient] = []

    def make(url: str, vin: str = DEFAULT_VIN, secret: str = "unused-" + "A" * 36) -> BackendClient:
        client = BackendClient(HttpTransport(url, retries=0, connect_timeout_s=2.0, read_timeout_s=2.0),
                               Credential(vin, secret))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def backend_client(backend, clients) -> BackendClient:
    credential = backend.provision()
    return clients(backend.url, credential["vin"], credential["secret"])


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def make_store(tasks, now: float, locale: QLocale = US) -> tuple[LiveDataStore, Clock]:
    clock = Clock(now)
    return LiveDataStore(tasks, STALE_AFTER_S, clock=clock, locale=locale), clock


def settle(qtbot, tasks, live: LiveDataStore) -> None:
    qtbot.waitUntil(lambda: tasks.pending == 0 and not live.loading, timeout=10_000)


def test_a_cached_value_is_shown_at_once_without_asking_the_backend(qtbot, tasks, store, backend, backend_client,
                                                                   clients):
    poi_id = backend.seed_poi(capacity=40, price_minor=250)
    cached = refresh_poi(backend_client, BackendCache(store), poi_id, START)
    live, _clock = make_store(tasks, START + 60)
    live.attach_store(store)
    live.attach_client(clients(closed_port_url()))  # a refresh would fail and say so
    with qtbot.waitSignal(live.changed, timeout=5_000):
        live.show(poi_id)
    assert live.poiId == poi_id
    settle(qtbot, tasks, live)
    assert (live.available, live.stale, live.errorText) == (True, False, "")
    assert live.availabilityText == f"{cached.free} of 40 free"
    assert live.priceText == "€2.50 / h"
    assert live.value == cached


def test_a_stale_value_is_shown_while_the_refresh_still_waits(qtbot, tasks, store, clients):
    cache = BackendCache(store)
    cache.put(POI_KIND, "w123", samples.POI_PARKING, START)
    with ScriptedServer() as server:
        server.always("POST", "/v1/auth/token", json_reply(samples.TOKEN))
        server.always("GET", "/v1/pois/w123", Reply(stall=True))
        live, _clock = make_store(tasks, START + STALE_AFTER_S + 1)
        live.attach_store(store)
        live.attach_client(clients(server.url))
        live.show("w123")
        qtbot.waitUntil(lambda: live.available, timeout=5_000)
        qtbot.waitUntil(lambda: server.count("GET", "/v1/pois/w123") == 1, timeout=5_000)
        assert (live.stale, live.loading, live.availabilityText, live.errorText) == (True, True, "12 of 40 free", "")
    settle(qtbot, tasks, live)  # the stalled answer ends with the server: a failed refresh
    assert (live.available, live.stale, live.availabilityText) == (True, True, "12 of 40 free")


def test_data_older_than_stale_after_is_marked_stale_with_its_time(qtbot, tasks, store):
    BackendCache(store).put(POI_KIND, "w123", samples.POI_PARKING, START)
    fresh, _ = make_store(tasks, START + STALE_AFTER_S - 1, GERMAN)
    fresh.attach_store(store)
    fresh.show("w123")
    settle(qtbot, tasks, fresh)
    assert (fresh.available, fresh.stale) == (True, False)
    old, _ = make_store(tasks, START + STALE_AFTER_S + 1, GERMAN)
    old.attach_store(store)
    old.show("w123")
    settle(qtbot, tasks, old)
    local = time.localtime(START)
    assert old.stale and old.asOfText == f"as of {local.tm_hour:02d}:{local.tm_min:02d}"
    assert old.errorText == "Could not update"  # there is no backend to ask


def test_a_stale_value_is_replaced_by_the_backend_s_answer(qtbot, tasks, store, backend, backend_client):
    poi_id = backend.seed_poi(capacity=40, price_minor=250)
    cache = BackendCache(store)
    refresh_poi(backend_client, cache, poi_id, START)
    backend.seed_poi(poi_id, capacity=60, price_minor=300)  # the backend's data changed since
    now = START + STALE_AFTER_S + 1
    live, _ = make_store(tasks, now)
    live.attach_store(store)
    live.attach_client(backend_client)
    live.show(poi_id)
    qtbot.waitUntil(lambda: live.priceText == "€3.00 / h", timeout=10_000)
    settle(qtbot, tasks, live)
    assert (live.stale, live.errorText) == (False, "")
    assert live.availabilityText.endswith(" of 60 free")
    row = cache.get(POI_KIND, poi_id)
    assert (row.fetched_at, row.body["price_minor"], row.body["capacity"]) == (now, 300, 60)


def test_a_failed_refresh_keeps_the_cached_value_marked_stale(qtbot, tasks, store, clients):
    BackendCache(store).put(POI_KIND, "w123", samples.POI_PARKING, START)
    live, _ = make_store(tasks, START + STALE_AFTER_S + 1)
    live.attach_store(store)
    live.attach_client(clients(closed_port_url()))
    live.show("w123")
    qtbot.waitUntil(lambda: live.errorText != "", timeout=10_000)
    settle(qtbot, tasks, live)
    assert (live.available, live.stale, live.priceText) == (True, True, "€3.00 / h")
    assert live.errorText == "Could not update"


@pytest.mark.parametrize("answer", [
    json_reply({**samples.POI_PARKING, "free": 41}),  # more free than capacity
    json_reply({**samples.POI_PARKING, "poi_id": "w124"}),  # another POI
    Reply(200, b'{"poi_id": "w123", "categ', {"Content-Type": "application/json"}),  # cut off
])
def test_a_malformed_answer_leaves_the_cache_and_the_view_as_they_were(qtbot, tasks, store, clients, answer):
    cache = BackendCache(store)
    cache.put(POI_KIND, "w123", samples.POI_PARKING, START)
    before = cache.get(POI_KIND, "w123")
    with ScriptedServer() as server:
        server.always("POST", "/v1/auth/token", json_reply(samples.TOKEN))
        server.always("GET", "/v1/pois/w123", answer)
        live, _ = make_store(tasks, START + STALE_AFTER_S + 1)
        live.attach_store(store)
        live.attach_client(clients(server.url))
        live.show("w123")
        qtbot.waitUntil(lambda: live.errorText != "", timeout=10_000)
        assert server.count("GET", "/v1/pois/w123") == 1
    assert cache.get(POI_KIND, "w123") == before
    assert (live.available, live.stale, live.availabilityText) == (True, True, "12 of 40 free")


def test_without_data_and_without_a_backend_answer_the_data_is_unavailable(qtbot, tasks, store, clients):
    live, _ = make_store(tasks, START)
    live.attach_store(store)
    live.show("n123")
    settle(qtbot, tasks, live)
    assert (live.available, live.errorText, live.availabilityText, live.priceText) == (
        False, "Live data unavailable", "", "")
    live.attach_client(clients(closed_port_url()))
    qtbot.waitUntil(lambda: not live.loading and tasks.pending == 0, timeout=10_000)
    assert (live.available, live.errorText) == (False, "Live data unavailable")


def test_storage_and_client_may_come_after_the_poi_is_shown(qtbot, tasks, store, backend, backend_client):
    poi_id = backend.seed_poi(category="charging", capacity=4, price_minor=39)
    live, _ = make_store(tasks, START)
    live.show(poi_id)
    assert live.errorText == "Live data unavailable"
    live.attach_store(store)
    settle(qtbot, tasks, live)
    live.attach_client(backend_client)
    qtbot.waitUntil(lambda: live.available, timeout=10_000)
    settle(qtbot, tasks, live)
    assert live.availabilityText.startswith("Connectors: ") and live.availabilityText.endswith(" of 4 free")
    assert (live.priceText, live.errorText, live.stale) == ("€0.39 / kWh", "", False)
    assert BackendCache(store).get(POI_KIND, poi_id).fetched_at == START


def test_fuel_shows_its_price_per_litre_and_no_count(qtbot, tasks, store):
    BackendCache(store).put(POI_KIND, "r77", samples.POI_FUEL, START)
    live, _ = make_store(tasks, START + 1)
    live.attach_store(store)
    live.show("r77")
    settle(qtbot, tasks, live)
    assert (live.availabilityText, live.priceText) == ("", "€1.89 / l")


class GatedClient:
    """The real client, whose answers wait until the test opens the gate of their POI."""

    def __init__(self, client: BackendClient) -> None:
        self._client = client
        self.gates: dict[str, threading.Event] = {}
        self.asked: list[str] = []

    def poi(self, poi_id: str):  # noqa: ANN201
        self.asked.append(poi_id)
        self.gates.setdefault(poi_id, threading.Event()).wait(timeout=10)
        return self._client.poi(poi_id)


def test_a_late_answer_for_a_poi_no_longer_shown_is_dropped(qtbot, tasks, store, backend, backend_client):
    first = backend.seed_poi(capacity=10, price_minor=100)
    second = backend.seed_poi(capacity=20, price_minor=200)
    gated = GatedClient(backend_client)
    gated.gates[first] = threading.Event()
    live, _ = make_store(tasks, START)
    live.attach_store(store)
    live.attach_client(gated)
    live.show(first)
    qtbot.waitUntil(lambda: gated.asked == [first], timeout=5_000)
    gated.gates[second] = threading.Event()
    gated.gates[second].set()
    live.show(second)
    qtbot.waitUntil(lambda: live.priceText == "€2.00 / h", timeout=10_000)
    gated.gates[first].set()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    assert (live.poiId, live.priceText) == (second, "€2.00 / h")
    assert live.availabilityText.endswith(" of 20 free")
    assert BackendCache(store).get(POI_KIND, first) is not None  # the answer was still kept


def test_clearing_drops_the_answer_on_its_way(qtbot, tasks, store, backend, backend_client):
    poi_id = backend.seed_poi(capacity=10)
    gated = GatedClient(backend_client)
    gated.gates[poi_id] = threading.Event()
    live, _ = make_store(tasks, START)
    live.attach_store(store)
    live.attach_client(gated)
    live.show(poi_id)
    qtbot.waitUntil(lambda: gated.asked == [poi_id], timeout=5_000)
    live.clear()
    assert (live.poiId, live.loading) == ("", False)
    gated.gates[poi_id].set()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=10_000)
    assert (live.poiId, live.available, live.priceText, live.errorText) == ("", False, "", "")


def test_changed_fires_only_when_something_shown_changes(qtbot, tasks, store):
    BackendCache(store).put(POI_KIND, "w123", samples.POI_PARKING, START)
    live, _ = make_store(tasks, START + 1)
    live.attach_store(store)
    live.show("w123")
    settle(qtbot, tasks, live)
    emitted = []
    live.changed.connect(lambda: emitted.append(live.poiId))
    live.show("w123")  # the same POI again
    settle(qtbot, tasks, live)
    assert emitted == []
    live.clear()
    live.clear()
    assert emitted == [""]


def test_it_follows_the_map_s_selection_of_bookable_pois(qtbot, tasks, store, helsinki_map, tmp_path):
    config = Config(paths=PathsConfig(data_dir=str(tmp_path)), map=MapConfig(database=str(helsinki_map)))
    map_store = MapStore(config.map)
    map_store.start(tasks, lambda stage: MapService(ensure_map(config, stage)), lambda s: "")
    qtbot.waitUntil(lambda: map_store.state == "ready", timeout=20_000)
    parking = map_store.service.nearest("parking", 60.1699, 24.9415, 1)[0]
    restaurant = map_store.service.nearest("restaurant", 60.1699, 24.9415, 1)[0]
    live, _ = make_store(tasks, START)
    live.attach_store(store)
    live.follow_selection(map_store)
    map_store.selectPoi(parking.id)
    qtbot.waitUntil(lambda: live.poiId != "", timeout=5_000)
    assert live.poiId == {"node": "n", "way": "w", "relation": "r"}[parking.osm_type] + str(parking.osm_id)
    map_store.selectPoi(restaurant.id)
    qtbot.waitUntil(lambda: live.poiId == "", timeout=5_000)
    map_store.selectPoi(parking.id)
    qtbot.waitUntil(lambda: live.poiId != "", timeout=5_000)
    map_store.selectPoint(60.17, 24.94)
    assert live.poiId == ""
    map_store.selectPoi(parking.id)
    qtbot.waitUntil(lambda: live.poiId != "", timeout=5_000)
    map_store.clearSelection()
    assert live.poiId == ""
    settle(qtbot, tasks, live)
    map_store.service.close()


def test_the_backend_id_of_a_map_poi(tmp_path):
    def poi(osm_type: str, osm_id: int, category: str) -> Poi:
        return Poi(1, osm_type, osm_id, category, "", "", "", "", "", 60.17, 24.94)

    assert backend_poi_id(poi("node", 123, "parking")) == "n123"
    assert backend_poi_id(poi("way", 45, "fuel")) == "w45"
    assert backend_poi_id(poi("relation", 6, "charging")) == "r6"
    assert backend_poi_id(poi("node", 123, "restaurant")) == ""
    assert backend_poi_id(poi("node", -5, "parking")) == ""
    assert poi_to_map(poi("way", 45, "parking"))["backendPoiId"] == "w45"


def test_cached_rows_are_the_api_shape(store):
    """The cache rows the tests above write by hand are what refresh_poi writes."""
    from headunit.core.backend.parse import parse_poi_live

    assert to_api_json(parse_poi_live(samples.POI_PARKING)) == samples.POI_PARKING
