"""Partner apps for ``GET /v1/apps``: each source folder zipped and signed at start.

A source folder (``partner_apps/<folder>/``) holds the app as the head unit installs it
(manifest.json, icon, QML) plus ``store.json``, the listing's extra text
(``{"summary": {"en": ...}}``), which stays out of the package. The zip is
deterministic: members in sorted order, a fixed timestamp and mode, deflate at level 9,
so the same sources always give the same bytes (and the same signature: Ed25519 is
deterministic too). The signature covers exactly the bytes served.
"""

from __future__ import annotations

import base64
import io
import json
import stat
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from headunit.core.apps.manifest import AppManifest, ManifestError, parse_manifest

SOURCE_DIR = Path(__file__).parent / "partner_apps"
MANIFEST = "manifest.json"
LISTING = "store.json"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
_FILE_ATTR = (stat.S_IFREG | 0o644) << 16
_UNIX = 3  # "made by" system: Unix, so the mode bits above are read as such


class AppStoreError(Exception):
    """A partner app source cannot be packaged; the message names the folder and why."""


@dataclass(frozen=True)
class PartnerPackage:
    manifest: AppManifest
    summary: Mapping[str, str]
    data: bytes  # the zip
    signature: bytes  # Ed25519 over data, 64 bytes

    def listing(self) -> dict[str, Any]:
        """The app's entry in GET /v1/apps."""
        manifest = self.manifest
        return {"id": manifest.id, "version": manifest.version, "names": dict(manifest.names),
                "category": manifest.category, "summary": dict(self.summary),
                "permissions": list(manifest.permissions), "usable_while_moving": manifest.usable_while_moving,
                "size_bytes": len(self.data)}

    def signature_header(self) -> str:
        return base64.b64encode(self.signature).decode("ascii")


class AppStore:
    """The packages by app id, in id order."""

    def __init__(self, packages: Mapping[str, PartnerPackage]) -> None:
        self._packages = dict(sorted(packages.items()))

    @classmethod
    def build(cls, key: Ed25519PrivateKey, source_dir: Path = SOURCE_DIR) -> AppStore:
        """Package and sign every folder of ``source_dir``; AppStoreError if one is broken."""
        packages: dict[str, PartnerPackage] = {}
        folders = sorted(p for p in Path(source_dir).iterdir() if p.is_dir()) if Path(source_dir).is_dir() else []
        for folder in folders:
            manifest = read_manifest(folder)
            if manifest.id in packages:
                raise AppStoreError(f"partner app {folder}: the id {manifest.id} is used by another folder too")
            data = build_package(folder)
            packages[manifest.id] = PartnerPackage(manifest, _summary(folder), data, key.sign(data))
        return cls(packages)

    def listing(self) -> list[dict[str, Any]]:
        return [package.listing() for package in self._packages.values()]

    def get(self, app_id: str) -> PartnerPackage | None:
        return self._packages.get(app_id)


def read_manifest(folder: Path) -> AppManifest:
    """The folder's manifest.json, checked with the head unit's own rules."""
    try:
        return parse_manifest(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:  # ManifestError and JSONDecodeError are ValueErrors
        kind = "manifest" if isinstance(exc, ManifestError) else MANIFEST
        raise AppStoreError(f"partner app {folder}: {kind}: {exc}") from None


def build_package(folder: Path) -> bytes:
    """The zip of ``folder`` (without store.json), byte for byte the same for the same files."""
    members: list[tuple[str, Path]] = []
    for path in Path(folder).rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            raise AppStoreError(f"partner app {folder}: {name} is a symbolic link; packages hold plain files")
        if path.is_file() and name != LISTING:
            members.append((name, path))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, path in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = _FILE_ATTR
            info.create_system = _UNIX
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()


def _summary(folder: Path) -> dict[str, str]:
    try:
        summary = json.loads((folder / LISTING).read_text(encoding="utf-8"))["summary"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise AppStoreError(f"partner app {folder}: {LISTING} needs {{\"summary\": {{\"en\": ...}}}} "
                            f"({type(exc).__name__}: {exc})") from None
    if (not isinstance(summary, dict) or "en" not in summary
            or not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in summary.items())):
        raise AppStoreError(f"partner app {folder}: {LISTING}: summary must map language codes to texts, "
                            "English ('en') included")
    return summary
