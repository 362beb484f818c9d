"""App manifests: a valid one parses; every broken field, unknown field and path trick is
refused with a message that names the field."""

from __future__ import annotations

import copy

import pytest

from headunit.core.apps.manifest import AppManifest, ManifestError, parse_manifest, path_problem
from headunit.core.config import APP_PERMISSIONS

VALID = {
    "id": "com.example.parking_app",
    "version": "2.1.0-beta",
    "names": {"en": "Parking", "de": "Parken", "zh_CN": "停车", "zh": "停车场"},
    "icon": "images/icon.png",
    "category": "services",
    "entry": "qml/Main.qml",
    "permissions": ["network", "payments"],
    "usable_while_moving": False,
}


def with_field(name: str, value: object) -> dict:
    data = copy.deepcopy(VALID)
    data[name] = value
    return data


def refusal(data: object) -> str:
    with pytest.raises(ManifestError) as caught:
        parse_manifest(data)
    return str(caught.value)


def test_a_valid_manifest_keeps_every_field():
    manifest = parse_manifest(copy.deepcopy(VALID))
    assert manifest == AppManifest(
        id="com.example.parking_app", version="2.1.0-beta", names=VALID["names"],
        icon="images/icon.png", category="services", entry="qml/Main.qml",
        permissions=("network", "payments"), usable_while_moving=False,
    )
    assert dict(manifest.names) == VALID["names"]


def test_the_names_cannot_be_changed_through_the_manifest_or_the_input():
    data = copy.deepcopy(VALID)
    manifest = parse_manifest(data)
    data["names"]["en"] = "Changed"
    assert manifest.names["en"] == "Parking"
    with pytest.raises(TypeError):
        manifest.names["en"] = "Changed"  # type: ignore[index]


@pytest.mark.parametrize("language, expected", [
    ("zh_CN", "停车"),      # exact
    ("zh_TW", "停车场"),    # its base language
    ("de_AT", "Parken"),
    ("de", "Parken"),
    ("fr", "Parking"),      # English
    ("fr_CA", "Parking"),
])
def test_name_for_falls_back_from_the_exact_language_to_its_base_then_english(language, expected):
    assert parse_manifest(copy.deepcopy(VALID)).name_for(language) == expected


def test_every_known_permission_and_none_at_all_are_accepted():
    assert parse_manifest(with_field("permissions", list(APP_PERMISSIONS))).permissions == APP_PERMISSIONS
    assert parse_manifest(with_field("permissions", [])).permissions == ()


@pytest.mark.parametrize("field, value, message", [
    ("id", "Com.Example.App", "id: expected a lowercase reverse-DNS id"),
    ("id", "parking", "id: expected a lowercase reverse-DNS id"),
    ("id", "com..example", "id: expected a lowercase reverse-DNS id"),
    ("id", "com.example.", "id: expected a lowercase reverse-DNS id"),
    ("id", "com.1example", "id: expected a lowercase reverse-DNS id"),
    ("id", "com.exa-mple", "id: expected a lowercase reverse-DNS id"),
    ("id", "com." + "a" * 97, "id: expected a lowercase reverse-DNS id"),
    ("id", 42, "id: expected a lowercase reverse-DNS id like 'com.example.parking' (at most 100 characters), got 42"),
    ("version", "", "version: expected a non-empty string"),
    ("version", " 1.0", "version: expected a non-empty string"),
    ("version", "1" * 33, "version: expected a non-empty string of at most 32 characters"),
    ("version", "1.0\n", "version: expected a non-empty string"),
    ("version", 1.0, "version: expected a non-empty string of at most 32 characters without surrounding "
                     "spaces or control characters, got 1.0"),
    ("names", ["Parking"], "names: expected an object of language code -> name, got a list of 1"),
    ("names", {"de": "Parken"}, "names: the English name ('en') is required"),
    ("names", {"en": "Parking", "EN": "x"}, "names: expected a language code like en, de or zh_CN, got 'EN'"),
    ("names", {"en": "Parking", "zh-CN": "x"}, "names: expected a language code like en, de or zh_CN, got 'zh-CN'"),
    ("names", {"en": ""}, "names.en: expected a non-empty name of at most 40 characters"),
    ("names", {"en": "   "}, "names.en: expected a non-empty name"),
    ("names", {"en": "P" * 41}, "names.en: expected a non-empty name of at most 40 characters"),
    ("names", {"en": "Park\x00ing"}, "names.en: expected a non-empty name of at most 40 characters without "
                                    "control characters, got 'Park\\x00ing'"),
    ("names", {"en": "Parking", "de": "Park\u202een"}, "names.de: expected a non-empty name"),
    ("names", {"en": "Parking", "de": None}, "names.de: expected a non-empty name of at most 40 characters "
                                             "without control characters, got null"),
    ("category", "utilities", "category: expected one of media, navigation, services, games, got 'utilities'"),
    ("category", ["media"], "category: expected one of media, navigation, services, games, got a list of 1"),
    ("entry", "Main.js", "entry: expected a .qml file, got 'Main.js'"),
    ("entry", "Main.QML", "entry: expected a .qml file, got 'Main.QML'"),
    ("entry", None, "entry: expected a relative path inside the app folder, got null"),
    ("icon", "icon.jpg", "icon: expected a .svg or .png file, got 'icon.jpg'"),
    ("icon", 3, "icon: expected a relative path inside the app folder, got 3"),
    ("permissions", "network", "permissions: expected a list of permission names, got 'network'"),
    ("permissions", ["network", "camera"], "permissions[1]: unknown permission 'camera' (known: vehicle.read, "
                                          "payments, network, media.audio, media.video)"),
    ("permissions", ["network", 7], "permissions[1]: expected a permission name, got 7"),
    ("permissions", ["network", "payments", "network"], "permissions[2]: duplicate permission 'network'"),
    ("usable_while_moving", 1, "usable_while_moving: expected true or false, got 1"),
    ("usable_while_moving", "true", "usable_while_moving: expected true or false, got 'true'"),
    ("usable_while_moving", None, "usable_while_moving: expected true or false, got null"),
])
def test_a_bad_field_is_refused_with_a_message_naming_it(field, value, message):
    assert message in refusal(with_field(field, value))


@pytest.mark.parametrize("field", list(VALID))
def test_every_field_is_required(field):
    data = copy.deepcopy(VALID)
    del data[field]
    assert refusal(data) == f"{field}: required field is missing"


def test_an_unknown_field_is_refused_not_ignored():
    message = refusal(with_field("autostart", True))
    assert message.startswith("unknown field 'autostart' (known: id, version, names, icon, category, entry, ")


def test_several_unknown_fields_are_all_named():
    data = with_field("autostart", True)
    data["usable_while_movng"] = True
    assert refusal(data).startswith("unknown fields 'autostart', 'usable_while_movng' (known: ")


@pytest.mark.parametrize("data, message", [
    ([], "manifest: expected a JSON object, got a list of 0"),
    ("{}", "manifest: expected a JSON object, got '{}'"),
    (None, "manifest: expected a JSON object, got null"),
])
def test_a_manifest_that_is_not_an_object_is_refused(data, message):
    assert refusal(data) == message


@pytest.mark.parametrize("path, problem", [
    ("../x.qml", "it contains '..'"),
    ("qml/../../x.qml", "it contains '..'"),
    ("/etc/x.qml", "it is absolute"),
    ("//server/x.qml", "it is absolute"),
    ("qml\\Main.qml", "it contains a backslash"),
    ("..\\x.qml", "it contains a backslash"),
    ("qml//Main.qml", "it has an empty or '.' part"),
    ("./Main.qml", "it has an empty or '.' part"),
    ("qml/./Main.qml", "it has an empty or '.' part"),
    ("qml/", "it has an empty or '.' part"),
    ("", "it is empty"),
    ("Main\x00.qml", "it contains a control character"),
    ("a/" * 130 + "x.qml", "it is longer than 255 characters"),
])
def test_path_tricks_are_refused_for_the_entry_and_the_icon(path, problem):
    assert path_problem(path) == problem
    for field, value in (("entry", path), ("icon", path.replace(".qml", ".svg"))):
        message = refusal(with_field(field, value))
        assert message.startswith(f"{field}: expected a relative path inside the app folder, got ")
        assert message.endswith(f" ({problem})")


def test_the_message_for_a_climbing_entry_reads_as_documented():
    assert refusal(with_field("entry", "../x.qml")).startswith(
        "entry: expected a relative path inside the app folder, got '../x.qml'")


@pytest.mark.parametrize("path", ["Main.qml", "qml/Main.qml", "a/b/c/Main.qml", "..hidden/Main.qml", "x..y.qml"])
def test_plain_relative_paths_are_accepted(path):
    assert path_problem(path) is None
    assert parse_manifest(with_field("entry", path)).entry == path
