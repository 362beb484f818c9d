"""The QML an app may contain: allowed imports, media imports only with a media
permission, no HeadUnit.Stores, no quoted imports, no forbidden APIs; comments ignored."""

from __future__ import annotations

import pytest

from headunit.core.apps.qml_rules import qml_problems

PLAIN = """\
import QtQuick
import QtQuick.Layouts 1.15
import QtQuick.Controls as QQC
import HeadUnit

Item {
    id: root
    property QtObject host
}
"""


def test_the_allowed_imports_pass():
    assert qml_problems(PLAIN, ()) == []


def test_qt_multimedia_needs_a_media_permission():
    text = "import QtQuick\nimport QtMultimedia\nItem { id: root }\n"
    assert qml_problems(text, ("media.audio",)) == []
    assert qml_problems(text, ("media.video",)) == []
    assert qml_problems(text, ("network", "vehicle.read")) == [
        (2, "import QtMultimedia is not allowed (QtMultimedia needs media.audio or media.video); "
            "allowed: QtQuick, QtQuick.Layouts, QtQuick.Controls, HeadUnit")]


@pytest.mark.parametrize("line, problem", [
    ("import QtNetwork", "import QtNetwork is not allowed; allowed: "),
    ("import QtQuick.LocalStorage 2.0", "import QtQuick.LocalStorage is not allowed; allowed: "),
    ("import QtQuick.Controls.Material", "import QtQuick.Controls.Material is not allowed; allowed: "),
    ("import HeadUnit.Stores", "import HeadUnit.Stores is not allowed: an app reaches the head unit only through its host"),
    ("import HeadUnit.Stores 1.0 as S", "import HeadUnit.Stores is not allowed"),
    ('import "../other"', "quoted imports (a directory or a JavaScript file) are not allowed"),
    ("import 'lib.js' as Lib", "quoted imports (a directory or a JavaScript file) are not allowed"),
])
def test_a_forbidden_import_is_found_on_its_line(line, problem):
    problems = qml_problems(f"import QtQuick\n{line}\nItem {{ id: root }}\n", ("media.audio",))
    assert problems, "nothing found"
    assert {number for number, _ in problems} == {2}
    assert problems[0][1].startswith(problem)


@pytest.mark.parametrize("code, api", [
    ("var request = new XMLHttpRequest()", "XMLHttpRequest"),
    ('Qt.createQmlObject("import QtNetwork; Item {}", root)', "Qt.createQmlObject"),
    ('Qt.openUrlExternally("https://example.com")', "Qt.openUrlExternally"),
    ('Qt["openUrlExternally"]("https://example.com")', "Qt.openUrlExternally"),
    ('var db = LocalStorage.openDatabaseSync("x", "1", "", 1)', "LocalStorage"),
])
def test_forbidden_apis_are_found_on_their_line(code, api):
    text = f"import QtQuick\nItem {{\n    id: root\n    Component.onCompleted: {{ {code} }}\n}}\n"
    problems = qml_problems(text, ())
    assert [line for line, _ in problems] == [4]
    assert problems[0][1].startswith(f"{api} is not allowed: ")


def test_comments_are_ignored_and_strings_do_not_count_as_imports():
    text = (
        "import QtQuick // import QtNetwork\n"
        "/* import HeadUnit.Stores\n"
        "   XMLHttpRequest */\n"
        'Item { id: root; property string hint: "import QtNetwork to fetch" }\n'
        "// Qt.openUrlExternally is not used here\n"
    )
    assert qml_problems(text, ()) == []


def test_a_comment_marker_inside_a_string_does_not_hide_what_follows():
    text = 'import QtQuick\nItem { id: root; property string url: "http://x" }\nimport QtNetwork\n'
    assert [line for line, _ in qml_problems(text, ())] == [3]


def test_imports_after_a_semicolon_on_one_line_are_each_checked():
    problems = qml_problems("import QtQuick; import QtNetwork; import QtPositioning\nItem { id: root }\n", ())
    assert [problem.split(" is not")[0] for _, problem in problems] == ["import QtNetwork", "import QtPositioning"]


def test_line_numbers_count_lines_inside_comments_and_template_strings():
    text = "import QtQuick\n/*\n\n*/\nItem {\n  property string s: `a\nb`\n  function f() { return new XMLHttpRequest() }\n}\n"
    assert [line for line, _ in qml_problems(text, ())] == [8]
