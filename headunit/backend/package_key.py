"""The reference backend's Ed25519 key for signing partner app packages.

The private key is a file: PKCS#8 PEM without a passphrase, the format of
``openssl genpkey -algorithm ed25519 -out package-signing.key``. When the file is
missing it is created on first start with mode 0600 (its folder 0700 when new); an
existing file that group or others may read is refused, as a credential is. The public
key, the base64 of its raw 32 bytes (what the head unit's ``apps.package_public_key``
takes), is written beside it as ``<key name>.pub`` with mode 0644 on every start, so
``package-signing.key`` gives ``package-signing.pub``.
"""

from __future__ import annotations

import base64
import os
import stat
import tempfile
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY_FILE_NAME = "package-signing.key"


class PackageKeyError(Exception):
    """The signing key file cannot be used; the message names the file and why."""


def public_key_path(key_path: Path) -> Path:
    """Where the public key of ``key_path`` is written: the same name with ``.pub``."""
    return Path(key_path).with_suffix(".pub")


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The base64 of the raw 32-byte public key."""
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def load_or_create_key(key_path: Path) -> Ed25519PrivateKey:
    """The key in ``key_path``, made (0600) when the file does not exist yet."""
    key_path = Path(key_path)
    if key_path.suffix == ".pub":
        raise PackageKeyError(f"package signing key {key_path}: a private key file must not end in .pub")
    if not key_path.exists():
        _create(key_path)
    return _load(key_path)


def write_public_key(key: Ed25519PrivateKey, key_path: Path) -> Path:
    """Write (atomically, 0644) the public key file beside ``key_path``; its path."""
    path = public_key_path(key_path)
    text = public_key_text(key) + "\n"
    try:
        if path.read_text(encoding="ascii") == text and stat.S_IMODE(path.stat().st_mode) == 0o644:
            return path
    except (OSError, UnicodeDecodeError):
        pass
    _write_atomically(path, text.encode("ascii"), 0o644, exclusive=False)
    return path


def _create(key_path: Path) -> None:
    if not key_path.parent.exists():
        key_path.parent.mkdir(mode=0o700, parents=True)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    _write_atomically(key_path, pem, 0o600, exclusive=True)


def _load(key_path: Path) -> Ed25519PrivateKey:
    try:
        mode = stat.S_IMODE(key_path.stat().st_mode)
        data = key_path.read_bytes()
    except OSError as exc:
        raise PackageKeyError(f"package signing key {key_path}: {exc.strerror or exc}") from None
    if mode & 0o077:
        raise PackageKeyError(f"package signing key {key_path} may be read by others (mode {mode:04o}); "
                              f"make it private: chmod 600 {key_path}")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise PackageKeyError(f"package signing key {key_path}: not an unencrypted PKCS#8 PEM private key "
                              f"({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackageKeyError(f"package signing key {key_path}: an Ed25519 key is needed, "
                              f"not {type(key).__name__.lstrip('_')}")
    return key


def _write_atomically(path: Path, data: bytes, mode: int, *, exclusive: bool) -> None:
    """Temp file in the same folder, fsync, then rename (or, when ``exclusive``, link:
    a file another process made first is kept)."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), mode)
            os.fsync(file.fileno())
        if exclusive:
            try:
                os.link(temp, path)
            except FileExistsError:
                pass
        else:
            os.replace(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)
