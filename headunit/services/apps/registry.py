"""Finding the apps on disk: each app folder is checked before the launcher may show it.

An app root (the built-in headunit/apps, each of ``[apps] dirs``, the partner app install
dir) holds one folder per app. ``load_app`` accepts a folder only when its manifest.json
parses (core.apps.manifest), every permission it declares is granted by the config, the
entry and icon are regular files inside the folder, no symlink in the folder leads out
of it, and its QML keeps to the rules of core.apps.qml_rules. ``discover`` scans the
roots; a refused folder is logged and listed with its reason, never a crash, so one bad
app cannot keep the others (or the head unit) from starting. Blocking: file I/O only,
so callers in the GUI process run it on the worker executor.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from headunit.core.apps.manifest import AppManifest, ManifestError, parse_manifest
from headunit.core.apps.qml_rules import qml_problems

log = logging.getLogger("headunit.apps")

BUILTIN_APPS_DIR = Path(__file__).resolve().parents[2] / "apps"
MANIFEST = "manifest.json"
MANIFEST_MAX_BYTES = 64 * 1024
QML_MAX_BYTES = 512 * 1024
GRANTS_SETTING = "apps.granted_permissions"


class AppRefused(ValueError):
    """The app folder breaks a rule; the message says which, in one line."""


@dataclass(frozen=True)
class AppRoot:
    path: Path
    builtin: bool


@dataclass(frozen=True)
class AppInfo:
    manifest: AppManifest
    folder: Path
    builtin: bool

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def entry_path(self) -> Path:
        return self.folder / self.manifest.entry

    @property
    def icon_path(self) -> Path:
        return self.folder / self.manifest.icon


@dataclass(frozen=True)
class Refusal:
    folder: Path
    reason: str


@dataclass(frozen=True)
class Discovery:
    apps: tuple[AppInfo, ...]
    refused: tuple[Refusal, ...]


def discover(roots: Sequence[AppRoot], granted: Collection[str]) -> Discovery:
    """Every acceptable app in ``roots``, and every refused folder with its reason.

    Each root's immediate subfolders are read in name order (hidden ones, such as a
    package being unpacked, are skipped). Give the built-in root first: when two folders
    declare the same id, the first one found wins and the other is refused.
    """
    apps: list[AppInfo] = []
    refused: list[Refusal] = []
    first_folder: dict[str, Path] = {}

    def refuse(folder: Path, reason: str) -> None:
        log.warning("app refused: %s: %s", folder, reason)
        refused.append(Refusal(folder, reason))

    for root in roots:
        try:
            children = sorted(child for child in root.path.iterdir() if not child.name.startswith("."))
        except FileNotFoundError:
            refuse(root.path, "the app folder root does not exist")
            continue
        except NotADirectoryError:
            refuse(root.path, "the app folder root is not a folder")
            continue
        except OSError as exc:
            refuse(root.path, f"cannot list the app folder root: {exc.strerror or exc}")
            continue
        for child in children:
            if not child.is_dir():
                log.debug("not an app folder, skipped: %s", child)
                continue
            try:
                app = load_app(child, granted, root.builtin)
            except AppRefused as exc:
                refuse(child, str(exc))
                continue
            if app.id in first_folder:
                refuse(child, f"id {app.id!r} is already used by {first_folder[app.id]}")
                continue
            first_folder[app.id] = child
            apps.append(app)
    return Discovery(tuple(apps), tuple(refused))


def load_app(folder: Path, granted: Collection[str], builtin: bool = False) -> AppInfo:
    """The app in ``folder``, checked; raise AppRefused with the reason otherwise.

    ``folder`` may be a symlink only to a place inside its parent folder (the root).
    """
    folder = Path(folder)
    try:
        real = _real_folder(folder)
        manifest = _read_manifest(folder)
        for permission in manifest.permissions:
            if permission not in granted:
                raise AppRefused(f"permission {permission!r} is not granted by {GRANTS_SETTING}")
        _check_file(folder, real, "entry", manifest.entry)
        _check_file(folder, real, "icon", manifest.icon)
        _check_tree(real, manifest.permissions)
    except OSError as exc:
        raise AppRefused(f"cannot read the app folder: {exc.strerror or exc}") from exc
    return AppInfo(manifest, folder, builtin)


def _real_folder(folder: Path) -> Path:
    if not folder.is_dir():
        raise AppRefused("the app folder does not exist" if not os.path.lexists(folder)
                         else "the app folder is not a folder")
    real = folder.resolve(strict=True)
    if folder.is_symlink():
        parent = folder.parent.resolve(strict=True)
        if real == parent or not real.is_relative_to(parent):
            raise AppRefused(f"the app folder is a symlink to {real}, outside {parent}")
    return real


def _read_manifest(folder: Path) -> AppManifest:
    path = folder / MANIFEST
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        raise AppRefused(f"no {MANIFEST} in the app folder") from None
    if stat.S_ISLNK(mode):
        raise AppRefused(f"{MANIFEST} is a symlink; it must be a regular file in the app folder")
    if not stat.S_ISREG(mode):
        raise AppRefused(f"{MANIFEST} is not a regular file")
    try:
        raw = _read_capped(path, MANIFEST_MAX_BYTES)
    except OSError as exc:
        raise AppRefused(f"cannot read {MANIFEST}: {exc.strerror or exc}") from exc
    if raw is None:
        raise AppRefused(f"{MANIFEST} is larger than {MANIFEST_MAX_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_no_duplicate_keys,
                          parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise AppRefused(f"{MANIFEST} is not UTF-8 text (at byte offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise AppRefused(f"{MANIFEST} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except ValueError as exc:  # from the two hooks
        raise AppRefused(f"{MANIFEST} is not valid JSON: {exc}") from None
    try:
        return parse_manifest(data)
    except ManifestError as exc:
        raise AppRefused(f"{MANIFEST}: {exc}") from None


def _read_capped(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it holds more than ``limit``. Opened without
    following a symlink, so a manifest swapped for a link after the check is not read."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        raw = file.read(limit + 1)
    return None if len(raw) > limit else raw


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def _check_file(folder: Path, real: Path, field: str, relative: str) -> None:
    """The manifest's ``relative`` path (syntax already checked) names a regular file whose
    real path, symlinks followed, is inside the app folder."""
    path = folder / relative
    if not os.path.lexists(path):
        raise AppRefused(f"{field} {relative!r} does not exist in the app folder")
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise AppRefused(f"{field} {relative!r} is a broken symlink") from None
    if not target.is_relative_to(real):
        raise AppRefused(f"{field} {relative!r} leads outside the app folder (to {target})")
    if not target.is_file():
        raise AppRefused(f"{field} {relative!r} is not a regular file")


def _check_tree(real: Path, permissions: Sequence[str]) -> None:
    """No symlink anywhere in the folder leads out of it, and every .qml file keeps to
    the QML rules (the engine loads any of them by name, not only the entry)."""

    def stop(exc: OSError) -> None:
        raise exc

    for directory, subfolders, files in os.walk(real, onerror=stop):
        subfolders.sort()
        here = Path(directory)
        for name in (*subfolders, *sorted(files)):
            path = here / name
            shown = path.relative_to(real).as_posix()
            if path.is_symlink():
                try:
                    target = path.resolve(strict=False)
                except (OSError, RuntimeError):  # a loop of links (RuntimeError before Python 3.13)
                    raise AppRefused(f"{shown!r} is a symlink loop") from None
                if not target.is_relative_to(real):
                    raise AppRefused(f"{shown!r} is a symlink that leads outside the app folder (to {target})")
            if name.endswith(".qml") and path.is_file():
                _check_qml(path, shown, permissions)


def _check_qml(path: Path, shown: str, permissions: Sequence[str]) -> None:
    raw = _read_capped(path.resolve(strict=True), QML_MAX_BYTES)
    if raw is None:
        raise AppRefused(f"{shown} is larger than {QML_MAX_BYTES} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AppRefused(f"{shown} is not UTF-8 text (at byte offset {exc.start})") from None
    problems = qml_problems(text, permissions)
    if problems:
        line, problem = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise AppRefused(f"{shown}:{line}: {problem}{more}")
