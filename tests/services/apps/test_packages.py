"""Installing partner apps from signed packages: end to end against the reference backend,
and every kind of bad package refused with its reason and nothing left on disk."""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from headunit.backend.app_store import SOURCE_DIR
from headunit.core.config import AppsConfig
from headunit.services.apps.packages import MAX_MEMBERS, PackageInstaller, PackageRefused
from headunit.services.apps.partner_key import package_public_key
from headunit.services.apps.registry import AppRefused, load_app
from tests.backend_fixture import running_backend

GRANTED = ("vehicle.read", "network", "media.audio", "media.video")
APP_ID = "com.example.tunecloud"
TEST_KEY = Ed25519PrivateKey.generate()
TEST_PUBLIC = TEST_KEY.public_key().public_bytes_raw()


def source_files(folder: str = "tunecloud") -> dict[str, bytes]:
    """The app as files (name -> bytes), without the store's listing."""
    return {p.name: p.read_bytes() for p in (SOURCE_DIR / folder).iterdir() if p.name != "store.json"}


def manifest_of(files: dict[str, bytes]) -> dict:
    return json.loads(files["manifest.json"])


def with_manifest(files: dict[str, bytes], **changes) -> dict[str, bytes]:
    return {**files, "manifest.json": json.dumps({**manifest_of(files), **changes}).encode()}


def make_zip(files: dict[str, bytes] | None = None, extra: list[tuple[zipfile.ZipInfo | str, bytes]] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (source_files() if files is None else files).items():
            archive.writestr(name, data)
        for info, data in extra:
            archive.writestr(info, data)
    return buffer.getvalue()


def member(name: str, file_type: int = stat.S_IFREG, mode: int = 0o644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (file_type | mode) << 16
    return info


def signed(package: bytes) -> tuple[bytes, bytes]:
    return package, TEST_KEY.sign(package)


def listing(folder: Path) -> list[str]:
    """Everything under ``folder``, hidden entries included."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else []


@pytest.fixture
def install_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "apps"


@pytest.fixture
def installer(install_dir: Path) -> PackageInstaller:
    return PackageInstaller(install_dir, TEST_PUBLIC, GRANTED)


def test_install_from_the_reference_backend_end_to_end(tmp_path, install_dir):
    data_dir = tmp_path / "data"
    with running_backend(data_dir / "backend") as backend:  # writes data/backend/package-signing.pub
        client = backend.client(tmp_path)
        try:
            catalogue = {app.id: app for app in client.app_catalogue()}
            body, signature = client.app_package(APP_ID)
        finally:
            client.close()
    key = package_public_key(AppsConfig(), data_dir, local_backend=True)
    installer = PackageInstaller(install_dir, key, GRANTED)
    app = installer.install(body, signature, expected_id=APP_ID)
    assert (app.id, app.folder, app.builtin) == (APP_ID, install_dir / APP_ID, False)
    assert app.manifest.version == catalogue[APP_ID].version
    assert installer.installed() == [install_dir / APP_ID]
    assert load_app(install_dir / APP_ID, GRANTED).manifest == app.manifest
    assert listing(install_dir) == [APP_ID] + [f"{APP_ID}/{name}" for name in sorted(source_files())]
    assert (install_dir / APP_ID / "TuneCloudApp.qml").read_bytes() == source_files()["TuneCloudApp.qml"]


def test_modes_are_the_installers_not_the_zips(installer, install_dir):
    package = make_zip(extra=[(member("qml/Extra.qml", mode=0o4777), b"import QtQuick\nItem { id: root }\n")])
    installer.install(*signed(package))
    assert stat.S_IMODE(install_dir.stat().st_mode) == 0o700
    for path in (install_dir / APP_ID).rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path
    assert stat.S_IMODE((install_dir / APP_ID).stat().st_mode) == 0o755


def test_a_tampered_byte_is_refused_before_the_zip_is_opened(installer, install_dir):
    package, signature = signed(make_zip())
    for index in (0, len(package) // 2, len(package) - 1):
        tampered = bytearray(package)
        tampered[index] ^= 0x01
        with pytest.raises(PackageRefused, match="^signature does not match$"):
            installer.install(bytes(tampered), signature)
    assert listing(install_dir) == []


def test_an_unsigned_package_is_refused(installer, install_dir):
    with pytest.raises(PackageRefused, match="^unsigned package$"):
        installer.install(make_zip(), None)
    assert listing(install_dir) == []


def test_a_package_signed_by_another_key_is_refused(installer, install_dir):
    package = make_zip()
    with pytest.raises(PackageRefused, match="^signature does not match$"):
        installer.install(package, Ed25519PrivateKey.generate().sign(package))
    with pytest.raises(PackageRefused, match="^signature does not match$"):
        installer.install(package, TEST_KEY.sign(package)[:-1])
    assert listing(install_dir) == []


def test_without_a_configured_key_every_package_is_refused(install_dir):
    installer = PackageInstaller(install_dir, None, GRANTED)
    with pytest.raises(PackageRefused, match=r"^no package signing key is configured \(apps.package_public_key\)$"):
        installer.install(*signed(make_zip()))
    assert listing(install_dir) == []


def bomb() -> bytes:
    return make_zip(extra=[("padding.bin", bytes(20 * 1024 * 1024))])


def too_big_in_total() -> bytes:
    chunk = os.urandom(16 * 1024) + bytes(1024 * 1024)  # ~60x: under the ratio cap, 33 of them over 32 MiB
    return make_zip(extra=[(f"data/{n}.bin", chunk) for n in range(33)])


BAD_PACKAGES = {
    "parent path": (lambda: make_zip(extra=[("../x.qml", b"x")]), """member "../x.qml": it contains '..'"""),
    "parent inside": (lambda: make_zip(extra=[("a/../../x", b"x")]), """member "a/../../x": it contains '..'"""),
    "absolute path": (lambda: make_zip(extra=[("/etc/evil", b"x")]), 'member "/etc/evil": it is absolute'),
    "backslash": (lambda: make_zip(extra=[("..\\x", b"x")]), 'member "..\\\\x": it contains a backslash'),
    "symlink member": (lambda: make_zip(extra=[(member("link", stat.S_IFLNK, 0o777), b"/etc/passwd")]),
                       'member "link" is a symlink'),
    "fifo member": (lambda: make_zip(extra=[(member("pipe", stat.S_IFIFO), b"")]),
                    'member "pipe" is a special file, not a regular file or folder'),
    "duplicate member": (lambda: make_zip(extra=[("icon.svg", b"<svg/>")]), 'member "icon.svg" appears twice'),
    "file used as folder": (lambda: make_zip(extra=[("icon.svg/x.qml", b"x")]),
                            'member "icon.svg/x.qml" is inside "icon.svg", which is a file'),
    "too many members": (lambda: make_zip(extra=[(f"f{n}.txt", b"") for n in range(MAX_MEMBERS)]),
                         f"the package has {MAX_MEMBERS + 3} members (at most {MAX_MEMBERS})"),
    "zip bomb": (bomb, 'member "padding.bin" expands '),
    "too big in total": (too_big_in_total, "the package unpacks to more than 33554432 bytes"),
    "not a zip": (lambda: b"this is not a zip at all", "not a usable zip archive (File is not a zip file)"),
    "missing manifest": (lambda: make_zip({k: v for k, v in source_files().items() if k != "manifest.json"}),
                         "no manifest.json at the top of the package"),
    "manifest in a folder": (lambda: make_zip({("app/" + k if k == "manifest.json" else k): v
                                               for k, v in source_files().items()}),
                             "no manifest.json at the top of the package"),
    "manifest not json": (lambda: make_zip({**source_files(), "manifest.json": b"{id: 1}"}),
                          "manifest.json is not valid JSON: Expecting property name enclosed in double quotes"),
    "manifest with an unknown field": (lambda: make_zip(with_manifest(source_files(), homepage="https://x")),
                                       "manifest.json: unknown field 'homepage' (known: id, version,"),
    "manifest whose entry is missing": (lambda: make_zip(with_manifest(source_files(), entry="Missing.qml")),
                                        "entry 'Missing.qml' does not exist in the app folder"),
    "manifest whose entry climbs out": (lambda: make_zip(with_manifest(source_files(), entry="../Evil.qml")),
                                        "manifest.json: entry: expected a relative path inside the app folder"),
    "permission not granted": (lambda: make_zip(with_manifest(source_files(), permissions=["payments"])),
                               "permission 'payments' is not granted by apps.granted_permissions"),
    "qml that imports the stores": (
        lambda: make_zip({**source_files(), "TuneCloudApp.qml": b"import QtQuick\nimport HeadUnit.Stores\nItem {}\n"}),
        "TuneCloudApp.qml:2: import HeadUnit.Stores is not allowed"),
}


@pytest.mark.filterwarnings("ignore:Duplicate name")  # zipfile warns while the test writes one
@pytest.mark.parametrize("case", list(BAD_PACKAGES))
def test_a_bad_package_is_refused_with_its_reason_and_nothing_is_left(installer, install_dir, case):
    build, reason = BAD_PACKAGES[case]
    with pytest.raises(PackageRefused) as caught:
        installer.install(*signed(build()))
    assert str(caught.value).startswith(reason), str(caught.value)
    assert listing(install_dir) == []


def test_a_member_that_lies_about_its_size_is_refused_while_unpacking(installer, install_dir):
    package = bytearray(make_zip(extra=[(zipfile.ZipInfo("data.bin"), b"x" * 1000)]))  # stored, not deflated
    name = b"data.bin"
    local, central = package.index(name) - 30, package.rindex(name) - 46  # fixed-size headers before the name
    assert (package[local:local + 4], package[central:central + 4]) == (b"PK\x03\x04", b"PK\x01\x02")
    package[local + 22:local + 26] = (10).to_bytes(4, "little")  # uncompressed size: 10, not 1000
    package[central + 24:central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(PackageRefused, match=r"^a member of the package is damaged \(Bad CRC-32 for file 'data.bin'\)"):
        installer.install(*signed(bytes(package)))
    assert listing(install_dir) == []


def test_a_zip_bomb_is_named_with_its_ratio(installer):
    package = bomb()
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        info = archive.getinfo("padding.bin")
    with pytest.raises(PackageRefused) as caught:
        installer.install(*signed(package))
    ratio = info.file_size // info.compress_size
    assert ratio > 100
    assert str(caught.value) == f'member "padding.bin" expands {ratio} times (at most 100): a zip bomb?'


def test_a_newer_version_replaces_the_old_one(installer, install_dir):
    installer.install(*signed(make_zip()))
    (install_dir / APP_ID / "leftover.txt").write_text("from the old version")
    newer = with_manifest(source_files(), version="1.3.0")
    newer["TuneCloudApp.qml"] = newer["TuneCloudApp.qml"].replace(b"TuneCloud stations", b"TuneCloud 1.3")
    app = installer.install(*signed(make_zip(newer)))
    assert app.manifest.version == "1.3.0"
    assert load_app(install_dir / APP_ID, GRANTED).manifest.version == "1.3.0"
    assert b"TuneCloud 1.3" in (install_dir / APP_ID / "TuneCloudApp.qml").read_bytes()
    assert listing(install_dir) == [APP_ID] + [f"{APP_ID}/{name}" for name in sorted(newer)]


def test_a_refused_update_leaves_the_installed_version_as_it_was(installer, install_dir):
    installer.install(*signed(make_zip()))
    before = {p: p.read_bytes() for p in (install_dir / APP_ID).iterdir()}
    with pytest.raises(PackageRefused, match="is not granted"):
        installer.install(*signed(make_zip(with_manifest(source_files(), version="2.0.0",
                                                         permissions=["payments"]))))
    assert {p: p.read_bytes() for p in (install_dir / APP_ID).iterdir()} == before
    assert installer.installed() == [install_dir / APP_ID]
    assert listing(install_dir) == [APP_ID] + [f"{APP_ID}/{name}" for name in sorted(source_files())]


def test_a_package_of_another_app_than_asked_for_is_refused(installer, install_dir):
    with pytest.raises(PackageRefused, match="^the package holds com.example.tunecloud, not the com.example.cliptv "
                                             "asked for$"):
        installer.install(*signed(make_zip()), expected_id="com.example.cliptv")
    assert listing(install_dir) == []


def test_uninstall_removes_the_app_and_only_it(installer, install_dir):
    installer.install(*signed(make_zip()))
    installer.install(*signed(make_zip(source_files("cliptv"))))
    installer.uninstall(APP_ID)
    assert installer.installed() == [install_dir / "com.example.cliptv"]
    with pytest.raises(AppRefused, match="does not exist"):
        load_app(install_dir / APP_ID, GRANTED)
    installer.uninstall(APP_ID)  # not installed: nothing to do
    assert listing(install_dir)[0] == "com.example.cliptv"
    with pytest.raises(ValueError, match="an app id looks like"):
        installer.uninstall("../data")


def test_what_a_crash_left_behind_is_tidied_on_first_use(install_dir):
    install_dir.mkdir(parents=True)
    (install_dir / ".staging-0123").mkdir()
    (install_dir / ".staging-0123" / "half.qml").write_text("Item {")
    aside = install_dir / f".old-{APP_ID}-abc123"  # renamed aside, the new version never arrived
    aside.mkdir()
    (aside / "manifest.json").write_bytes(source_files()["manifest.json"])
    installer = PackageInstaller(install_dir, TEST_PUBLIC, GRANTED)
    assert installer.installed() == [install_dir / APP_ID]
    assert listing(install_dir) == [APP_ID, f"{APP_ID}/manifest.json"]


def test_a_public_key_of_the_wrong_size_is_a_programming_error(install_dir):
    with pytest.raises(ValueError, match="32 raw bytes"):
        PackageInstaller(install_dir, b"\x00" * 31, GRANTED)
