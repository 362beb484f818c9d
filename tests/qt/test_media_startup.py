"""What joins media to the rest of the car: steering-wheel keys from real CAN frames on
python-can's virtual bus, and guidance prompts that lower the music while they play."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import can
import cantools
import pytest
import shiboken6

from headunit.core.config import MediaConfig, VehicleConfig
from headunit.qt.media_startup import follow_wheel_keys
from headunit.qt.stores.media_store import MediaStore
from headunit.qt.stores.vehicle_store import VehicleStore
from headunit.qt.vehicle_feed import VehicleFeed
from headunit.services.vehicle.can_codec import DEFAULT_DBC, CanCodec
from headunit.services.vehicle.can_source import CanSource
from tests.qt.stores.test_media_store import INTERRUPTED, track, write_wav

WAIT_MS = 10_000
pytestmark = pytest.mark.qt_log_ignore(INTERRUPTED)


@pytest.fixture
def player(qapp, tasks, qtbot, tmp_path) -> Iterator[MediaStore]:
    store = MediaStore(tasks, MediaConfig(duck_percent=20))
    songs = [track(write_wav(tmp_path / f"{i}.wav", seconds=4.0, pitch=300 + 100 * i), f"Track {i}") for i in range(3)]
    store.playTracks(songs, 0)
    qtbot.waitUntil(lambda: store.playing and store.title == "Track 0", timeout=WAIT_MS)
    yield store
    store.close()
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=WAIT_MS)
    shiboken6.delete(store)


@pytest.fixture
def bus_and_vehicle(qapp, tasks) -> Iterator[tuple[can.BusABC, VehicleStore]]:
    channel = f"test-wheel-keys-{uuid.uuid4()}"
    peer = can.Bus(interface="virtual", channel=channel)
    vehicle = VehicleStore(VehicleConfig())
    feed = VehicleFeed(vehicle, tasks)
    feed.start(lambda: CanSource(CanCodec(), "virtual", channel, silence_timeout=None), None)
    yield peer, vehicle
    feed.stop()
    peer.shutdown()


def press(peer: can.BusABC, db, button: str) -> None:
    message = db.get_message_by_name("SWC_Buttons")
    value = message.get_signal_by_name("MediaButton").choices
    raw = next(number for number, name in value.items() if str(name) == button)
    peer.send(can.Message(arbitration_id=message.frame_id, is_extended_id=False,
                          data=message.encode({"MediaButton": raw})))


def test_steering_wheel_keys_on_the_can_bus_skip_tracks_and_toggle_play(player, bus_and_vehicle, qtbot):
    peer, vehicle = bus_and_vehicle
    follow_wheel_keys(vehicle, player)
    db = cantools.database.load_file(DEFAULT_DBC, database_format="dbc")
    action = "Vehicle.Cabin.Infotainment.Media.Action"

    def key(button: str, value: str) -> None:
        press(peer, db, button)
        qtbot.waitUntil(lambda: vehicle.state.value(action) == value, timeout=WAIT_MS)

    def source_listening() -> bool:  # released keys until the source is on the bus: they press nothing
        press(peer, db, "None")
        return vehicle.state.value(action) == "UNKNOWN"

    qtbot.waitUntil(source_listening, timeout=WAIT_MS)
    assert player.title == "Track 0" and player.playing
    key("Next", "SKIP_FORWARD")
    qtbot.waitUntil(lambda: player.title == "Track 1", timeout=WAIT_MS)
    key("None", "UNKNOWN")  # the release does nothing
    assert player.title == "Track 1"
    key("Next", "SKIP_FORWARD")
    qtbot.waitUntil(lambda: player.title == "Track 2", timeout=WAIT_MS)
    key("None", "UNKNOWN")
    key("PlayPause", "PLAY")
    qtbot.waitUntil(lambda: not player.playing, timeout=WAIT_MS)
    key("None", "UNKNOWN")
    key("PlayPause", "PLAY")
    qtbot.waitUntil(lambda: player.playing, timeout=WAIT_MS)
    key("None", "UNKNOWN")
    key("Previous", "SKIP_BACKWARD")
    qtbot.waitUntil(lambda: player.title == "Track 1", timeout=WAIT_MS)
    vehicle.set_live(False)  # the bus going quiet marks the held key stale: that is no new press
    assert player.title == "Track 1"


@pytest.fixture
def first_prompt(player, tasks, helsinki_map, qtbot):
    """Drive a route until its first guidance prompt sounds; yields the prompts, what they said
    and the music's volume before."""
    from headunit.core.config import MapConfig
    from headunit.qt.navigation_prompts import NavigationPrompts
    from headunit.qt.stores.map_store import MapStore
    from headunit.qt.stores.route_store import RouteStore
    from headunit.services.map.service import MapService
    from tests.qt.stores.test_route_store import DESTINATION, START, place

    vehicle = VehicleStore(VehicleConfig())
    map_store = MapStore(MapConfig(database=str(helsinki_map)))
    map_store.follow_vehicle(vehicle)
    map_store.start(tasks, lambda stage: MapService(helsinki_map), lambda s: "image://maptiles/x")
    qtbot.waitUntil(lambda: map_store.state == "ready", timeout=WAIT_MS)
    route = RouteStore(map_store, tasks, off_route_m=40.0)
    prompts = NavigationPrompts(route, player)
    said: list[tuple[str, int]] = []
    prompts.prompted.connect(lambda stage, index: said.append((stage, index)))
    full_volume = player.audio_output.volume()
    try:
        place(vehicle, *START, t=1.0)
        route.routeTo(*DESTINATION, "Unioninkatu")
        qtbot.waitUntil(lambda: route.active, timeout=WAIT_MS)
        for i, point in enumerate(route.path):  # drive the route until the first prompt
            place(vehicle, point["lat"], point["lon"], t=2.0 + i)
            qtbot.waitUntil(lambda: map_store.carLat == point["lat"], timeout=1_000)
            if said:
                break
        yield prompts, said, full_volume
    finally:
        prompts.close()
        map_store.service.close()


def test_guidance_prompts_lower_the_music_while_they_play_and_restore_it(player, first_prompt, qtbot):
    prompts, said, full_volume = first_prompt
    assert said and said[0][0] in ("prepare", "now")
    assert prompts.speaking and player.ducked
    assert player.audio_output.volume() == pytest.approx(full_volume * 0.2, abs=0.01)
    qtbot.waitUntil(lambda: not prompts.speaking, timeout=WAIT_MS)  # the chime ended
    assert not player.ducked
    assert player.audio_output.volume() == pytest.approx(full_volume, abs=0.01)


def test_closing_the_prompts_mid_chime_gives_the_music_back_at_once(player, first_prompt):
    prompts, said, full_volume = first_prompt
    assert said and prompts.speaking and player.ducked
    prompts.close()
    assert not prompts.speaking and not player.ducked
    assert player.audio_output.volume() == pytest.approx(full_volume, abs=0.01)
