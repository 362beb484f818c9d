"""App folders on disk: a valid app loads; missing files, symlinks out (entry, icon, any
file, the whole folder), a symlinked or broken manifest, permissions not granted and
forbidden QML are refused with a reason; discovery scans roots, keeps the first of two
apps with one id and logs one WARNING line per refused folder."""

from __future__ import annotations

import json
import logging
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from headunit.core.apps.manifest import parse_manifest
from headunit.core.config import AppsConfig
from headunit.services.apps.registry import (
    BUILTIN_APPS_DIR, MANIFEST_MAX_BYTES, AppInfo, AppRefused, AppRoot, Refusal, discover, load_app,
)

GRANTED = AppsConfig().granted_permissions  # vehicle.read, network, media.audio, media.video
MAIN_QML = "import QtQuick\nimport HeadUnit\n\nItem {\n    id: root\n    property QtObject host\n}\n"
ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><circle cx="24" cy="24" r="20"/></svg>\n'


def manifest_for(name: str, **changes: object) -> dict:
    data = {
        "id": f"com.example.{name}", "version": "1.0.0", "names": {"en": name.title()},
        "icon": "icon.svg", "category": "services", "entry": "Main.qml",
        "permissions": ["network"], "usable_while_moving": True,
    }
    data.update(changes)
    return data


def make_app(root: Path, name: str, **changes: object) -> Path:
    """A valid app folder root/name (with manifest changes applied)."""
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(manifest_for(name, **changes)), encoding="utf-8")
    (folder / "Main.qml").write_text(MAIN_QML, encoding="utf-8")
    (folder / "icon.svg").write_text(ICON_SVG, encoding="utf-8")
    return folder


def refusal(folder: Path, granted=GRANTED) -> str:
    with pytest.raises(AppRefused) as caught:
        load_app(folder, granted)
    return str(caught.value)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    made = tmp_path / "apps"
    made.mkdir()
    return made


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the root, with files an app must not reach."""
    made = tmp_path / "outside"
    made.mkdir()
    (made / "Evil.qml").write_text(MAIN_QML, encoding="utf-8")
    (made / "icon.svg").write_text(ICON_SVG, encoding="utf-8")
    return made


# --- a valid app ---

def test_a_valid_app_loads_with_its_paths(root):
    folder = make_app(root, "parking")
    app = load_app(folder, GRANTED, builtin=True)
    assert isinstance(app, AppInfo)
    assert (app.id, app.folder, app.builtin) == ("com.example.parking", folder, True)
    assert app.entry_path == folder / "Main.qml"
    assert app.icon_path == folder / "icon.svg"
    assert app.manifest.names["en"] == "Parking"
    assert load_app(folder, GRANTED).builtin is False


def test_files_in_subfolders_and_symlinks_that_stay_inside_are_accepted(root):
    folder = make_app(root, "parking", entry="qml/Main.qml", icon="images/icon.png")
    (folder / "qml").mkdir()
    (folder / "Main.qml").rename(folder / "qml" / "Real.qml")
    (folder / "qml" / "Main.qml").symlink_to("Real.qml")
    (folder / "images").mkdir()
    (folder / "images" / "icon.png").symlink_to("../icon.svg")
    (folder / "shared").symlink_to("qml", target_is_directory=True)
    app = load_app(folder, GRANTED)
    assert app.entry_path == folder / "qml" / "Main.qml"


def test_qt_multimedia_is_accepted_for_an_app_with_a_media_permission(root):
    folder = make_app(root, "tunes", permissions=["media.audio"])
    (folder / "Main.qml").write_text("import QtQuick\nimport QtMultimedia\nItem { id: root }\n", encoding="utf-8")
    assert load_app(folder, GRANTED).manifest.permissions == ("media.audio",)


# --- missing or misplaced files ---

def test_a_missing_entry_is_refused(root):
    folder = make_app(root, "parking")
    (folder / "Main.qml").unlink()
    assert refusal(folder) == "entry 'Main.qml' does not exist in the app folder"


def test_a_missing_icon_is_refused(root):
    folder = make_app(root, "parking", icon="images/icon.svg")
    assert refusal(folder) == "icon 'images/icon.svg' does not exist in the app folder"


def test_an_entry_that_is_a_folder_is_refused(root):
    folder = make_app(root, "parking", entry="Main.qml")
    (folder / "Main.qml").unlink()
    (folder / "Main.qml").mkdir()
    assert refusal(folder) == "entry 'Main.qml' is not a regular file"


def test_an_entry_symlink_out_of_the_folder_is_refused(root, outside):
    folder = make_app(root, "parking")
    (folder / "Main.qml").unlink()
    (folder / "Main.qml").symlink_to(outside / "Evil.qml")
    assert refusal(folder) == f"entry 'Main.qml' leads outside the app folder (to {outside / 'Evil.qml'})"


def test_an_entry_under_a_symlinked_folder_that_leads_out_is_refused(root, outside):
    folder = make_app(root, "parking", entry="qml/Evil.qml")
    (folder / "qml").symlink_to(outside, target_is_directory=True)
    assert refusal(folder).startswith("entry 'qml/Evil.qml' leads outside the app folder")


def test_an_icon_symlink_out_of_the_folder_is_refused(root, outside):
    folder = make_app(root, "parking")
    (folder / "icon.svg").unlink()
    (folder / "icon.svg").symlink_to(outside / "icon.svg")
    assert refusal(folder) == f"icon 'icon.svg' leads outside the app folder (to {outside / 'icon.svg'})"


def test_a_broken_entry_symlink_is_refused(root):
    folder = make_app(root, "parking")
    (folder / "Main.qml").unlink()
    (folder / "Main.qml").symlink_to("Missing.qml")
    assert refusal(folder) == "entry 'Main.qml' is a broken symlink"


def test_any_other_symlink_out_of_the_folder_is_refused(root, outside):
    folder = make_app(root, "parking")
    (folder / "lib").mkdir()
    (folder / "lib" / "Helper.qml").symlink_to(outside / "Evil.qml")
    assert refusal(folder) == (
        f"'lib/Helper.qml' is a symlink that leads outside the app folder (to {outside / 'Evil.qml'})")


def test_a_whole_app_folder_symlinked_out_of_its_root_is_refused(root, tmp_path):
    real = make_app(tmp_path / "elsewhere", "parking")
    (root / "parking").symlink_to(real, target_is_directory=True)
    assert refusal(root / "parking") == f"the app folder is a symlink to {real}, outside {root}"
    assert load_app(real, GRANTED).id == "com.example.parking"  # the target itself is fine


def test_an_app_folder_symlinked_to_its_own_root_is_refused(root):
    make_app(root, "parking")
    (root / "loop").symlink_to(root, target_is_directory=True)
    assert refusal(root / "loop") == f"the app folder is a symlink to {root}, outside {root}"


def test_an_app_folder_symlinked_within_its_root_is_accepted(root):
    make_app(root, "parking")
    (root / "alias").symlink_to("parking", target_is_directory=True)
    assert load_app(root / "alias", GRANTED).entry_path == root / "alias" / "Main.qml"


def test_a_folder_that_does_not_exist_is_refused(root):
    assert refusal(root / "nothing") == "the app folder does not exist"


# --- the manifest file ---

def test_a_manifest_symlink_is_refused_even_to_a_file_inside(root):
    folder = make_app(root, "parking")
    (folder / "manifest.json").rename(folder / "real.json")
    (folder / "manifest.json").symlink_to("real.json")
    assert refusal(folder) == "manifest.json is a symlink; it must be a regular file in the app folder"


def test_a_missing_manifest_is_refused(root):
    folder = make_app(root, "parking")
    (folder / "manifest.json").unlink()
    assert refusal(folder) == "no manifest.json in the app folder"


def test_a_manifest_that_is_a_folder_is_refused(root):
    folder = make_app(root, "parking")
    (folder / "manifest.json").unlink()
    (folder / "manifest.json").mkdir()
    assert refusal(folder) == "manifest.json is not a regular file"


def test_a_manifest_over_the_size_cap_is_refused(root):
    folder = make_app(root, "parking")
    padded = json.dumps(manifest_for("parking"), indent=MANIFEST_MAX_BYTES // 8)
    assert len(padded.encode()) > MANIFEST_MAX_BYTES
    (folder / "manifest.json").write_text(padded, encoding="utf-8")
    assert refusal(folder) == f"manifest.json is larger than {MANIFEST_MAX_BYTES} bytes"


@pytest.mark.parametrize("content, reason", [
    (b'{"id": "com.example.parking",', "manifest.json is not valid JSON: Expecting property name enclosed in "
                                      "double quotes (line 1, column 30)"),
    (b"", "manifest.json is not valid JSON: Expecting value (line 1, column 1)"),
    (b'{"names": {"en": "Caf\xe9"}}', "manifest.json is not UTF-8 text (at byte offset %d)" % len(b'{"names": {"en": "Caf')),
    (b'{"id": "a.b", "id": "c.d"}', "manifest.json is not valid JSON: the key 'id' appears twice in one object"),
    (b'{"usable_while_moving": NaN}', "manifest.json is not valid JSON: NaN is not a JSON number"),
    (b"[]", "manifest.json: manifest: expected a JSON object, got a list of 0"),
])
def test_a_manifest_that_is_not_json_is_refused_with_the_reason(root, content, reason):
    folder = make_app(root, "parking")
    (folder / "manifest.json").write_bytes(content)
    assert refusal(folder) == reason


def test_a_manifest_with_a_byte_order_mark_is_read(root):
    folder = make_app(root, "parking")
    (folder / "manifest.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(manifest_for("parking")).encode())
    assert load_app(folder, GRANTED).id == "com.example.parking"


def test_a_manifest_rule_is_reported_with_its_field(root):
    folder = make_app(root, "parking", autostart=True)
    assert refusal(folder).startswith("manifest.json: unknown field 'autostart' (known: ")
    folder = make_app(root, "climb", entry="../parking/Main.qml")
    assert refusal(folder).startswith(
        "manifest.json: entry: expected a relative path inside the app folder, got '../parking/Main.qml'")


# --- permissions and QML ---

def test_a_permission_not_granted_is_refused(root):
    folder = make_app(root, "parking", permissions=["network", "payments"])
    assert refusal(folder) == "permission 'payments' is not granted by apps.granted_permissions"
    assert load_app(folder, (*GRANTED, "payments")).manifest.permissions == ("network", "payments")


@pytest.mark.parametrize("file, text, reason", [
    ("Main.qml", "import QtQuick\nimport QtNetwork\nItem { id: root }\n",
     "Main.qml:2: import QtNetwork is not allowed; allowed: QtQuick, QtQuick.Layouts, QtQuick.Controls, HeadUnit"),
    ("Main.qml", "import QtQuick\nimport QtMultimedia\nItem { id: root }\n",
     "Main.qml:2: import QtMultimedia is not allowed (QtMultimedia needs media.audio or media.video); "
     "allowed: QtQuick, QtQuick.Layouts, QtQuick.Controls, HeadUnit"),
    ("Main.qml", "import QtQuick\nimport HeadUnit.Stores\nItem { id: root }\n",
     "Main.qml:2: import HeadUnit.Stores is not allowed: an app reaches the head unit only through its host"),
    ("lib/Helper.qml", 'import QtQuick\nimport "../../other"\nItem { id: root }\n',
     "lib/Helper.qml:2: quoted imports (a directory or a JavaScript file) are not allowed"),
    ("lib/Helper.qml", "import QtQuick\nItem {\n  id: root\n  function f() { return new XMLHttpRequest() }\n}\n",
     "lib/Helper.qml:4: XMLHttpRequest is not allowed: network access goes through the host's stores"),
    ("Main.qml", 'import QtQuick\nItem { id: root; Component.onCompleted: Qt.createQmlObject("Item {}", root) }\n',
     "Main.qml:2: Qt.createQmlObject is not allowed: QML built from a string escapes this check"),
    ("Main.qml", 'import QtQuick\nItem { id: root\n onVisibleChanged: Qt.openUrlExternally("x") }\n',
     "Main.qml:3: Qt.openUrlExternally is not allowed: apps do not start other programs"),
    ("Other.qml", "import QtQuick\nItem { id: root; property var db: LocalStorage }\n",
     "Other.qml:2: LocalStorage is not allowed: apps keep no database of their own"),
])
def test_forbidden_qml_in_any_file_of_the_folder_is_refused(root, file, text, reason):
    folder = make_app(root, "parking")
    (folder / file).parent.mkdir(exist_ok=True)
    (folder / file).write_text(text, encoding="utf-8")
    assert refusal(folder) == reason


def test_every_problem_of_a_file_is_counted_in_the_reason(root):
    folder = make_app(root, "parking")
    (folder / "Main.qml").write_text("import QtNetwork\nimport QtPositioning\nItem { id: root }\n", encoding="utf-8")
    assert refusal(folder).endswith(" (and 1 more)")


def test_qml_that_is_not_utf8_is_refused(root):
    folder = make_app(root, "parking")
    content = b"import QtQuick\nItem { objectName: \"\xff\" }\n"
    (folder / "Main.qml").write_bytes(content)
    offset = content.index(b"\xff")
    assert refusal(folder) == f"Main.qml is not UTF-8 text (at byte offset {offset})"


# --- discovery ---

def test_discover_scans_the_subfolders_of_each_root_in_order(tmp_path):
    builtin, extra = tmp_path / "builtin", tmp_path / "extra"
    make_app(builtin, "zeta")
    make_app(builtin, "alpha")
    make_app(extra, "mid")
    make_app(extra, ".staging")  # hidden: a package being unpacked
    (extra / "README.txt").write_text("not an app", encoding="utf-8")
    found = discover([AppRoot(builtin, True), AppRoot(extra, False)], GRANTED)
    assert [(app.id, app.builtin) for app in found.apps] == [
        ("com.example.alpha", True), ("com.example.zeta", True), ("com.example.mid", False)]
    assert found.refused == ()


def test_a_duplicate_id_is_refused_and_the_first_root_wins(tmp_path, caplog):
    builtin, extra = tmp_path / "builtin", tmp_path / "extra"
    make_app(builtin, "music")
    make_app(extra, "copy", id="com.example.music")
    with caplog.at_level(logging.WARNING, logger="headunit.apps"):
        found = discover([AppRoot(builtin, True), AppRoot(extra, False)], GRANTED)
    assert [(app.id, app.folder) for app in found.apps] == [("com.example.music", builtin / "music")]
    reason = f"id 'com.example.music' is already used by {builtin / 'music'}"
    assert found.refused == (Refusal(extra / "copy", reason),)
    assert [record.getMessage() for record in caplog.records] == [f"app refused: {extra / 'copy'}: {reason}"]


def test_a_missing_root_is_one_refusal_and_the_other_roots_still_count(tmp_path):
    make_app(tmp_path / "apps", "parking")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    found = discover([AppRoot(tmp_path / "gone", False), AppRoot(tmp_path / "file", False),
                      AppRoot(tmp_path / "apps", False)], GRANTED)
    assert [app.id for app in found.apps] == ["com.example.parking"]
    assert found.refused == (Refusal(tmp_path / "gone", "the app folder root does not exist"),
                             Refusal(tmp_path / "file", "the app folder root is not a folder"))


def test_each_refusal_logs_one_warning_line_and_good_apps_still_load(root, outside, caplog):
    make_app(root, "good")
    broken = make_app(root, "broken")
    (broken / "manifest.json").write_text("{", encoding="utf-8")
    symlinked = make_app(root, "symlinked")
    (symlinked / "Main.qml").unlink()
    (symlinked / "Main.qml").symlink_to(outside / "Evil.qml")
    paying = make_app(root, "paying", permissions=["payments"])
    with caplog.at_level(logging.DEBUG, logger="headunit.apps"):
        found = discover([AppRoot(root, False), AppRoot(root / "missing", False)], GRANTED)
    assert [app.id for app in found.apps] == ["com.example.good"]
    assert [refused.folder for refused in found.refused] == [broken, paying, symlinked, root / "missing"]
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert all(record.name == "headunit.apps" for record in warnings)
    assert [record.getMessage() for record in warnings] == [
        f"app refused: {refused.folder}: {refused.reason}" for refused in found.refused]
    assert all("\n" not in record.getMessage() for record in warnings)
    assert found.refused[0].reason.startswith("manifest.json is not valid JSON: ")
    assert found.refused[1].reason == "permission 'payments' is not granted by apps.granted_permissions"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_manifest_is_refused(root):
    folder = make_app(root, "parking")
    (folder / "manifest.json").chmod(0)
    assert refusal(folder) == "cannot read manifest.json: Permission denied"


# --- the built-in apps shipped in headunit/apps ---

BUILTINS = {  # folder -> (id, category, permissions, usable_while_moving, entry), per the issue 7 contract
    "music": ("headunit.music", "media", ("media.audio",), True, "MusicApp.qml"),
    "radio": ("headunit.radio", "media", ("network", "media.audio"), True, "RadioApp.qml"),
    "video": ("headunit.video", "media", ("media.video", "media.audio"), False, "VideoApp.qml"),
    "trip": ("headunit.trip", "services", ("vehicle.read",), True, "TripApp.qml"),
}


@pytest.mark.parametrize("folder", sorted(BUILTINS))
def test_each_builtin_manifest_follows_the_rules_and_the_contract(folder):
    manifest = parse_manifest(json.loads((BUILTIN_APPS_DIR / folder / "manifest.json").read_text(encoding="utf-8")))
    assert (manifest.id, manifest.category, manifest.permissions, manifest.usable_while_moving,
            manifest.entry) == BUILTINS[folder]
    assert set(manifest.names) == {"en", "de", "zh_CN"}
    assert all(permission in GRANTED for permission in manifest.permissions)


@pytest.mark.parametrize("folder", sorted(BUILTINS))
def test_each_builtin_icon_is_a_48_unit_single_colour_svg(folder):
    svg = ET.parse(BUILTIN_APPS_DIR / folder / "icon.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 48 48"
    colours = {element.get(attribute) for element in svg.iter() for attribute in ("fill", "stroke")}
    assert len(colours - {None, "none"}) == 1
