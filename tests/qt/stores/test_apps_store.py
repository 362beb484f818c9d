"""AppsStore: apps found in real folders (the built-in root and one written by the test),
the launcher order and recent row saved in a real store, one running app whose host
follows its permissions, blocked while moving by a real RestrictionsStore."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from headunit.core.config import APP_PERMISSIONS, AppsConfig, RestrictionLimits
from headunit.core.signals import GEAR_DRIVE, GEAR_PARK, SignalState, make_sample
from headunit.qt.apps.app_context import STORE_PERMISSIONS, AppContext
from headunit.qt.stores.apps_store import AppsStore
from headunit.qt.stores.restrictions_store import RestrictionsStore
from headunit.services.apps.registry import BUILTIN_APPS_DIR
from headunit.services.store import Store
from tests.app_folders import write_app

BUILTIN_IDS = sorted(json.loads((p / "manifest.json").read_text())["id"] for p in BUILTIN_APPS_DIR.iterdir()
                     if (p / "manifest.json").is_file())


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def ids(model) -> list[str]:  # noqa: ANN001
    return [row["appId"] for row in model.rows]


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "apps"
    write_app(folder, "com.example.alpha", "Alpha")
    write_app(folder, "com.example.beta", "Beta", permissions=("media.audio",), category="media")
    write_app(folder, "com.example.gamma", "Gamma", permissions=("network", "media.audio"))
    write_app(folder, "com.example.parked", "Parked", usable_while_moving=False)
    return folder


@pytest.fixture
def restrictions(qapp):
    signals = SignalState()
    made = RestrictionsStore(RestrictionLimits(), signals)

    def feed(**values) -> None:
        paths = {"speed": "Vehicle.Speed", "gear": "Vehicle.Powertrain.Transmission.SelectedGear",
                 "brake": "Vehicle.Chassis.ParkingBrake.IsEngaged"}
        made.on_signals_changed(signals.apply_all(make_sample(paths[k], v, 1.0) for k, v in values.items()))

    made.feed = feed
    return made


@pytest.fixture
def apps_store(tasks, qtbot, tmp_path, app_dir, restrictions):
    """make(store, **config) -> an attached AppsStore, once its apps are loaded."""

    def make(db: Store | None, clock: Clock | None = None, **config) -> AppsStore:
        apps_config = AppsConfig(dirs=(str(app_dir),), **config)
        made = AppsStore(tasks, apps_config, restrictions, "en", clock=clock or Clock(1_000.0))
        made.attach(db, tmp_path / "installed")
        qtbot.waitUntil(lambda: made.ready, timeout=5_000)
        return made

    return make


def test_apps_come_built_in_first_then_from_the_configured_folders(apps_store, store):
    apps = apps_store(store)
    assert sorted(ids(apps.apps)[:len(BUILTIN_IDS)]) == BUILTIN_IDS
    assert ids(apps.apps)[len(BUILTIN_IDS):] == ["com.example.alpha", "com.example.beta", "com.example.gamma",
                                                "com.example.parked"]
    row = apps.apps.rows[len(BUILTIN_IDS)]
    assert row["name"] == "Alpha" and row["builtin"] is False and row["position"] == len(BUILTIN_IDS)
    assert row["iconUrl"].startswith("file:///") and row["iconUrl"].endswith("/alpha/icon.svg")
    assert apps.apps.rows[0]["builtin"] is True
    assert apps.appCount == len(BUILTIN_IDS) + 4
    media = ids(apps.mediaApps)
    assert "com.example.beta" in media and "com.example.alpha" not in media
    assert all(row["category"] == "media" for row in apps.mediaApps.rows)


def test_the_names_follow_the_language(tasks, qtbot, tmp_path, app_dir, restrictions):
    apps = AppsStore(tasks, AppsConfig(dirs=(str(app_dir),)), restrictions, "de")
    apps.attach(None, tmp_path / "installed")
    qtbot.waitUntil(lambda: apps.ready, timeout=5_000)
    names = {row["appId"]: row["name"] for row in apps.apps.rows}
    assert names["com.example.alpha"] == "Alpha (de)"
    assert names["headunit.trip"] == "Bordcomputer"


def test_refused_apps_are_not_listed(apps_store, store, app_dir):
    write_app(app_dir, "com.example.typo", "Typo", extra={"usable_while_movng": True})
    write_app(app_dir, "com.example.payer", "Payer", permissions=("payments",))
    (write_app(app_dir, "com.example.noentry", "No entry") / "App.qml").unlink()
    apps = apps_store(store)
    listed = ids(apps.apps)
    for refused in ("com.example.typo", "com.example.payer", "com.example.noentry"):
        assert refused not in listed
    reasons = {r.folder.name: r.reason for r in apps.refused}
    assert "usable_while_movng" in reasons["typo"]
    assert "payments" in reasons["payer"]
    assert "App.qml" in reasons["noentry"]
    assert "com.example.alpha" in listed


def test_the_host_gets_only_the_stores_the_permissions_grant(apps_store, store, restrictions, app_dir):
    write_app(app_dir, "com.example.everything", "Everything", permissions=APP_PERMISSIONS)
    apps = apps_store(store, granted_permissions=APP_PERMISSIONS)
    stores = {name: QObject(objectName=name) for name in STORE_PERMISSIONS if name != "restrictions"}
    for name, made in stores.items():
        apps.provide(name, made)

    def host(app_id: str) -> dict[str, object]:
        apps.launch(app_id)
        context = apps.currentContext
        assert isinstance(context, AppContext) and context.appId == app_id and context.language == "en"
        return {name: context.property(name) for name in STORE_PERMISSIONS}

    none = host("com.example.alpha")
    assert none["restrictions"] is restrictions
    assert [name for name, value in none.items() if value is not None] == ["restrictions"]
    audio = host("com.example.beta")
    assert audio["media"] is stores["media"] and audio["library"] is stores["library"]
    assert audio["radio"] is None and audio["network"] is None and audio["video"] is None
    radio = host("com.example.gamma")
    assert radio["radio"] is stores["radio"] and radio["network"] is stores["network"]
    assert radio["vehicle"] is None and radio["pay"] is None
    everything = host("com.example.everything")
    assert all(everything[name] is made for name, made in stores.items())


def test_an_unknown_store_name_is_refused(apps_store, store):
    apps = apps_store(store)
    with pytest.raises(ValueError, match="no app store called 'wallet'"):
        apps.provide("wallet", QObject())


def test_a_reorder_is_saved_and_restored_by_a_new_store(apps_store, store, tasks, qtbot):
    apps = apps_store(store)
    before = ids(apps.apps)
    with qtbot.waitSignal(apps.appsChanged, timeout=1_000):
        apps.move(len(before) - 1, 0)
    apps.move(1, 3)
    expected = [before[-1], *before[:-1]]
    expected.insert(3, expected.pop(1))
    assert ids(apps.apps) == expected
    assert [row["position"] for row in apps.apps.rows] == list(range(len(expected)))
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5_000)
    again = apps_store(store)
    assert ids(again.apps) == expected


def test_recent_apps_are_the_last_used_first_and_kept_across_restarts(apps_store, store, tasks, qtbot):
    clock = Clock(1_000.0)
    apps = apps_store(store, clock)
    assert apps.recentCount == 0
    for app_id in ("com.example.alpha", "com.example.beta", "com.example.gamma", "com.example.alpha"):
        clock.now += 10
        apps.launch(app_id)
    assert ids(apps.recent) == ["com.example.alpha", "com.example.gamma", "com.example.beta"]
    assert apps.recentCount == 3
    for app_id in (*BUILTIN_IDS, "com.example.parked"):
        clock.now += 10
        apps.launch(app_id)
    assert apps.recentCount == 5 and ids(apps.recent)[0] == "com.example.parked"
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5_000)
    assert ids(apps_store(store).recent) == ids(apps.recent)


def test_one_app_runs_at_a_time_and_a_relaunch_keeps_it(apps_store, store, qtbot):
    apps = apps_store(store)
    with qtbot.waitSignal(apps.openAreaRequested, timeout=1_000) as opened:
        apps.launch("com.example.alpha")
    assert opened.args == ["apps"]
    assert apps.currentAppId == "com.example.alpha" and apps.currentName == "Alpha" and apps.appShown
    assert apps.currentEntryUrl.endswith("/alpha/App.qml")
    first = apps.currentContext
    apps.showLauncher()
    assert not apps.appShown and apps.currentAppId == "com.example.alpha"
    apps.launch("com.example.alpha")
    assert apps.appShown and apps.currentContext is first
    apps.launch("com.example.beta")
    assert apps.currentAppId == "com.example.beta" and apps.currentContext is not first
    apps.closeApp()
    assert apps.currentAppId == "" and apps.currentEntryUrl == "" and apps.currentContext is None
    assert not apps.appShown


def test_an_unknown_app_is_not_launched(apps_store, store, qtbot):
    apps = apps_store(store)
    with qtbot.assertNotEmitted(apps.openAreaRequested):
        apps.launch("com.example.nothere")
    assert apps.currentAppId == ""


def test_an_app_not_usable_while_moving_is_blocked_while_the_car_moves(apps_store, store, restrictions, qtbot):
    restrictions.feed(speed=0.0, gear=GEAR_PARK, brake=True)
    apps = apps_store(store)
    assert not apps.moving
    apps.launch("com.example.parked")
    assert not apps.currentBlocked
    with qtbot.waitSignal(apps.drivingChanged, timeout=1_000):
        restrictions.feed(speed=40.0, gear=GEAR_DRIVE, brake=False)
    assert apps.moving and apps.currentBlocked
    apps.launch("com.example.alpha")  # usable while moving
    assert not apps.currentBlocked
    apps.launch("com.example.parked")
    assert apps.currentBlocked
    with qtbot.waitSignal(apps.drivingChanged, timeout=1_000):
        restrictions.feed(speed=0.0, gear=GEAR_PARK, brake=True)
    assert not apps.currentBlocked and apps.currentAppId == "com.example.parked"


def test_without_storage_the_launcher_still_works(apps_store):
    apps = apps_store(None)
    apps.move(0, 1)
    apps.launch("com.example.alpha")
    assert ids(apps.recent) == ["com.example.alpha"] and apps.currentAppId == "com.example.alpha"


def test_pages_follow_the_apps_per_page(apps_store, store):
    apps = apps_store(store)
    total = apps.appCount
    apps.setPerPage(3)
    assert apps.perPage == 3 and apps.pageCount == -(-total // 3)
    apps.setPerPage(total)
    assert apps.pageCount == 1
    apps.setPerPage(0)
    assert apps.perPage == 1 and apps.pageCount == total


@pytest.fixture
def partner(backend, tmp_path):
    """(client, public key) for the reference backend's partner apps; the client is closed after."""
    from headunit.backend.package_key import public_key_path
    from headunit.services.apps.partner_key import decode_public_key

    client = backend.client(tmp_path)
    yield client, decode_public_key(public_key_path(backend.settings.package_key_file).read_text())
    client.close()


def catalogue_rows(apps: AppsStore) -> dict[str, dict]:
    return {row["appId"]: row for row in apps.catalogue.rows}


def test_a_partner_app_installs_from_the_backend_runs_and_is_removed(apps_store, store, partner, tmp_path, qtbot,
                                                                     tasks):
    from headunit.services.apps.packages import PackageInstaller

    client, key = partner
    apps = apps_store(store)
    installer = PackageInstaller(tmp_path / "installed", key, AppsConfig().granted_permissions)
    apps.attach_client(client, installer)
    qtbot.waitUntil(lambda: "com.example.tunecloud" in catalogue_rows(apps), timeout=5_000)
    row = catalogue_rows(apps)["com.example.tunecloud"]
    assert row["name"] == "TuneCloud" and row["summary"].startswith("Internet radio")
    assert not row["installed"] and apps.catalogueMessage == ""
    apps.install("com.example.tunecloud")
    assert catalogue_rows(apps)["com.example.tunecloud"]["installing"]
    qtbot.waitUntil(lambda: catalogue_rows(apps)["com.example.tunecloud"]["installed"], timeout=10_000)
    assert not catalogue_rows(apps)["com.example.tunecloud"]["installing"]
    assert ids(apps.apps)[-1] == "com.example.tunecloud"
    installed = apps.apps.rows[-1]
    assert installed["builtin"] is False and "/installed/com.example.tunecloud/" in installed["iconUrl"]
    apps.launch("com.example.tunecloud")
    # installed while running: the entry's URL carries the install count (a fresh compile each time)
    assert apps.currentEntryUrl.endswith("/installed/com.example.tunecloud/TuneCloudApp.qml?install=1")
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5_000)
    assert "com.example.tunecloud" in ids(apps_store(store).apps)  # found on disk by a new store too

    apps.uninstall("com.example.tunecloud")
    qtbot.waitUntil(lambda: "com.example.tunecloud" not in ids(apps.apps), timeout=5_000)
    assert apps.currentAppId == "" and not catalogue_rows(apps)["com.example.tunecloud"]["installed"]
    assert not (tmp_path / "installed" / "com.example.tunecloud").exists()
    apps.install("com.example.tunecloud")
    qtbot.waitUntil(lambda: "com.example.tunecloud" in ids(apps.apps), timeout=10_000)
    apps.launch("com.example.tunecloud")
    assert apps.currentEntryUrl.endswith("/TuneCloudApp.qml?install=2")


def test_a_package_signed_with_another_key_is_refused_with_the_reason(apps_store, store, partner, tmp_path, qtbot):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from headunit.services.apps.packages import PackageInstaller

    client, _key = partner
    other = Ed25519PrivateKey.generate().public_key().public_bytes(serialization.Encoding.Raw,
                                                                   serialization.PublicFormat.Raw)
    apps = apps_store(store)
    apps.attach_client(client, PackageInstaller(tmp_path / "installed", other, AppsConfig().granted_permissions))
    qtbot.waitUntil(lambda: "com.example.cliptv" in catalogue_rows(apps), timeout=5_000)
    before = ids(apps.apps)
    apps.install("com.example.cliptv")
    qtbot.waitUntil(lambda: catalogue_rows(apps)["com.example.cliptv"]["error"] != "", timeout=10_000)
    row = catalogue_rows(apps)["com.example.cliptv"]
    assert row["error"] == "Not installed: its signature does not match, so it may have been altered."
    assert not row["installed"] and not row["installing"]
    assert ids(apps.apps) == before
    assert list((tmp_path / "installed").glob("*")) == []  # nothing half installed


def test_without_a_connection_the_catalogue_says_so(apps_store, store, backend, tmp_path, qtbot):
    from headunit.services.apps.packages import PackageInstaller

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    apps = apps_store(store)
    assert apps.catalogueMessage == "More apps can be added once the car is online."
    client = backend.client(tmp_path, url=closed)
    try:
        apps.attach_client(client, PackageInstaller(tmp_path / "installed", None, ()))
        qtbot.waitUntil(lambda: apps.catalogueFailed, timeout=10_000)
        assert apps.catalogueMessage.startswith("Offline: the app catalogue needs a connection")
        assert apps.catalogue.rowCount() == 0
    finally:
        client.close()
