"""What an app's QML may use, checked on the text before the app is offered to the driver.

Apps reach the head unit only through the ``host`` object they are given, whose
properties follow their permissions; so they may import only the plain Qt Quick modules,
Qt Multimedia when they hold a media permission, and HeadUnit (panels, controls, style).
Refused: ``import HeadUnit.Stores`` (the stores are not the app's to take), quoted
imports (a directory or a JavaScript file, which would bring in unchecked code), and the
APIs DESIGN.md keeps out of QML (XMLHttpRequest, LocalStorage) or that reach past the
head unit (Qt.createQmlObject builds unchecked QML from a string, Qt.openUrlExternally
hands a URL to another program). Comments are ignored. This is a static check, not a
sandbox: it keeps honest mistakes and plain misuse out, an app folder is still trusted
code that the integrator or a signed package put there.
"""

from __future__ import annotations

import re
from collections.abc import Collection

BASE_IMPORTS = ("QtQuick", "QtQuick.Layouts", "QtQuick.Controls", "HeadUnit")
MEDIA_IMPORTS = ("QtMultimedia",)
MEDIA_PERMISSIONS = ("media.audio", "media.video")
FORBIDDEN_WORDS = {  # word -> (the API as written, why it is kept out)
    "XMLHttpRequest": ("XMLHttpRequest", "network access goes through the host's stores"),
    "LocalStorage": ("LocalStorage", "apps keep no database of their own"),
    "createQmlObject": ("Qt.createQmlObject", "QML built from a string escapes this check"),
    "openUrlExternally": ("Qt.openUrlExternally", "apps do not start other programs"),
}

_IMPORT = re.compile(r"\bimport\s+(?:([\"'`])|([A-Za-z_][\w.]*))")
_WORD = re.compile(r"\b(" + "|".join(FORBIDDEN_WORDS) + r")\b")


def allowed_imports(permissions: Collection[str]) -> tuple[str, ...]:
    media = any(permission in MEDIA_PERMISSIONS for permission in permissions)
    return BASE_IMPORTS + (MEDIA_IMPORTS if media else ())


def qml_problems(text: str, permissions: Collection[str]) -> list[tuple[int, str]]:
    """Every rule ``text`` breaks, as (line number from 1, what is wrong), in file order."""
    code, bare = _strip(text)
    allowed = allowed_imports(permissions)
    found: list[tuple[int, str]] = []
    for match in _IMPORT.finditer(bare):
        quote, module = match.groups()
        line = bare.count("\n", 0, match.start()) + 1
        if quote:
            found.append((line, "quoted imports (a directory or a JavaScript file) are not allowed"))
        elif module == "HeadUnit.Stores" or module.startswith("HeadUnit.Stores."):
            found.append((line, "import HeadUnit.Stores is not allowed: an app reaches the head unit "
                                "only through its host"))
        elif module not in allowed:
            hint = " (QtMultimedia needs media.audio or media.video)" if module in MEDIA_IMPORTS else ""
            found.append((line, f"import {module} is not allowed{hint}; allowed: {', '.join(allowed)}"))
    for match in _WORD.finditer(code):
        line = code.count("\n", 0, match.start()) + 1
        api, why = FORBIDDEN_WORDS[match.group(1)]
        found.append((line, f"{api} is not allowed: {why}"))
    found.sort(key=lambda problem: problem[0])
    return found


def _strip(text: str) -> tuple[str, str]:
    """(text without comments, text without comments and string contents), both keeping
    every line break in place so that line numbers still match the file."""
    code: list[str] = []
    bare: list[str] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        pair = text[index:index + 2]
        if pair == "//":
            end = text.find("\n", index)
            end = length if end < 0 else end
            _blank(text[index:end], code, bare)
            index = end
        elif pair == "/*":
            end = text.find("*/", index + 2)
            end = length if end < 0 else end + 2
            _blank(text[index:end], code, bare)
            index = end
        elif char in "\"'`":
            end = _string_end(text, index)
            literal = text[index:end]
            code.append(literal)
            bare.append(char)
            _blank(literal[1:], bare)
            index = end
        else:
            code.append(char)
            bare.append(char)
            index += 1
    return "".join(code), "".join(bare)


def _string_end(text: str, start: int) -> int:
    """The index just past the string literal opened at ``start`` (or the end of an
    unterminated one); a backslash escapes the next character."""
    quote, index = text[start], start + 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == quote or (char == "\n" and quote != "`"):
            return index + 1
        index += 1
    return len(text)


def _blank(part: str, *outputs: list[str]) -> None:
    blanked = "".join("\n" if c == "\n" else " " for c in part)
    for output in outputs:
        output.append(blanked)
