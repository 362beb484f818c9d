"""RadioStore: the saved media catalogue at once (offline too, with a clear message), refreshed
from the real reference backend in the background, "as of" when old; playing hands the signed
stream URL to the player, fetching the catalogue again first when the URL has expired."""

from __future__ import annotations

import time

import pytest
import requests
import shiboken6
from PySide6.QtCore import QLocale

from headunit.bench.fault_proxy import FaultPlan, FaultProxy
from headunit.core.config import MediaConfig, RestrictionLimits
from headunit.core.radio import url_expiry
from headunit.core.signals import GEAR_PARK, SignalState, make_sample
from headunit.qt.stores import StatusStore
from headunit.qt.stores.media_store import MediaStore
from headunit.qt.stores.radio_store import URL_MARGIN_S, RadioStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.qt.stores.sync_store import SyncStore
from headunit.services.backend.cache import BackendCache
from headunit.services.backend.client import BackendClient
from headunit.services.backend.credentials import Credential
from headunit.services.backend.live_data import CATALOGUE_KEY, CATALOGUE_KIND, refresh_catalogue
from headunit.services.backend.transport import HttpTransport
from tests.backend_fixture import START, running_backend
from tests.core.backend import samples
from tests.services.backend.scripted_server import ScriptedServer, json_reply

STALE_AFTER_S = 300
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)  # 24-hour times
STATIONS = ["Helsinki Jazz", "Klassik am Morgen", "Neon Highway", "山水古韵", "Nordlicht Ambient", "Landstraße Rock"]
OFFLINE_STATIONS = "Offline – showing saved stations. Playing needs a connection."


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Recorder:
    """A player that only notes what it was asked to play."""

    def __init__(self) -> None:
        self.items: list[dict] = []

    def playStream(self, item: dict) -> None:  # noqa: N802 - the MediaStore slot's name
        self.items.append(item)


@pytest.fixture
def clients():
    made: list[BackendClient] = []

    def make(url: str, credential: dict[str, str] | None = None) -> BackendClient:
        credential = credential or {"vin": "WHU5MULATR0000001", "secret": "unused-" + "A" * 36}
        client = BackendClient(HttpTransport(url, retries=0, connect_timeout_s=2.0, read_timeout_s=2.0),
                               Credential(credential["vin"], credential["secret"]))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def syncs(tasks):
    made: list[SyncStore] = []

    def make() -> SyncStore:
        sync = SyncStore(tasks, StatusStore(), health_interval_s=1.0)
        made.append(sync)
        return sync

    yield make
    for sync in made:
        sync.stop()


def radio_store(tasks, now: float, player=None, restrictions=None, stale_after_s: float = STALE_AFTER_S,  # noqa: ANN001
                locale: QLocale = US):
    clock = Clock(now)
    radio = RadioStore(tasks, player or Recorder(), restrictions, stale_after_s, clock=clock, locale=locale)
    return radio, clock


def rows(radio: RadioStore) -> list[dict]:
    return radio.items.rows


def titles(radio: RadioStore) -> list[str]:
    return [row["title"] for row in rows(radio)]


def settle(qtbot, tasks, radio: RadioStore) -> None:
    qtbot.waitUntil(lambda: tasks.pending == 0 and not radio.loading, timeout=10_000)


def local_hhmm(when: float) -> str:
    local = time.localtime(when)
    return f"{local.tm_hour:02d}:{local.tm_min:02d}"


def test_offline_the_saved_catalogue_shows_at_once_and_playing_is_refused_with_a_message(
        qtbot, tasks, store, tmp_path, clients, syncs) -> None:
    with running_backend(tmp_path / "backend") as backend:
        client = clients(backend.url, backend.provision())
        saved = refresh_catalogue(client, BackendCache(store), START)
    # the backend is gone now: its port refuses connections
    player = Recorder()
    radio, _clock = radio_store(tasks, START + 60, player)
    sync = syncs()
    radio.follow_connectivity(sync)
    radio.attach(store, client)
    qtbot.waitUntil(lambda: len(rows(radio)) == 6, timeout=5_000)
    assert titles(radio) == STATIONS == [s.name for s in saved.stations]
    sync.attach(client, None)
    qtbot.waitUntil(lambda: radio.offline, timeout=10_000)
    assert radio.message == OFFLINE_STATIONS
    assert [row["available"] for row in rows(radio)] == [False] * 6
    assert rows(radio)[0]["subtitle"] == "Jazz"
    radio.play(0)
    assert player.items == []
    assert radio.message == "Offline – “Helsinki Jazz” can be played once the connection is back."
    radio.showSection("podcasts")
    assert radio.message == "Offline – showing saved podcasts. Playing needs a connection."
    assert rows(radio)[0]["group"] == "Range & Roads"
    assert rows(radio)[0]["subtitle"] == "5 Oct 2026 · 0:30"
    settle(qtbot, tasks, radio)


def test_nothing_saved_and_offline_says_so_then_the_catalogue_loads_when_the_backend_is_back(
        qtbot, tasks, store, backend, clients, syncs) -> None:
    with FaultProxy(backend.url) as proxy:
        proxy.set_down(True)
        client = clients(proxy.url, backend.provision())
        radio, clock = radio_store(tasks, START)
        sync = syncs()
        radio.follow_connectivity(sync)
        radio.attach(store, client)
        sync.attach(client, None)
        qtbot.waitUntil(lambda: radio.offline and not radio.loading, timeout=10_000)
        assert (rows(radio), radio.message) == ([], "No stations saved yet. Connect to the internet to load them.")
        clock.now = START + 30
        proxy.set_down(False)
        qtbot.waitUntil(lambda: len(rows(radio)) == 6, timeout=15_000)
        settle(qtbot, tasks, radio)
        assert (radio.offline, radio.message, radio.asOfText) == (False, "", "")
        assert [row["available"] for row in rows(radio)] == [True] * 6
        assert BackendCache(store).get(CATALOGUE_KIND, CATALOGUE_KEY).fetched_at == START + 30


def test_an_old_catalogue_is_marked_as_of_its_time_and_replaced_once_the_backend_answers(
        qtbot, tasks, store, backend, clients) -> None:
    client = clients(backend.url, backend.provision())
    refresh_catalogue(client, BackendCache(store), START)
    now = START + STALE_AFTER_S + 1
    radio, _clock = radio_store(tasks, now, locale=GERMAN)
    radio.attach(store, None)  # the backend is not known yet
    settle(qtbot, tasks, radio)
    assert titles(radio) == STATIONS
    assert radio.asOfText == f"as of {local_hhmm(START)}"
    fresh, _ = radio_store(tasks, START + STALE_AFTER_S - 1)
    fresh.attach(store, None)
    settle(qtbot, tasks, fresh)
    assert (titles(fresh), fresh.asOfText) == (STATIONS, "")
    radio.attach_client(client)
    qtbot.waitUntil(lambda: radio.asOfText == "", timeout=10_000)
    settle(qtbot, tasks, radio)
    assert (radio.fetched_at, radio.message) == (now, "")
    assert BackendCache(store).get(CATALOGUE_KIND, CATALOGUE_KEY).fetched_at == now


def test_playing_hands_the_signed_url_to_the_player_and_the_url_plays_without_a_token(
        qtbot, tasks, store, backend, clients) -> None:
    player = Recorder()
    radio, _clock = radio_store(tasks, START, player)
    radio.attach(store, clients(backend.url, backend.provision()))
    qtbot.waitUntil(lambda: len(rows(radio)) == 6, timeout=10_000)
    radio.play(2)
    [item] = player.items
    station = radio.catalogue.stations[2]
    assert item == {"uri": station.stream_url, "title": "Neon Highway", "artist": "Electronic", "album": "",
                    "cover": "", "durationMs": 0, "kind": "stream"}
    answer = requests.get(item["uri"], timeout=10)  # no Authorization header: the signature stands in
    assert (answer.status_code, answer.headers["content-type"], answer.content[:4]) == (200, "audio/wav", b"RIFF")
    radio.showSection("playlists")
    assert rows(radio)[1] == {"itemId": "tr-2", "title": "Coffee at Kamppi", "subtitle": "Aino Virta · 0:15",
                              "kind": "track", "available": True, "group": "Morning drive"}
    radio.play(1)
    assert player.items[1] | {"uri": ""} == {"uri": "", "title": "Coffee at Kamppi", "artist": "Aino Virta",
                                             "album": "Morning drive", "cover": "", "durationMs": 15000,
                                             "kind": "stream"}
    assert radio.message == ""


def test_an_expired_url_is_fetched_anew_before_it_is_played(qtbot, tasks, store, backend, clients) -> None:
    client = clients(backend.url, backend.provision())
    cache = BackendCache(store)
    saved = refresh_catalogue(client, cache, START)
    old_url = saved.stations[0].stream_url
    later = url_expiry(old_url) + 60  # past the URL's expiry, the catalogue itself not yet stale
    backend.clock.advance(later - START)
    player = Recorder()
    radio, _clock = radio_store(tasks, later, player, stale_after_s=2 * (later - START))
    radio.attach(store, client)
    settle(qtbot, tasks, radio)
    assert radio.fetched_at == START  # shown from the cache, not refreshed: it is not stale
    radio.play(0)
    assert radio.loading  # fetching a fresh URL
    qtbot.waitUntil(lambda: len(player.items) == 1, timeout=10_000)
    new_url = player.items[0]["uri"]
    assert new_url != old_url and url_expiry(new_url) > later + URL_MARGIN_S
    assert requests.get(old_url, timeout=10).status_code == 403
    assert requests.get(new_url, timeout=10).status_code == 200
    assert cache.get(CATALOGUE_KIND, CATALOGUE_KEY).fetched_at == later
    settle(qtbot, tasks, radio)


@pytest.mark.parametrize("expired", [False, True], ids=["fresh_url", "expired_url"])
def test_a_station_plays_through_the_real_player_from_the_real_backend(qtbot, tasks, store, backend, clients,
                                                                       expired: bool) -> None:
    client = clients(backend.url, backend.provision())
    saved = refresh_catalogue(client, BackendCache(store), START)
    now = START
    if expired:  # the backend's signature check would refuse the saved URL (403)
        now = url_expiry(saved.stations[0].stream_url) + 60
        backend.clock.advance(now - START)
    player = MediaStore(tasks, MediaConfig(stream_timeout_s=10.0))
    radio, _clock = radio_store(tasks, now, player, stale_after_s=86_400)
    try:
        radio.attach(store, client)
        settle(qtbot, tasks, radio)
        radio.play(0)
        qtbot.waitUntil(lambda: player.error or (player.playing and not player.loading and player.positionMs > 300),
                        timeout=10_000)
        assert (player.error, player.sourceKind, player.title, player.artist) == (
            "", "stream", "Helsinki Jazz", "Jazz")
        assert radio.message == ""
    finally:
        player.close()
        settle(qtbot, tasks, radio)
        # deleted here, on the GUI thread: a garbage collection on a worker thread must not
        # destroy the player's timers and QMediaPlayer there
        shiboken6.delete(radio)
        shiboken6.delete(player)


def malformed_catalogue(backend) -> dict:  # noqa: ANN001
    """The real backend's answer with one station's stream URL broken."""
    body = backend.session().get(f"{backend.url}/v1/media/catalogue", timeout=10).json()
    body["stations"][1]["stream_url"] = "not a url"
    return body


def test_a_malformed_answer_keeps_the_saved_catalogue(qtbot, tasks, store, backend, clients) -> None:
    cache = BackendCache(store)
    refresh_catalogue(clients(backend.url, backend.provision()), cache, START)
    before = cache.get(CATALOGUE_KIND, CATALOGUE_KEY)
    with ScriptedServer() as server:
        server.always("POST", "/v1/auth/token", json_reply(samples.TOKEN))
        server.always("GET", "/v1/media/catalogue", json_reply(malformed_catalogue(backend)))
        radio, _clock = radio_store(tasks, START + STALE_AFTER_S + 1, locale=GERMAN)
        radio.attach(store, clients(server.url))
        qtbot.waitUntil(lambda: radio.message != "" and not radio.loading, timeout=10_000)
        assert server.count("GET", "/v1/media/catalogue") == 1
    assert cache.get(CATALOGUE_KIND, CATALOGUE_KEY) == before
    assert (titles(radio), radio.message) == (STATIONS, "Could not update the list – showing the saved one.")
    assert radio.asOfText == f"as of {local_hhmm(START)}"


def test_a_failing_backend_keeps_the_saved_catalogue_and_a_retry_replaces_it(
        qtbot, tasks, store, backend, clients) -> None:
    credential = backend.provision()
    cache = BackendCache(store)
    refresh_catalogue(clients(backend.url, credential), cache, START)
    with FaultProxy(backend.url, FaultPlan(error_500=1.0, path_prefix="/v1/media/")) as proxy:
        now = START + STALE_AFTER_S + 1
        radio, _clock = radio_store(tasks, now)
        radio.attach(store, clients(proxy.url, credential))
        qtbot.waitUntil(lambda: proxy.counts["error_500"] == 1 and radio.message != "", timeout=10_000)
        settle(qtbot, tasks, radio)
        assert (titles(radio), radio.message) == (STATIONS, "Could not update the list – showing the saved one.")
        assert cache.get(CATALOGUE_KIND, CATALOGUE_KEY).fetched_at == START
        proxy.set_plan(FaultPlan())
        radio.refresh()
        qtbot.waitUntil(lambda: radio.message == "" and radio.asOfText == "", timeout=10_000)
        assert cache.get(CATALOGUE_KIND, CATALOGUE_KEY).fetched_at == now


def test_lists_are_cut_to_the_restrictions_while_moving(qtbot, tasks, store, backend, clients) -> None:
    signals = SignalState()
    restrictions = RestrictionsStore(RestrictionLimits(max_list_items=4, max_string_chars=10), signals)
    player = Recorder()
    radio, _clock = radio_store(tasks, START, player, restrictions)
    radio.attach(store, clients(backend.url, backend.provision()))
    qtbot.waitUntil(lambda: len(rows(radio)) == 4, timeout=10_000)  # no vehicle data yet: moving
    assert titles(radio) == ["Helsinki …", "Klassik a…", "Neon High…", "山水古韵"]
    assert radio.hiddenCount == 2
    radio.play(5)  # not on screen
    assert player.items == []
    radio.play(3)
    assert player.items[0]["title"] == "山水古韵"
    with qtbot.waitSignal(radio.changed, timeout=1_000):
        changed = signals.apply_all([make_sample("Vehicle.Speed", 0.0, 1.0),
                                     make_sample("Vehicle.Powertrain.Transmission.SelectedGear", GEAR_PARK, 1.0),
                                     make_sample("Vehicle.Chassis.ParkingBrake.IsEngaged", True, 1.0)])
        restrictions.on_signals_changed(changed)
    assert (titles(radio), radio.hiddenCount) == (STATIONS, 0)


def test_an_unknown_section_is_refused_by_name(qtbot, tasks) -> None:
    radio, _clock = radio_store(tasks, START)
    with pytest.raises(ValueError, match="unknown radio section 'video'"):
        radio.showSection("video")
    assert radio.section == "stations"
