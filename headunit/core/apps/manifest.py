"""An app's manifest.json: what it is called, what it shows, what it may use.

Pure: ``parse_manifest`` takes the decoded JSON and checks every field, including the
syntax of the entry and icon paths (relative, inside the app folder); whether those
files exist, and where symlinks lead, is the registry's job (services/apps). Unknown
fields are refused, never ignored: a typo such as ``usable_while_movng`` must not
silently fall back to a default, and a field from a newer format must not be half obeyed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from headunit.core.config import APP_PERMISSIONS
from headunit.core.config_checks import LANGUAGE

CATEGORIES = ("media", "navigation", "services", "games")
FIELDS = ("id", "version", "names", "icon", "category", "entry", "permissions", "usable_while_moving")
FALLBACK_LANGUAGE = "en"
ID_MAX = 100
VERSION_MAX = 32
NAME_MAX = 40
PATH_MAX = 255
ENTRY_SUFFIXES = (".qml",)
ICON_SUFFIXES = (".svg", ".png")

APP_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")  # reverse DNS; also the catalogue's and the URL's rule
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SHOWN = 60  # characters of a bad string shown in a message


class ManifestError(ValueError):
    """The manifest breaks a rule; the message starts with the field it is about."""


@dataclass(frozen=True)
class AppManifest:
    id: str  # reverse-DNS, lowercase: "headunit.music", "com.example.parking"
    version: str
    names: Mapping[str, str]  # language code -> display name; "en" always present
    icon: str  # relative POSIX path inside the app folder (.svg or .png)
    category: str  # one of CATEGORIES
    entry: str  # relative POSIX path of the root QML file
    permissions: tuple[str, ...]  # from APP_PERMISSIONS, as declared
    usable_while_moving: bool

    def name_for(self, language: str) -> str:
        """The name in ``language`` ("zh_CN"), else its base language ("zh"), else English."""
        base = language.split("_", 1)[0]
        for candidate in (language, base, FALLBACK_LANGUAGE):
            if candidate in self.names:
                return self.names[candidate]
        return next(iter(self.names.values()), self.id)  # only for a manifest built by hand


def parse_manifest(data: object) -> AppManifest:
    """Check decoded manifest JSON and build the manifest; raise ManifestError naming the field."""
    if not isinstance(data, dict):
        raise ManifestError(f"manifest: expected a JSON object, got {_shown(data)}")
    unknown = [key for key in data if key not in FIELDS]
    if unknown:
        listed = ", ".join(_shown(key) for key in unknown)
        plural = "s" if len(unknown) > 1 else ""
        raise ManifestError(f"unknown field{plural} {listed} (known: {', '.join(FIELDS)})")
    for name in FIELDS:
        if name not in data:
            raise ManifestError(f"{name}: required field is missing")
    return AppManifest(
        id=_app_id(data["id"]),
        version=_version(data["version"]),
        names=_names(data["names"]),
        icon=_relative_path("icon", data["icon"], ICON_SUFFIXES),
        category=_category(data["category"]),
        entry=_relative_path("entry", data["entry"], ENTRY_SUFFIXES),
        permissions=_permissions(data["permissions"]),
        usable_while_moving=_flag("usable_while_moving", data["usable_while_moving"]),
    )


def path_problem(value: str) -> str | None:
    """Why ``value`` is not a plain relative POSIX path inside a folder, or None if it is.

    No absolute paths, no backslashes (a Windows separator or an escape), no "..", and no
    empty or "." parts, so a path names exactly one place and cannot climb out.
    """
    if value == "":
        return "it is empty"
    if len(value) > PATH_MAX:
        return f"it is longer than {PATH_MAX} characters"
    if _has_control(value):
        return "it contains a control character"
    if "\\" in value:
        return "it contains a backslash"
    if value.startswith("/"):
        return "it is absolute"
    parts = value.split("/")
    if ".." in parts:
        return "it contains '..'"
    if "" in parts or "." in parts:
        return "it has an empty or '.' part"
    return None


def _app_id(value: Any) -> str:
    if not isinstance(value, str) or len(value) > ID_MAX or not APP_ID.fullmatch(value):
        raise ManifestError(
            f"id: expected a lowercase reverse-DNS id like 'com.example.parking' "
            f"(at most {ID_MAX} characters), got {_shown(value)}"
        )
    return value


def _version(value: Any) -> str:
    ok = (isinstance(value, str) and 0 < len(value) <= VERSION_MAX and value == value.strip()
          and not _has_control(value))
    if not ok:
        raise ManifestError(
            f"version: expected a non-empty string of at most {VERSION_MAX} characters without "
            f"surrounding spaces or control characters, got {_shown(value)}"
        )
    return value


def _names(value: Any) -> Mapping[str, str]:
    if not isinstance(value, dict):
        raise ManifestError(f"names: expected an object of language code -> name, got {_shown(value)}")
    for language, name in value.items():
        problem = LANGUAGE(language) if isinstance(language, str) else "expected a language code"
        if problem is not None:
            raise ManifestError(f"names: {problem}")
        ok = (isinstance(name, str) and name.strip() != "" and len(name) <= NAME_MAX
              and not _has_control(name))
        if not ok:
            raise ManifestError(
                f"names.{language}: expected a non-empty name of at most {NAME_MAX} characters "
                f"without control characters, got {_shown(name)}"
            )
    if FALLBACK_LANGUAGE not in value:
        raise ManifestError(f"names: the English name ({FALLBACK_LANGUAGE!r}) is required")
    return MappingProxyType(dict(value))


def _category(value: Any) -> str:
    if not isinstance(value, str) or value not in CATEGORIES:
        raise ManifestError(f"category: expected one of {', '.join(CATEGORIES)}, got {_shown(value)}")
    return value


def _relative_path(field: str, value: Any, suffixes: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        raise ManifestError(f"{field}: expected a relative path inside the app folder, got {_shown(value)}")
    problem = path_problem(value)
    if problem is not None:
        raise ManifestError(
            f"{field}: expected a relative path inside the app folder, got {_shown(value)} ({problem})"
        )
    if not value.endswith(suffixes):
        raise ManifestError(f"{field}: expected a {' or '.join(suffixes)} file, got {_shown(value)}")
    return value


def _permissions(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ManifestError(f"permissions: expected a list of permission names, got {_shown(value)}")
    seen: list[str] = []
    for index, permission in enumerate(value):
        where = f"permissions[{index}]"
        if not isinstance(permission, str):
            raise ManifestError(f"{where}: expected a permission name, got {_shown(permission)}")
        if permission not in APP_PERMISSIONS:
            raise ManifestError(
                f"{where}: unknown permission {_shown(permission)} (known: {', '.join(APP_PERMISSIONS)})"
            )
        if permission in seen:
            raise ManifestError(f"{where}: duplicate permission {_shown(permission)}")
        seen.append(permission)
    return tuple(seen)


def _flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ManifestError(f"{field}: expected true or false, got {_shown(value)}")
    return value


def _has_control(text: str) -> bool:
    """Control characters, line/paragraph separators and bidi overrides (which can make a
    name read as something else) are never part of a name, version or path."""
    return any(
        char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in text
    )


def _shown(value: Any) -> str:
    """A bad value for a message: strings quoted (and cut short), other JSON types named."""
    if isinstance(value, str):
        return repr(value if len(value) <= _SHOWN else value[:_SHOWN] + "…")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    return type(value).__name__
