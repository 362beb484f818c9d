"""Installing partner apps from signed packages (zip + Ed25519 signature), all or nothing.

``PackageInstaller.install`` goes in this order, and refuses at the first problem:

1. a signing key is configured and the package came with a signature;
2. the signature verifies over the exact bytes received, before the zip is opened;
3. the zip is inspected without extracting anything: every member name is a plain
   relative path (no "..", no absolute path, no backslash), every member a regular file
   or folder (no symlink, device or FIFO), no name twice, at most MAX_MEMBERS members
   and MAX_TOTAL_BYTES unpacked, no member that expands more than MAX_RATIO times (a zip
   bomb), and a manifest.json at the top that parse_manifest accepts;
4. the members are written into ``install_dir/.staging-<uuid>`` (0700 while it is
   written) and the folder is checked as any app folder is (registry.load_app:
   permissions granted, entry and icon present, QML rules);
5. the folder is moved into place as ``install_dir/<app id>``: an installed version is
   renamed aside first, the new one renamed in, then the old one removed.

On any failure the staging folder is removed, so nothing is left in ``install_dir``.
Hidden names (``.staging-*``, ``.old-*``) are never app folders: the registry skips them,
and a crash's leftovers are tidied (an app renamed aside but not replaced is put back) on
the installer's first use.

Modes: ``install_dir`` is 0700, so no other user can even look inside. Within it an app
folder is what a plain copy would give, folders 0755 and files 0644, whatever the zip
says: a package never carries an executable bit, a setuid bit or a group-writable file.

Blocking (hashing, zip, file I/O): run it on the worker executor.
"""

from __future__ import annotations

import io
import json
import logging
import os
import shutil
import stat
import threading
import uuid
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from headunit.core.apps.manifest import AppManifest, ManifestError, parse_manifest, path_problem
from headunit.core.backend.models import APP_ID, APP_ID_MAX, PACKAGE_MAX_BYTES

from .partner_key import KEY_BYTES, SETTING
from .registry import MANIFEST, MANIFEST_MAX_BYTES, AppInfo, AppRefused, load_app

log = logging.getLogger("headunit.apps")

MAX_MEMBERS = 500
MAX_TOTAL_BYTES = 32 * 1024 * 1024
MAX_RATIO = 100  # unpacked / packed size of one member ...
RATIO_FLOOR_BYTES = 64 * 1024  # ... checked from this unpacked size on (small files vary a lot)
STAGING_PREFIX = ".staging-"
OLD_PREFIX = ".old-"
_CHUNK = 64 * 1024
_DIR_MODE = 0o755
_FILE_MODE = 0o644
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


class PackageRefused(ValueError):
    """The package is not installed; the message says why, in one line."""


class PackageInstaller:
    """Installs packages into ``install_dir`` for apps whose permissions ``granted`` covers."""

    def __init__(self, install_dir: Path, public_key: bytes | None, granted: Collection[str]) -> None:
        if public_key is not None and (not isinstance(public_key, bytes) or len(public_key) != KEY_BYTES):
            raise ValueError(f"public_key must be {KEY_BYTES} raw bytes (an Ed25519 public key) or None")
        self.install_dir = Path(install_dir)
        self._key = None if public_key is None else Ed25519PublicKey.from_public_bytes(public_key)
        self._granted = tuple(granted)
        self._lock = threading.Lock()
        self._tidied = False

    def install(self, package: bytes, signature: bytes | None, *, expected_id: str | None = None) -> AppInfo:
        """Verify, check and install ``package``; the installed app. Raises PackageRefused
        (OSError when the disk fails: then too nothing is left behind).

        ``expected_id``: the app the caller asked for; a package holding another is refused.
        """
        manifest = self._verified_manifest(package, signature)
        if expected_id is not None and manifest.id != expected_id:
            raise PackageRefused(f"the package holds {manifest.id}, not the {expected_id} asked for")
        with self._lock:
            self._prepare()
            staging = self.install_dir / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
            try:
                staging.mkdir(mode=0o700)
                _extract(package, staging)
                try:
                    app = load_app(staging, self._granted)
                except AppRefused as exc:
                    raise PackageRefused(str(exc)) from None
                if app.id != manifest.id:  # the same file was read twice: a change means tampering
                    raise PackageRefused("manifest.json changed while the package was unpacked")
                os.chmod(staging, _DIR_MODE)
                final = self.install_dir / manifest.id
                self._swap_in(staging, final)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
        log.info("installed %s %s into %s", manifest.id, manifest.version, final)
        return replace(app, folder=final)

    def uninstall(self, app_id: str) -> None:
        """Remove the installed app ``app_id``; nothing happens when it is not installed."""
        folder = self.install_dir / _checked_id(app_id)
        with self._lock:
            self._prepare()
            if not folder.is_dir() or folder.is_symlink():
                return
            aside = self.install_dir / f"{OLD_PREFIX}{app_id}-{uuid.uuid4().hex}"
            os.rename(folder, aside)  # gone from the launcher at once, even if removing fails half-way
            _fsync_dir(self.install_dir)
            shutil.rmtree(aside, ignore_errors=True)
        log.info("uninstalled %s", app_id)

    def installed(self) -> list[Path]:
        """The installed app folders, by name (hidden work folders left out)."""
        with self._lock:
            self._prepare()
            return sorted(p for p in self.install_dir.iterdir()
                          if not p.name.startswith(".") and p.is_dir() and not p.is_symlink())

    # -- verification -------------------------------------------------------------------

    def _verified_manifest(self, package: bytes, signature: bytes | None) -> AppManifest:
        if self._key is None:
            raise PackageRefused(f"no package signing key is configured ({SETTING})")
        if signature is None:
            raise PackageRefused("unsigned package")
        if not isinstance(package, bytes) or not isinstance(signature, bytes):
            raise TypeError("package and signature must be bytes")
        if len(package) > PACKAGE_MAX_BYTES:
            raise PackageRefused(f"the package is too large ({len(package)} bytes; at most {PACKAGE_MAX_BYTES})")
        try:
            self._key.verify(signature, package)
        except InvalidSignature:
            raise PackageRefused("signature does not match") from None
        return inspect_package(package)

    # -- the install folder ---------------------------------------------------------------

    def _prepare(self) -> None:
        """Make install_dir (0700) and, once, tidy what a crash left behind."""
        if not self.install_dir.is_dir():
            self.install_dir.mkdir(mode=0o700, parents=True)
        if self._tidied:
            return
        self._tidied = True
        for child in sorted(self.install_dir.iterdir()):
            if child.name.startswith(STAGING_PREFIX):
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith(OLD_PREFIX):
                app_id = child.name[len(OLD_PREFIX):].rsplit("-", 1)[0]
                original = self.install_dir / app_id
                if APP_ID.fullmatch(app_id) and not os.path.lexists(original):
                    log.warning("restoring %s: a crash interrupted its replacement", app_id)
                    os.rename(child, original)
                else:
                    shutil.rmtree(child, ignore_errors=True)

    def _swap_in(self, staging: Path, final: Path) -> None:
        if not os.path.lexists(final):
            os.rename(staging, final)
            _fsync_dir(self.install_dir)
            return
        aside = self.install_dir / f"{OLD_PREFIX}{final.name}-{uuid.uuid4().hex}"
        os.rename(final, aside)
        try:
            os.rename(staging, final)
        except BaseException:
            os.rename(aside, final)
            raise
        _fsync_dir(self.install_dir)
        if aside.is_dir() and not aside.is_symlink():
            shutil.rmtree(aside, ignore_errors=True)
        else:
            aside.unlink(missing_ok=True)


def inspect_package(package: bytes) -> AppManifest:
    """The manifest of the zip in ``package`` after checking every member; PackageRefused otherwise.

    Nothing is extracted: only the central directory and manifest.json are read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            members = archive.infolist()
            _check_members(members)
            return _manifest(archive)
    except PackageRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise PackageRefused(f"not a usable zip archive ({exc or type(exc).__name__})") from None


def _check_members(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise PackageRefused(f"the package has {len(members)} members (at most {MAX_MEMBERS})")
    files: set[str] = set()
    folders: set[str] = set()
    total = 0
    for info in members:
        name = info.filename[:-1] if info.is_dir() else info.filename
        shown = json.dumps(info.filename, ensure_ascii=False)
        problem = path_problem(name)
        if problem is not None:
            raise PackageRefused(f"member {shown}: {problem}")
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise PackageRefused(f"member {shown} is a symlink")
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR) or (kind == stat.S_IFDIR and not info.is_dir()):
            raise PackageRefused(f"member {shown} is a special file, not a regular file or folder")
        if info.flag_bits & 0x1:
            raise PackageRefused(f"member {shown} is encrypted")
        if info.compress_type not in _METHODS:
            raise PackageRefused(f"member {shown} uses compression method {info.compress_type} "
                                 "(only stored and deflated are accepted)")
        if name in files or name in folders:
            raise PackageRefused(f"member {shown} appears twice")
        (folders if info.is_dir() else files).add(name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackageRefused(f"the package unpacks to more than {MAX_TOTAL_BYTES} bytes")
        if info.file_size >= RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * info.compress_size:
            raise PackageRefused(f"member {shown} expands {info.file_size // max(info.compress_size, 1)} times "
                                 f"(at most {MAX_RATIO}): a zip bomb?")
    for name in files:
        parts = name.split("/")
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]) in files:
                raise PackageRefused(f"member {json.dumps(name, ensure_ascii=False)} is inside "
                                     f"{json.dumps('/'.join(parts[:depth]), ensure_ascii=False)}, which is a file")
    if MANIFEST not in files:
        raise PackageRefused(f"no {MANIFEST} at the top of the package")


def _manifest(archive: zipfile.ZipFile) -> AppManifest:
    info = archive.getinfo(MANIFEST)
    if info.file_size > MANIFEST_MAX_BYTES:
        raise PackageRefused(f"{MANIFEST} is larger than {MANIFEST_MAX_BYTES} bytes")
    raw = archive.read(info)
    try:
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_unique_keys)
    except UnicodeDecodeError as exc:
        raise PackageRefused(f"{MANIFEST} is not UTF-8 text (byte {exc.start})") from None
    except ValueError as exc:
        raise PackageRefused(f"{MANIFEST} is not valid JSON: {exc}") from None
    try:
        return parse_manifest(data)
    except ManifestError as exc:
        raise PackageRefused(f"{MANIFEST}: {exc}") from None


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("a key appears twice in one object")
    return result


def _extract(package: bytes, staging: Path) -> None:
    """Write the (already inspected) members under ``staging``, counting what is really
    unpacked against what the zip declared."""
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    _make_dirs(staging, info.filename.rstrip("/"))
                else:
                    _write_member(archive, info, staging)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise PackageRefused(f"a member of the package is damaged ({exc or type(exc).__name__})") from None
    for directory, _subfolders, _files in os.walk(staging):
        if Path(directory) != staging:  # the staging folder itself stays 0700 until it moves into place
            os.chmod(directory, _DIR_MODE)
        _fsync_dir(Path(directory))


def _make_dirs(staging: Path, relative: str) -> Path:
    folder = staging
    for part in relative.split("/"):
        folder = folder / part
        if not folder.is_dir():
            folder.mkdir(mode=0o700)
    return folder


def _write_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path) -> None:
    parent, _, name = info.filename.rpartition("/")
    folder = _make_dirs(staging, parent) if parent else staging
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(folder / name, flags, 0o600)
    written = 0
    with os.fdopen(fd, "wb") as out, archive.open(info) as source:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > info.file_size:
                raise PackageRefused(f"member {info.filename!r} unpacks to more than the {info.file_size} "
                                     "bytes it declares")
            out.write(chunk)
        out.flush()
        os.fchmod(out.fileno(), _FILE_MODE)
        os.fsync(out.fileno())


def _checked_id(app_id: str) -> str:
    if not isinstance(app_id, str) or len(app_id) > APP_ID_MAX or not APP_ID.fullmatch(app_id):
        raise ValueError(f"an app id looks like com.example.radio, got {app_id!r}")
    return app_id


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
