"""Which Ed25519 public key partner app packages must be signed with.

The integrator's key (``apps.package_public_key``, base64 of the raw 32 bytes) when one is
configured. Otherwise, only while the head unit runs its own local reference backend, the
key that backend wrote beside its database (``<data_dir>/backend/package-signing.pub``):
the packages then come from the same machine. With a remote backend and no configured
key there is no key, and every package is refused.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from headunit.core.config import AppsConfig

SETTING = "apps.package_public_key"
KEY_BYTES = 32
LOCAL_PUBLIC_KEY = Path("backend") / "package-signing.pub"  # under the data dir
_FILE_MAX = 1024


def decode_public_key(text: str, where: str = SETTING) -> bytes:
    """The raw key in ``text`` (base64 with or without surrounding spaces); ValueError naming ``where``."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError(f"{where}: expected the base64 of a 32-byte Ed25519 public key, "
                         "got text that is not base64") from None
    if len(raw) != KEY_BYTES:
        raise ValueError(f"{where}: expected the base64 of a 32-byte Ed25519 public key, got {len(raw)} bytes")
    return raw


def package_public_key(apps_config: AppsConfig, data_dir: Path, local_backend: bool) -> bytes | None:
    """The configured key, else the local backend's (when ``local_backend``), else None.

    Raises ValueError for a configured key that is not valid, or a local key file that
    exists but is not one. A local key file that is missing (the backend has not started
    yet) gives None.
    """
    if apps_config.package_public_key.strip():
        return decode_public_key(apps_config.package_public_key)
    if not local_backend:
        return None
    path = Path(data_dir) / LOCAL_PUBLIC_KEY
    try:
        with path.open("rb") as file:
            data = file.read(_FILE_MAX + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the local backend's package key: {exc.strerror or exc}") from None
    if len(data) > _FILE_MAX:
        raise ValueError(f"{path}: expected the base64 of a 32-byte Ed25519 public key, got a larger file")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: expected the base64 of a 32-byte Ed25519 public key, got binary data") from None
    return decode_public_key(text, str(path))
