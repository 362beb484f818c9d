"""Partner apps: GET /v1/apps, signed packages from GET /v1/apps/{id}/package, the signing key."""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from headunit.backend.app import BackendStartError, create_app
from headunit.backend.app_store import SOURCE_DIR, ZIP_TIME, AppStore, AppStoreError, build_package
from headunit.backend.package_key import PackageKeyError, load_or_create_key
from headunit.backend.settings import BackendSettings
from headunit.cli import main
from tests.backend.conftest import Api, error_code
from tests.backend_fixture import BackendHandle, running_backend

APP_IDS = ["com.example.cliptv", "com.example.tunecloud"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def public_key(backend: BackendHandle) -> Ed25519PublicKey:
    text = (backend.db_path.parent / "package-signing.pub").read_text(encoding="ascii").strip()
    return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))


def fetch(api: Api, app_id: str) -> requests.Response:
    return api.get(f"/v1/apps/{app_id}/package")


def test_the_catalogue_lists_both_partner_apps_and_needs_a_token(backend, api):
    assert requests.get(f"{backend.url}/v1/apps", timeout=10).status_code == 401
    answer = api.get("/v1/apps")
    assert answer.status_code == 200
    apps = {app["id"]: app for app in answer.json()["apps"]}
    assert sorted(apps) == APP_IDS
    assert apps["com.example.tunecloud"] | {"size_bytes": 0} == {
        "id": "com.example.tunecloud", "version": "1.2.0", "category": "media",
        "names": {"en": "TuneCloud", "de": "TuneCloud", "zh_CN": "音云"},
        "summary": apps["com.example.tunecloud"]["summary"], "permissions": ["network", "media.audio"],
        "usable_while_moving": True, "size_bytes": 0}
    assert (apps["com.example.cliptv"]["permissions"], apps["com.example.cliptv"]["usable_while_moving"]) == (
        ["media.video"], False)
    assert all(set(app["summary"]) >= {"en"} and app["summary"]["en"] for app in apps.values())
    for app_id, app in apps.items():
        assert app["size_bytes"] == len(fetch(api, app_id).content)


def test_each_package_is_a_zip_signed_by_the_key_written_beside_the_database(backend, api):
    key = public_key(backend)
    assert mode(backend.db_path.parent / "package-signing.key") == 0o600
    assert mode(backend.db_path.parent / "package-signing.pub") == 0o644
    for app_id in APP_IDS:
        answer = fetch(api, app_id)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "application/zip"
        signature = base64.b64decode(answer.headers["X-Package-Signature"], validate=True)
        assert len(signature) == 64
        key.verify(signature, answer.content)  # raises if it does not match
        with pytest.raises(InvalidSignature):
            key.verify(signature, answer.content[:-1] + bytes([answer.content[-1] ^ 1]))
        with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            assert manifest["id"] == app_id
            assert "store.json" not in archive.namelist()
            assert {manifest["entry"], manifest["icon"]} <= set(archive.namelist())


def test_the_package_route_needs_a_token_and_knows_only_listed_apps(backend, api):
    answer = requests.get(f"{backend.url}/v1/apps/com.example.tunecloud/package", timeout=10)
    assert (answer.status_code, error_code(answer)) == (401, "unauthorized")
    answer = fetch(api, "com.example.nothere")
    assert (answer.status_code, error_code(answer)) == (404, "not_found")
    assert answer.json()["error"]["message"] == "app com.example.nothere not found"
    answer = fetch(api, "Not..An.Id")
    assert (answer.status_code, error_code(answer)) == (422, "validation_failed")


def test_packages_are_byte_for_byte_the_same_on_every_start(tmp_path):
    with running_backend(tmp_path / "one") as backend:
        first = {app_id: fetch(Api(backend), app_id) for app_id in APP_IDS}
    with running_backend(tmp_path / "one") as backend:  # same database folder, so the same key
        again = {app_id: fetch(Api(backend), app_id) for app_id in APP_IDS}
    for app_id in APP_IDS:
        assert again[app_id].content == first[app_id].content
        assert again[app_id].headers["X-Package-Signature"] == first[app_id].headers["X-Package-Signature"]


def test_the_zip_has_sorted_members_with_a_fixed_time_and_mode(tmp_path):
    source = tmp_path / "app"
    shutil.copytree(SOURCE_DIR / "tunecloud", source)
    (source / "qml").mkdir()
    (source / "qml" / "Row.qml").write_text("import QtQuick\nItem { id: root }\n")
    os.utime(source / "icon.svg", (1_000_000_000, 1_000_000_000))
    data = build_package(source)
    os.utime(source / "icon.svg", (1_900_000_000, 1_900_000_000))
    assert build_package(source) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == sorted(names) and "qml/Row.qml" in names and "store.json" not in names
        assert {info.date_time for info in archive.infolist()} == {ZIP_TIME}
        assert {stat.S_IMODE(info.external_attr >> 16) for info in archive.infolist()} == {0o644}


def test_a_missing_key_is_made_private_and_an_existing_one_is_kept(tmp_path):
    path = tmp_path / "keys" / "signing.key"
    key = load_or_create_key(path)
    assert (mode(path), mode(path.parent)) == (0o600, 0o700)
    assert path.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    again = load_or_create_key(path)
    assert again.private_bytes_raw() == key.private_bytes_raw()


def test_the_key_can_live_elsewhere_and_its_public_key_goes_beside_it(tmp_path):
    settings = BackendSettings(db_path=tmp_path / "db" / "backend.db", package_key_path=tmp_path / "k" / "own.key")
    create_app(settings)
    assert (tmp_path / "k" / "own.pub").is_file()
    assert not (tmp_path / "db" / "package-signing.key").exists()


def pem(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@pytest.mark.parametrize(("content", "file_mode", "expected"), [
    (lambda: pem(Ed25519PrivateKey.generate()), 0o644, r"may be read by others \(mode 0644\); make it private"),
    (lambda: b"hello\n", 0o600, "not an unencrypted PKCS#8 PEM private key"),
    (lambda: pem(ec.generate_private_key(ec.SECP256R1())), 0o600, "an Ed25519 key is needed"),
], ids=["readable by others", "not a key", "another kind of key"])
def test_an_unusable_key_file_stops_the_start_with_a_clear_reason(tmp_path, content, file_mode, expected):
    key = tmp_path / "package-signing.key"
    key.write_bytes(content())
    os.chmod(key, file_mode)
    with pytest.raises(BackendStartError, match=expected):
        create_app(BackendSettings(db_path=tmp_path / "backend.db"))
    with pytest.raises(PackageKeyError, match=expected):
        load_or_create_key(key)
    assert not (tmp_path / "package-signing.pub").exists()


def test_a_broken_app_source_is_refused_naming_the_folder(tmp_path):
    source = tmp_path / "apps" / "broken"
    shutil.copytree(SOURCE_DIR / "tunecloud", source)
    manifest = json.loads((source / "manifest.json").read_text())
    (source / "manifest.json").write_text(json.dumps({**manifest, "homepage": "x"}))
    with pytest.raises(AppStoreError, match=r"broken: manifest: unknown field 'homepage'"):
        AppStore.build(Ed25519PrivateKey.generate(), tmp_path / "apps")


def test_the_cli_prints_the_public_key_the_server_uses(backend, capsys):
    assert main(["backend", "package-key", "--db", str(backend.db_path)]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == (backend.db_path.parent / "package-signing.pub").read_text().strip()
    assert len(base64.b64decode(printed, validate=True)) == 32
